import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center" data-testid="forbidden">
        <ShieldAlert aria-hidden className="mx-auto h-10 w-10 text-amber-600" />
        <h1 className="mt-3 text-xl font-semibold text-slate-900">{t("forbiddenTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("forbiddenBody")}</p>
        <p className="mt-1 text-xs text-slate-500">{t("code", { code: "FORBIDDEN" })}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
