"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LogOut } from "lucide-react";
import { authClient } from "@/lib/auth/auth-client";
import { Button } from "@/components/ui/button";
import { ChangePasswordForm } from "@/components/settings/change-password-form";

/** The only thing a user whose password someone else chose can do: choose their own, or sign out. */
export function ForcedPasswordChange() {
  const t = useTranslations("passwordChange");
  const router = useRouter();
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
        onClick={async () => {
          await authClient.signOut();
          router.replace("/sign-in?reason=signed-out");
          router.refresh();
        }}
      >
        <LogOut aria-hidden className="h-4 w-4" />
        {t("signOut")}
      </Button>
    </div>
  );
}
