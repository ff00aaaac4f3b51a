import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
        <p className="mt-1 text-xs text-slate-500">{t("code", { code: "NOT_FOUND" })}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
