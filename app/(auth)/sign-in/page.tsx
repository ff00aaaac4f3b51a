import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { lookupSession } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { env } from "@/lib/env";

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
  const config = env();
  const addresses = { primary: config.baseUrl, accepted: config.trustedOrigins, configured: Boolean(config.SILKROUTE_URL) };
  return (
    <AuthFrame tagline={app("tagline")}>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">{t("title")}</h2>
      <SignInForm next={next} reason={reason} addresses={addresses} />
    </AuthFrame>
  );
}
