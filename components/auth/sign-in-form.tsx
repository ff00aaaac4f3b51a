"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { applyAccountLocaleAction } from "@/lib/actions/preferences/apply-account-locale";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

/** Where this Silkroute accepts sign-in (lib/env.ts trustedOrigins), and whether SILKROUTE_URL chose it. */
export interface SignInAddresses {
  /** The address to use: SILKROUTE_URL, or http://localhost:PORT. */
  primary: string;
  accepted: string[];
  configured: boolean;
}

const noSubscription = () => () => undefined;

/** The page's own origin in the browser (null while rendering on the server). */
function useCurrentOrigin(): string | null {
  return useSyncExternalStore(noSubscription, () => window.location.origin, () => null);
}

export function SignInForm({ next, reason, addresses }: { next: string | null; reason: string | null; addresses: SignInAddresses }) {
  const t = useTranslations("auth");
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const origin = useCurrentOrigin();
  const wrongAddress = origin !== null && !addresses.accepted.includes(origin);
  const wrongAddressText = () =>
    addresses.configured ? t("errors.wrongAddress", { url: addresses.primary, current: origin ?? "" }) : t("errors.wrongAddressLocal", { url: addresses.primary, current: origin ?? "" });

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
    let retryAfter: number | null = null;
    let failure: { status?: number; code?: string; retryAfter?: unknown } | null = null;
    try {
      const result = await authClient.signIn.email(
        { email, password },
        {
          onError: (ctx) => {
            const header = Number(ctx.response.headers.get("X-Retry-After") ?? ctx.response.headers.get("Retry-After"));
            retryAfter = Number.isFinite(header) && header > 0 ? header : null;
          },
        },
      );
      failure = result.error as typeof failure;
    } catch {
      failure = { status: 0 };
    }
    if (failure) {
      setPending(false);
      setError(describeFailure(failure, retryAfter));
      return;
    }
    await applyAccountLocaleAction({});
    router.replace(safeNextPath(next));
    router.refresh();
  }

  function describeFailure(failure: { status?: number; code?: string; retryAfter?: unknown }, retryAfter: number | null): string {
    if (failure.code === "ACCOUNT_LOCKED") {
      const seconds = Number(failure.retryAfter ?? retryAfter ?? 0) || 60;
      const until = new Date(Date.now() + seconds * 1000);
      const sameDay = until.toDateString() === new Date().toDateString();
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const time = format.dateTime(until, sameDay ? { timeStyle: "short", timeZone } : { dateStyle: "medium", timeStyle: "short", timeZone });
      return t("errors.locked", { time });
    }
    if (failure.status === 429) return retryAfter ? t("errors.rateLimited", { seconds: retryAfter }) : t("errors.rateLimitedSoon");
    if (failure.code === "ACCOUNT_DISABLED") return t("errors.disabled");
    if (failure.code === "INVALID_ORIGIN" || failure.code === "MISSING_OR_NULL_ORIGIN") return wrongAddressText();
    if (failure.status === 401 || failure.status === 400) return t("errors.invalid");
    if (!failure.status) return t("errors.network");
    return t("errors.unavailable");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {reason === "expired" ? <Alert tone="warning">{t("expired")}</Alert> : null}
      {reason === "signed-out" ? <Alert tone="info">{t("signedOut")}</Alert> : null}
      {wrongAddress && !error ? (
        <Alert tone="warning" data-testid="sign-in-address">
          {wrongAddressText()}
        </Alert>
      ) : null}
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
