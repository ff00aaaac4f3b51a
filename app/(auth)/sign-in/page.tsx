import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { lookupSession } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { BrandMark } from "@/components/shell/brand-mark";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : null;
  const reason = typeof params.reason === "string" ? params.reason : null;
  const session = await lookupSession();
  if (session.status === "signed-in") redirect("/");
  const t = await getTranslations("auth");
  const app = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-900 to-slate-800 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <BrandMark className="h-12 w-12" />
          <h1 className="mt-3 text-2xl font-semibold text-white">Silkroute</h1>
          <p className="mt-1 text-sm text-slate-300">{app("tagline")}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl">
          <h2 className="mb-4 text-lg font-semibold text-slate-900">{t("title")}</h2>
          <SignInForm next={next} reason={reason} />
        </div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch tone="dark" />
        </div>
      </div>
    </main>
  );
}
