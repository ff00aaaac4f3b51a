"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { applyAccountLocaleAction } from "@/lib/actions/preferences/apply-account-locale";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";


export function SignInForm({ next, reason }: { next: string | null; reason: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("errors.missing"));
      return;
    }
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({ email, password });
    if (failure) {
      setPending(false);
      if (failure.status === 429) setError(t("errors.rateLimited"));
      else if (failure.code === "ACCOUNT_DISABLED") setError(t("errors.disabled"));
      else if (failure.status === 401 || failure.status === 400) setError(t("errors.invalid"));
      else setError(t("errors.unavailable"));
      return;
    }
    await applyAccountLocaleAction({});
    router.replace(safeNextPath(next));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {reason === "expired" ? <Alert tone="warning">{t("expired")}</Alert> : null}
      {reason === "signed-out" ? <Alert tone="info">{t("signedOut")}</Alert> : null}
      {error ? (
        <Alert tone="error" className="whitespace-pre-line">
          <span data-testid="sign-in-error">{error}</span>
        </Alert>
      ) : null}
      <div>
        <Label htmlFor="email">{t("email")}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div>
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
