"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import type { OpenDecisionItem } from "@/lib/mapping/list-open-decisions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SafeText } from "@/components/ui/safe-text";
import { DecideForm } from "@/components/coverage/decide-form";
import { WithdrawForm } from "@/components/coverage/withdraw-form";
import { STATUS_TONES, isCoverageStatus } from "@/components/coverage/coverage-status";

/**
 * One proposal to work through: the resource, its status and reasons, what it may become; decided
 * in place by an architect. A decided one shows who decided, when and why, says when the resource
 * changed since, and can be withdrawn. Viewers see the same, without the controls.
 */
export function DecisionCard({ planId, runId, item, canDecide }: { planId: string; runId: string; item: OpenDecisionItem; canDecide: boolean }) {
  const t = useTranslations("coverage");
  const format = useFormatter();
  const [mode, setMode] = useState<"view" | "decide" | "withdraw">("view");
  const status = isCoverageStatus(item.status) ? item.status : "none";
  const open = !item.overridden;
  // The decision's own reason is shown with who decided it, not again among the mapping's reasons.
  const reasons = item.override ? item.reasons.filter((r) => r.code !== "override") : item.reasons;

  return (
    <li className="space-y-3 px-5 py-4" data-testid="decision-item" data-kind={item.kind}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            <SafeText value={item.name || item.arn} />
          </p>
          <p className="text-xs text-slate-600">
            {item.kind} · {item.region}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            <SafeText value={item.arn} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone={STATUS_TONES[status]}>{t(`status.${status}`)}</Badge>
          {item.overridden ? <Badge tone="info">{t("item.decided")}</Badge> : null}
          {item.overrideStale ? (
            <Badge tone="warning" data-testid="decision-stale">
              <AlertTriangle aria-hidden className="mr-1 h-3 w-3" />
              {t("item.stale")}
            </Badge>
          ) : null}
        </div>
      </div>

      {item.target ? (
        <p className="text-sm text-slate-700">
          {t("item.target")}: <span className="font-medium">{item.target}</span>
          {item.rosType ? <span className="text-slate-500"> ({item.rosType})</span> : null}
        </p>
      ) : null}

      {reasons.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700" aria-label={t("item.reasons")}>
          {reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>
              <SafeText value={r.message} />
            </li>
          ))}
        </ul>
      ) : null}

      {item.alternatives.length > 0 ? (
        <p className="text-sm text-slate-600">
          {t("item.alternatives")}: {item.alternatives.join("; ")}
        </p>
      ) : null}

      {open && mode === "view" && item.candidates.length > 0 ? (
        <p className="text-sm text-slate-600">
          {t("item.candidates")}: {item.candidates.map((c) => c.name).join(" · ")}
        </p>
      ) : null}

      {item.override ? (
        <div className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="decision-override">
          <p>
            {t("item.decidedBy", {
              who: item.override.decidedByEmail ?? t("item.someone"),
              when: format.dateTime(new Date(item.override.decidedAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <p className="mt-0.5">
            {t("item.why")}: <SafeText value={item.override.reason} />
          </p>
          {item.overrideStale ? <p className="mt-1 text-amber-800">{t("item.staleExplain")}</p> : null}
        </div>
      ) : null}

      {canDecide && mode === "view" ? (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant={open ? "primary" : "secondary"} onClick={() => setMode("decide")} data-testid="decide-open">
            {open ? t("item.decide") : t("item.change")}
          </Button>
          {item.overridden ? (
            <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => setMode("withdraw")} data-testid="withdraw-open">
              {t("item.withdraw")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {canDecide && mode === "decide" ? <DecideForm planId={planId} runId={runId} item={item} onDone={() => setMode("view")} /> : null}
      {canDecide && mode === "withdraw" ? <WithdrawForm planId={planId} runId={runId} kind={item.kind} arn={item.arn} onDone={() => setMode("view")} /> : null}
    </li>
  );
}
