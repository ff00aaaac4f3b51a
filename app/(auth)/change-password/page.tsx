import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { lookupSession } from "@/lib/auth/session";
import { ForcedPasswordChange } from "@/components/auth/forced-password-change";
import { AuthFrame } from "@/components/auth/auth-frame";

export async function generateMetadata() {
  const t = await getTranslations("passwordChange");
  return { title: t("title") };
}

/**
 * Where every page sends a user whose password someone else chose (the first admin's one-time
 * password) until they have chosen their own; routes and actions refuse them meanwhile.
 */
export default async function ChangePasswordPage() {
  const session = await lookupSession();
  if (session.status !== "signed-in") redirect(`/sign-in?${new URLSearchParams({ next: "/", ...(session.status === "expired" ? { reason: "expired" } : {}) }).toString()}`);
  if (!session.user.mustChangePassword) redirect("/");
  const t = await getTranslations("passwordChange");
  return (
    <AuthFrame>
      <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
      <p className="mb-4 mt-2 text-sm text-slate-600" data-testid="forced-change-body">
        {t("body")}
      </p>
      <ForcedPasswordChange />
    </AuthFrame>
  );
}
