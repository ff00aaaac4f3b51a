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

/** A refusal to show, kept as a message key (not text) so it follows a change of language. */
type Refusal =
  | { key: "missing" | "rateLimitedSoon" | "disabled" | "invalid" | "network" | "unavailable" | "wrongAddress" }
  | { key: "rateLimited"; seconds: number }
  | { key: "locked"; until: Date };

/** The page's own origin in the browser (null while rendering on the server). */
function useCurrentOrigin(): string | null {
  return useSyncExternalStore(noSubscription, () => window.location.origin, () => null);
}

export function SignInForm({ next, reason, addresses }: { next: string | null; reason: string | null; addresses: SignInAddresses }) {
  const t = useTranslations("auth");
  const format = useFormatter();
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);
  const origin = useCurrentOrigin();
  const wrongAddress = origin !== null && !addresses.accepted.includes(origin);
  const wrongAddressText = () =>
    addresses.configured ? t("errors.wrongAddress", { url: addresses.primary, current: origin ?? "" }) : t("errors.wrongAddressLocal", { url: addresses.primary, current: origin ?? "" });

  function refusalText(r: Refusal): string {
    switch (r.key) {
      case "wrongAddress":
        return wrongAddressText();
      case "rateLimited":
        return t("errors.rateLimited", { seconds: r.seconds });
      case "locked": {
        const sameDay = r.until.toDateString() === new Date().toDateString();
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        const time = format.dateTime(r.until, sameDay ? { timeStyle: "short", timeZone } : { dateStyle: "medium", timeStyle: "short", timeZone });
        return t("errors.locked", { time });
      }
      default:
        return t(`errors.${r.key}`);
    }
  }
  const error = refusal ? refusalText(refusal) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setRefusal({ key: "missing" });
      return;
    }
    setPending(true);
    setRefusal(null);
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
      setRefusal(describeFailure(failure, retryAfter));
      return;
    }
    await applyAccountLocaleAction({});
    router.replace(safeNextPath(next));
    router.refresh();
  }

  function describeFailure(failure: { status?: number; code?: string; retryAfter?: unknown }, retryAfter: number | null): Refusal {
    if (failure.code === "ACCOUNT_LOCKED") {
      const seconds = Number(failure.retryAfter ?? retryAfter ?? 0) || 60;
      return { key: "locked", until: new Date(Date.now() + seconds * 1000) };
    }
    if (failure.status === 429) return retryAfter ? { key: "rateLimited", seconds: retryAfter } : { key: "rateLimitedSoon" };
    if (failure.code === "ACCOUNT_DISABLED") return { key: "disabled" };
    if (failure.code === "INVALID_ORIGIN" || failure.code === "MISSING_OR_NULL_ORIGIN") return { key: "wrongAddress" };
    if (failure.status === 401 || failure.status === 400) return { key: "invalid" };
    if (!failure.status) return { key: "network" };
    return { key: "unavailable" };
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {reason === "expired" ? <Alert tone="warning">{t("expired")}</Alert> : null}
      {reason === "signed-out" ? <Alert tone="info">{t("signedOut")}</Alert> : null}
      {wrongAddress && refusal?.key !== "wrongAddress" ? (
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
