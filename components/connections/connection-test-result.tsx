"use client";
import { useTranslations } from "next-intl";
import { CheckCircle2, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { SafeText } from "@/components/ui/safe-text";
import type { ConnectionTestResult } from "@/lib/connections/test-connection";

/** What a connection test found: who the credentials are, and whether each region answered. */
export function ConnectionTestResultView({ result }: { result: ConnectionTestResult }) {
  const t = useTranslations("settings.connections.test");
  const codes = useTranslations("inventory.issueCodes");
  const reasons = useTranslations("errors.reasons");
  const explain = (code: string | undefined) => (code && codes.has(code) ? codes(code) : null);
  // Silkroute's own reason in the reader's language when the problem has one, else its (English) message.
  const said = (p: { reason?: string; params?: Record<string, string | number>; message?: string }) =>
    p.reason && reasons.has(p.reason) ? (reasons as (key: string, values?: Record<string, string | number>) => string)(p.reason, p.params ?? {}) : (p.message ?? "");
  return (
    <div className={result.ok ? "rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" : "rounded-md border border-red-200 bg-red-50 p-3 text-sm"} data-testid="test-result" data-ok={result.ok}>
      <p className="flex items-center gap-2 font-medium">
        {result.ok ? <CheckCircle2 aria-hidden className="h-4 w-4 text-emerald-600" /> : <XCircle aria-hidden className="h-4 w-4 text-red-600" />}
        {result.ok ? t("ok") : t("failed")}
      </p>
      {result.error ? (
        <p className="mt-2 text-red-800">
          <span className="font-mono text-xs">{result.error.code}</span>
          {explain(result.error.code) ? ` — ${explain(result.error.code)}` : ""}
          <span className="mt-1 block text-slate-700">
            <SafeText value={said(result.error)} />
          </span>
        </p>
      ) : null}
      {result.accountId ? (
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-600">{t("account")}</dt>
          <dd className="font-mono" data-testid="test-account">
            {result.accountId}
          </dd>
          <dt className="text-slate-600">{t("identity")}</dt>
          <dd className="min-w-0 font-mono text-xs">
            <SafeText value={result.identity ?? "—"} />
          </dd>
        </dl>
      ) : null}
      {result.regions.length > 0 ? (
        <ul className="mt-3 space-y-1" data-testid="test-regions">
          {result.regions.map((r) => (
            <li key={r.region} className="flex flex-wrap items-center gap-2" data-testid={`test-region-${r.region}`}>
              <span className="font-mono text-xs">{r.region}</span>
              <Badge tone={r.ok ? "success" : "danger"}>{r.ok ? t("regionOk") : (r.code ?? t("regionFailed"))}</Badge>
              {!r.ok ? (
                <span className="text-xs text-slate-700">
                  {r.reason ? <SafeText value={said(r)} /> : (explain(r.code) ?? <SafeText value={r.message ?? ""} />)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
