"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LogOut } from "lucide-react";
import { useSignOut } from "@/components/auth/use-sign-out";
import { Button } from "@/components/ui/button";
import { ChangePasswordForm } from "@/components/settings/change-password-form";

/** The only thing a user whose password someone else chose can do: choose their own, or sign out. */
export function ForcedPasswordChange() {
  const t = useTranslations("passwordChange");
  const router = useRouter();
  const signOut = useSignOut();
  return (
    <div className="space-y-4">
      <ChangePasswordForm
        onChanged={() => {
          router.replace("/");
          router.refresh();
        }}
      />
      <Button
        variant="ghost"
        size="sm"
        data-testid="forced-change-sign-out"
        onClick={signOut}
      >
        <LogOut aria-hidden className="h-4 w-4" />
        {t("signOut")}
      </Button>
    </div>
  );
}
