"use client";
import Link from "next/link";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, ChevronDown, ChevronRight } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Label, Select } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SafeText } from "@/components/ui/safe-text";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/error-text";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { ScanControls } from "@/components/inventory/scan-controls";
import { ScanDiffView } from "@/components/inventory/scan-diff-view";
import { ScanStatusBadge, isScanActive, isScanResumable } from "@/components/inventory/scan-status";
import { useFormatDuration } from "@/components/inventory/use-format-duration";
import { useScanProgress } from "@/components/inventory/use-scan-progress";
import { useScans } from "@/components/inventory/use-scans";
import type { ScanProgress } from "@/lib/inventory/get-scan-progress";
import { useNow } from "@/components/ui/use-now";

const SEVERITY_TONE = { error: "danger", warning: "warning", info: "info" } as const;

function useRegionName() {
  const t = useTranslations("inventory.progress");
  return (region: string) => (region === "global" ? t("globalPart") : region === "phase2" ? t("phase2Part") : region);
}

function RegionTable({ progress }: { progress: ScanProgress }) {
  const t = useTranslations("inventory.progress");
  const format = useFormatter();
  const duration = useFormatDuration();
  const regionName = useRegionName();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (region: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(region)) next.delete(region);
      else next.add(region);
      return next;
    });
  const n = (v: number) => format.number(v);
  return (
    <Table data-testid="region-progress">
      <THead>
        <tr>
          <Th>{t("region")}</Th>
          <Th>{t("status")}</Th>
          <Th className="text-right">{t("found")}</Th>
          <Th className="text-right">{t("calls")}</Th>
          <Th className="hidden text-right sm:table-cell">{t("throttles")}</Th>
          <Th className="text-right">{t("errors")}</Th>
          <Th className="hidden text-right md:table-cell">{t("timeLeft")}</Th>
        </tr>
      </THead>
      <TBody>
        {progress.byRegion.map((r) => {
          const expanded = open.has(r.region);
          return (
            <Fragment key={r.region}>
              <tr data-testid={`region-row-${r.region}`}>
                <Td className="whitespace-nowrap">
                  <button type="button" onClick={() => toggle(r.region)} aria-expanded={expanded} className="inline-flex items-center gap-1 font-mono text-xs font-medium text-slate-900" data-testid="region-toggle">
                    {expanded ? <ChevronDown aria-hidden className="h-4 w-4" /> : <ChevronRight aria-hidden className="h-4 w-4" />}
                    {regionName(r.region)}
                  </button>
                </Td>
                <Td>
                  <ScanStatusBadge status={r.status} />
                </Td>
                <Td className="text-right font-medium tabular-nums" data-testid="region-found">
                  {n(r.found)}
                </Td>
                <Td className="text-right tabular-nums">{n(r.calls)}</Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{n(r.throttles)}</Td>
                <Td className="text-right tabular-nums">{r.errors > 0 ? <span className="font-medium text-red-700">{n(r.errors)}</span> : 0}</Td>
                <Td className="hidden whitespace-nowrap text-right tabular-nums md:table-cell">{!["pending", "running"].includes(r.status) ? "—" : r.secondsLeft === null ? t("unknown") : duration(r.secondsLeft)}</Td>
              </tr>
              {expanded ? (
                <tr>
                  <td colSpan={7} className="bg-slate-50 px-3 py-2">
                    <Table className="text-xs">
                      <THead>
                        <tr>
                          <Th>{t("kind")}</Th>
                          <Th>{t("status")}</Th>
                          <Th className="text-right">{t("found")}</Th>
                          <Th className="hidden text-right sm:table-cell">{t("pages")}</Th>
                          <Th className="text-right">{t("calls")}</Th>
                          <Th className="hidden text-right sm:table-cell">{t("throttles")}</Th>
                          <Th className="text-right">{t("errors")}</Th>
                        </tr>
                      </THead>
                      <TBody>
                        {r.tasks.map((task) => (
                          <tr key={task.collectorId} data-testid="task-row">
                            <Td className="font-mono" title={task.collectorId}>
                              {task.kind}
                            </Td>
                            <Td>
                              <ScanStatusBadge status={task.status} />
                            </Td>
                            <Td className="text-right tabular-nums">{n(task.found)}</Td>
                            <Td className="hidden text-right tabular-nums sm:table-cell">{n(task.pages)}</Td>
                            <Td className="text-right tabular-nums">{n(task.calls)}</Td>
                            <Td className="hidden text-right tabular-nums sm:table-cell">{n(task.throttles)}</Td>
                            <Td className="text-right tabular-nums">{n(task.errors)}</Td>
                          </tr>
                        ))}
                      </TBody>
                    </Table>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}

function Issues({ issues }: { issues: ScanProgress["issues"] }) {
  const t = useTranslations("inventory.progress");
  const codes = useTranslations("inventory.issueCodes");
  const regionName = useRegionName();
  if (issues.length === 0) return <CardBody className="text-sm text-slate-500">{t("noIssues")}</CardBody>;
  return (
    <Table className="w-full table-fixed" data-testid="scan-issues">
      <THead>
        <tr>
          <Th className="hidden w-28 md:table-cell">{t("region")}</Th>
          <Th className="hidden w-[22%] md:table-cell">{t("source")}</Th>
          <Th className="w-[38%] sm:w-[26%] md:w-[20%]">{t("code")}</Th>
          <Th>{t("message")}</Th>
        </tr>
      </THead>
      <TBody>
        {issues.map((i) => (
          <tr key={i.id} data-testid="issue-row" data-gap={i.gap || undefined}>
            <Td className="hidden font-mono text-xs md:table-cell">{i.regions.map(regionName).join(", ")}</Td>
            <Td className="hidden wrap-anywhere font-mono text-xs md:table-cell">
              {i.collectorIds.length > 1 ? t("collectorsCount", { count: i.collectorIds.length }) : (i.collectorId ?? "—")}
              {i.operation ? <span className="block text-slate-500">{i.operation}</span> : null}
            </Td>
            <Td>
              <Badge tone={SEVERITY_TONE[i.severity as keyof typeof SEVERITY_TONE] ?? "neutral"} className="max-w-full wrap-anywhere font-mono" data-testid="issue-code">
                {i.code}
              </Badge>
              {codes.has(i.code) ? <span className="mt-1 block text-xs text-slate-600">{codes(i.code)}</span> : null}
              {/* On a phone, where the region and source columns are hidden. */}
              <span className="mt-1 block wrap-anywhere font-mono text-[11px] text-slate-500 md:hidden">
                {i.regions.map(regionName).join(", ")}
                {i.operation ? ` · ${i.operation}` : ""}
              </span>
            </Td>
            <Td className="text-sm">
              {i.gap && i.operation ? (
                // A gap, counted once for the scan: said in the reader's language.
                <span data-testid="issue-gap">
                  {i.code === "OperationNotOffered" ? <span className="block font-medium">{t("notOffered", { operation: i.operation })}</span> : null}
                  {t("gapCount", { count: i.count, operation: i.operation })}
                </span>
              ) : (
                <SafeText value={i.message} />
              )}
              {i.arn ? (
                <span className="mt-1 block wrap-anywhere font-mono text-[11px] text-slate-500">
                  {i.gap && i.count > 1 ? `${t("example")} ` : null}
                  <SafeText value={i.arn} />
                </span>
              ) : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Planned calls (from the scan's plan) next to the calls made, per region and API. */
function PlanVersusActual({ progress }: { progress: ScanProgress }) {
  const t = useTranslations("inventory.progress");
  const format = useFormatter();
  const regionName = useRegionName();
  const rows = useMemo(() => {
    const m = new Map<string, { region: string; api: string; planned: number | null; made: number; throttles: number }>();
    const key = (region: string, service: string, operation: string) => `${region}\n${service}:${operation}`;
    for (const c of progress.estimate?.calls ?? []) m.set(key(c.region, c.service, c.operation), { region: c.region, api: `${c.service}:${c.operation}`, planned: c.calls, made: 0, throttles: 0 });
    for (const s of progress.apiStats) {
      const k = key(s.region, s.service, s.operation);
      const row = m.get(k) ?? { region: s.region, api: `${s.service}:${s.operation}`, planned: null, made: 0, throttles: 0 };
      row.made += s.calls;
      row.throttles += s.throttles;
      m.set(k, row);
    }
    return [...m.values()].sort((a, b) => Math.max(b.planned ?? 0, b.made) - Math.max(a.planned ?? 0, a.made) || a.api.localeCompare(b.api));
  }, [progress.estimate, progress.apiStats]);
  if (rows.length === 0) return <CardBody className="text-sm text-slate-500">{t("noCalls")}</CardBody>;
  return (
    <>
      {progress.estimate?.basedOn === "minimum" ? <CardBody className="border-b border-slate-200 text-xs text-slate-600">{t("plannedMinimum")}</CardBody> : null}
      <div className="max-h-[28rem] overflow-y-auto">
        <Table data-testid="plan-vs-actual">
          <THead>
            <tr>
              <Th className="hidden sm:table-cell">{t("region")}</Th>
              <Th>{t("api")}</Th>
              <Th className="text-right">{t("planned")}</Th>
              <Th className="text-right">{t("made")}</Th>
              <Th className="hidden text-right sm:table-cell">{t("throttles")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <tr key={`${r.region}-${r.api}`}>
                <Td className="hidden whitespace-nowrap font-mono text-xs sm:table-cell">{regionName(r.region)}</Td>
                <Td className="wrap-anywhere font-mono text-xs">
                  {r.api}
                  <span className="block text-[11px] text-slate-500 sm:hidden">{regionName(r.region)}</span>
                </Td>
                <Td className="text-right tabular-nums">{r.planned === null ? "—" : format.number(r.planned)}</Td>
                <Td className="text-right tabular-nums">{format.number(r.made)}</Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{format.number(r.throttles)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}

function Compare({ scanId, planId }: { scanId: string; planId: string }) {
  const diffT = useTranslations("inventory.diff");
  const statusT = useTranslations("inventory.status");
  const format = useFormatter();
  const scans = useScans(planId);
  const [base, setBase] = useState<string>("");
  const others = (scans.data ?? []).filter((s) => s.id !== scanId && !isScanActive(s.status));
  const previousId = scans.data?.find((s) => s.id === scanId)?.previousScanId ?? null;
  return (
    <Card id="compare">
      <CardHeader title={diffT("title")} description={diffT("description")} />
      <CardBody className="space-y-4">
        <div className="max-w-md">
          <Label htmlFor="compare-with">{diffT("compareWith")}</Label>
          <Select id="compare-with" value={base} onChange={(e) => setBase(e.target.value)} disabled={others.length === 0} data-testid="compare-with">
            <option value="">{others.length === 0 ? diffT("noOther") : diffT("choose")}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })} · {statusT.has(s.status) ? statusT(s.status) : s.status} ·{" "}
                {format.number(s.resourceCount)}
                {s.id === previousId ? ` · ${diffT("previous")}` : ""}
              </option>
            ))}
          </Select>
        </div>
        {base ? <ScanDiffView scanId={scanId} base={base} /> : null}
      </CardBody>
    </Card>
  );
}

/** A scan's live progress (polled every 2 s while it runs), its issues, plan versus actual, and a comparison. */
export function ScanProgressView({ scanId, canRun }: { scanId: string; canRun: boolean }) {
  const t = useTranslations("inventory.progress");
  const modeT = useTranslations("inventory.mode");
  const format = useFormatter();
  const duration = useFormatDuration();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useScanProgress(scanId);
  const p = query.data;
  const active = p ? isScanActive(p.status) : true;
  const now = useNow(active);

  // When the scan ends, what the inventory shows may change.
  const wasActive = useRef(false);
  useEffect(() => {
    if (!p) return;
    if (wasActive.current && !active) void queryClient.invalidateQueries({ queryKey: inventoryKeys.plan(p.planId) });
    wasActive.current = active;
  }, [p, active, queryClient]);

  // A link to #issues arrives before the issues do: scroll once they are on screen.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!p || scrolled.current) return;
    scrolled.current = true;
    if (window.location.hash === "#issues") document.getElementById("issues")?.scrollIntoView();
  }, [p]);

  const back = (
    <Link href="/inventory/scans" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
      <ArrowLeft aria-hidden className="h-4 w-4" />
      {t("back")}
    </Link>
  );
  if (query.isError && !p) {
    return (
      <div className="space-y-4">
        {back}
        <Alert tone="error">{errorText(query.error as never)}</Alert>
      </div>
    );
  }
  if (!p) return <p className="text-sm text-slate-500">{t("loading")}</p>;

  const expected = p.estimate?.basedOn === "previous-scan" && p.estimate.totalCalls > 0 ? p.estimate.totalCalls : null;
  const value = !active ? 1 : p.status === "queued" && expected === null ? null : expected ? Math.min(0.99, p.totals.calls / expected) : null;
  const started = p.startedAt ? new Date(p.startedAt).getTime() : null;
  const ended = p.finishedAt ? new Date(p.finishedAt).getTime() : active ? now : null;
  const elapsed = started && ended ? (ended - started) / 1000 : null;

  return (
    <div className="space-y-6">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            {t("title", { date: format.dateTime(new Date(p.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
            <ScanStatusBadge status={p.status} testId="scan-status" />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("subtitle", { mode: modeT.has(p.mode) ? modeT(p.mode) : p.mode, regions: p.regions.join(", ") })}
            {p.includeShadows ? ` · ${t("withShadows")}` : ""}
            {p.accountId ? ` · ${t("account", { account: p.accountId })}` : ""}
          </p>
        </div>
        {canRun ? (
          <ScanControls
            scanId={p.id}
            planId={p.planId}
            status={p.status}
            cancelRequested={p.cancelRequested}
            resumable={isScanResumable(p.status, p.byRegion.flatMap((r) => r.tasks.map((task) => task.status)))}
          />
        ) : null}
      </div>

      {p.status === "failed" && p.errorMessage ? (
        <Alert tone="error" title={t("failedTitle")}>
          <SafeText value={p.errorMessage} />
        </Alert>
      ) : null}
      {p.status === "partial" ? (
        <Alert tone="warning" title={t("partialTitle")}>
          <a href="#issues" className="underline">
            {t("partialBody", { count: p.issues.length })}
          </a>
        </Alert>
      ) : null}
      {p.cancelRequested && active ? <Alert tone="info">{t("cancelRequested")}</Alert> : null}

      <Card>
        <CardBody className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-medium text-slate-900">
              {active ? (expected ? t("callsOfExpected", { calls: format.number(p.totals.calls), expected: format.number(expected) }) : t("callsSoFar", { calls: format.number(p.totals.calls) })) : t("finishedCalls", { calls: format.number(p.totals.calls) })}
            </span>
            <span className="text-slate-600">
              {active ? t("timeLeftTotal", { time: p.totals.secondsLeft === null ? t("unknown") : duration(p.totals.secondsLeft) }) : t("took", { time: duration(elapsed) })}
            </span>
          </div>
          <ProgressBar value={value} label={t("overall")} />
          <dl className="grid grid-cols-2 gap-3 pt-1 text-sm sm:grid-cols-4">
            {(
              [
                ["found", p.totals.found],
                ["calls", p.totals.calls],
                ["throttles", p.totals.throttles],
                ["errors", p.totals.errors],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-500">{t(k)}</dt>
                <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`total-${k}`}>
                  {format.number(v)}
                </dd>
              </div>
            ))}
          </dl>
          {active ? <p className="text-xs text-slate-500">{t("polling")}</p> : null}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("byRegion")} description={t("byRegionHelp")} />
        <RegionTable progress={p} />
      </Card>

      <Card id="issues" className="scroll-mt-20">
        <CardHeader title={t("issues")} description={p.issues.length === 0 ? t("noIssues") : t("issuesCount", { count: p.issues.length })} />
        <Issues issues={p.issues} />
      </Card>

      <Card>
        <CardHeader title={t("planVsActual")} description={t("planVsActualHelp")} />
        <PlanVersusActual progress={p} />
      </Card>

      {!active ? <Compare scanId={p.id} planId={p.planId} /> : null}
    </div>
  );
}
