"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import type { ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";
import type { ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { useErrorText } from "@/components/ui/error-text";
import { StatusIcon } from "@/components/service-map/status-icon";
import { STATUS_ORDER, TONE_CLASSES } from "@/components/service-map/service-map-tone";
import { useNodeProposals } from "@/components/service-map/use-node-proposals";
import { useDebouncedText } from "@/components/service-map/use-debounced-text";
import { shortKind, useNodeTitle } from "@/components/service-map/use-node-title";
import { cn } from "@/lib/ui/cn";

function StatusBadge({ status, label }: { status: ProposalStatus; label: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONE_CLASSES[status].badge)}>
      <StatusIcon status={status} />
      {label}
    </span>
  );
}

/** The mapping of one node: what it becomes, its counts and reasons, and its proposals page by page. */
export function NodeProposalsPanel({ planId, node, twin, onClose }: { planId: string; node: ServiceMapNode; twin: ServiceMapNode | null; onClose: () => void }) {
  const t = useTranslations("stages.serviceMap");
  const title = useNodeTitle();
  const errorText = useErrorText();
  const [status, setStatus] = useState<ProposalStatus | "">("");
  const [text, setText] = useState("");
  const q = useDebouncedText(text.trim(), 300);
  const proposals = useNodeProposals(planId, node.id, { status: status || undefined, q: q || undefined });
  const aws = node.side === "aws" ? node : twin;
  const alibaba = node.side === "alibaba" ? node : twin;
  const reasons = (aws ?? node).reasons;
  const items = proposals.data?.pages.flatMap((p) => p.items) ?? [];
  const ref = useRef<HTMLElement>(null);
  // Below the large layout the panel opens under the map: bring it into view.
  useEffect(() => {
    if (window.matchMedia("(max-width: 1023px)").matches) ref.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, []);

  return (
    <section ref={ref} aria-labelledby="service-map-panel-title" data-testid="service-map-panel" className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{node.side === "aws" ? t("side.aws") : t("side.alibaba")}</p>
          <h2 id="service-map-panel-title" className="break-words text-base font-semibold text-slate-900">
            {title(node)}
          </h2>
          <p className="break-all text-xs text-slate-500">{node.kind}</p>
        </div>
        <button type="button" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={t("panel.close")}>
          <X className="h-4 w-4" aria-hidden />
        </button>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {aws && node.side === "alibaba" ? (
          <>
            <dt className="text-slate-500">{t("panel.from")}</dt>
            <dd className="min-w-0 break-words text-slate-900">{title(aws)} <span className="text-xs text-slate-500">({shortKind(aws.kind)})</span></dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("panel.becomes")}</dt>
        <dd className="min-w-0 break-words text-slate-900" data-testid="service-map-panel-target">
          {alibaba ? (
            <>
              {alibaba.label} <span className="text-xs text-slate-500">({alibaba.kind})</span>
            </>
          ) : (
            t("panel.noTarget")
          )}
        </dd>
        {node.target ? (
          <>
            <dt className="text-slate-500">{t("panel.target")}</dt>
            <dd className="min-w-0 break-words text-slate-900">{node.target}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("panel.fit")}</dt>
        <dd className="text-slate-900">{node.fit ? t(`fit.${node.fit}`) : t("fit.unknown")}</dd>
        <dt className="text-slate-500">{t("panel.resources")}</dt>
        <dd className="text-slate-900">{t("node.members", { count: node.members })}</dd>
      </dl>

      <ul className="flex flex-wrap gap-1.5" aria-label={t("panel.counts")}>
        {STATUS_ORDER.filter((s) => node.counts[s] > 0).map((s) => (
          <li key={s}>
            <StatusBadge status={s} label={`${t(`status.${s}`)}: ${node.counts[s]}`} />
          </li>
        ))}
      </ul>

      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("panel.reasons")}</h3>
        {reasons.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("panel.noReasons")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="service-map-reasons">
            {reasons.map((r) => (
              <li key={r.code} className="flex gap-2 text-sm">
                <StatusIcon status={r.status} className={cn("mt-0.5", r.status === "blocked" ? "text-red-600" : r.status === "decision" ? "text-amber-600" : "text-slate-500")} />
                <div className="min-w-0">
                  <p className="break-words text-slate-800">{r.message}</p>
                  <p className="text-xs text-slate-500">
                    <code>{r.code}</code> · {t("panel.reasonCount", { count: r.count })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="min-w-0">
        <h3 className="text-sm font-semibold text-slate-900">{t("panel.proposals")}</h3>
        <div className="mt-2 flex flex-wrap gap-2">
          <Select aria-label={t("panel.filterStatus")} value={status} onChange={(e) => setStatus(e.target.value as ProposalStatus | "")} className="w-auto">
            <option value="">{t("panel.allStatuses")}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
          <Input type="search" aria-label={t("panel.searchName")} placeholder={t("panel.searchName")} value={text} onChange={(e) => setText(e.target.value)} className="min-w-0 flex-1" />
        </div>
        {proposals.isError ? (
          <Alert tone="error" className="mt-2">
            {errorText(proposals.error as never)}
          </Alert>
        ) : proposals.isPending ? (
          <p className="mt-2 text-sm text-slate-600">{t("panel.loading")}</p>
        ) : items.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("panel.noProposals")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="service-map-proposals">
            {items.map((p) => (
              <li key={p.id} className="py-2" data-testid="service-map-proposal">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 break-all text-sm font-medium text-slate-900">{p.name}</span>
                  <StatusBadge status={p.status} label={t(`status.${p.status}`)} />
                  {p.overridden ? <span className="text-xs text-brand-700">{p.overrideStale ? t("panel.overrideStale") : t("panel.overridden")}</span> : null}
                </div>
                <p className="break-words text-xs text-slate-500">
                  {shortKind(p.kind)} → {p.target ?? t("panel.noTarget")}
                  {p.rosType ? ` (${p.rosType})` : ""}
                </p>
                {p.reasons.length > 0 ? <p className="mt-0.5 line-clamp-2 break-words text-xs text-slate-700">{p.reasons[0]?.message}</p> : null}
                {p.choices && p.choices.length > 0 ? (
                  <p className="mt-0.5 break-words text-xs text-amber-800">
                    {t("panel.choices")}: {p.choices.map((c) => c.name).join(" · ")}
                  </p>
                ) : null}
                {p.alternatives && p.alternatives.length > 0 ? (
                  <p className="mt-0.5 break-words text-xs text-slate-700">
                    {t("panel.alternatives")}: {p.alternatives.join(" · ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {proposals.hasNextPage ? (
          <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => void proposals.fetchNextPage()} disabled={proposals.isFetchingNextPage}>
            {proposals.isFetchingNextPage ? t("panel.loading") : t("panel.more")}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
