import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { lookupSession } from "@/lib/auth/session";
import { ForcedPasswordChange } from "@/components/auth/forced-password-change";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { BrandMark } from "@/components/shell/brand-mark";

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
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-900 to-slate-800 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <BrandMark className="h-12 w-12" />
          <h1 className="mt-3 text-2xl font-semibold text-white">Silkroute</h1>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl">
          <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="mb-4 mt-2 text-sm text-slate-600" data-testid="forced-change-body">
            {t("body")}
          </p>
          <ForcedPasswordChange />
        </div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch tone="dark" />
        </div>
      </div>
    </main>
  );
}
