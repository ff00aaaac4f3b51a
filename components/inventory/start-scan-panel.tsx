"use client";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { startScanAction } from "@/lib/actions/scans/start-scan";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/error-text";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { useScanEstimate } from "@/components/inventory/use-scan-estimate";
import { useFormatDuration } from "@/components/inventory/use-format-duration";
import { cn } from "@/lib/ui/cn";

const TOP = 10;

/**
 * Choosing a scan and seeing its plan before it starts: how many calls each API will take and
 * the least time the API quotas allow. The plan is fetched again whenever a choice changes; the
 * Start button only works once the plan for the current choice is on screen.
 */
export function StartScanPanel({ planId, regions: planRegions }: { planId: string; regions: string[] }) {
  const t = useTranslations("inventory.startScan");
  const format = useFormatter();
  const duration = useFormatDuration();
  const errorText = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"summary" | "deep">("summary");
  const [shadows, setShadows] = useState(false);
  const [regions, setRegions] = useState<string[]>(planRegions);
  const [showAll, setShowAll] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const request = useMemo(
    () => ({ mode, includeShadows: mode === "deep" && shadows, regions: planRegions.filter((r) => regions.includes(r)) }),
    [mode, shadows, regions, planRegions],
  );
  const estimate = useScanEstimate(planId, request, request.regions.length > 0);

  // Calls per API over all chosen regions, largest first; regions run side by side, so an API's
  // least time is that of its slowest region.
  const byApi = useMemo(() => {
    const m = new Map<string, { api: string; calls: number; tps: number; seconds: number; regions: number; deepOnly: boolean }>();
    for (const c of estimate.data?.calls ?? []) {
      const api = `${c.service}:${c.operation}`;
      const row = m.get(api) ?? { api, calls: 0, tps: c.tps, seconds: 0, regions: 0, deepOnly: c.deepOnly };
      row.calls += c.calls;
      row.seconds = Math.max(row.seconds, c.seconds);
      row.regions += 1;
      m.set(api, row);
    }
    return [...m.values()].sort((a, b) => b.calls - a.calls || b.seconds - a.seconds);
  }, [estimate.data]);

  async function start() {
    setStarting(true);
    setError(null);
    const result = await startScanAction({
      planId,
      mode: request.mode,
      includeShadows: request.includeShadows,
      regions: request.regions.length === planRegions.length ? undefined : request.regions,
    });
    if (!result.ok) {
      setStarting(false);
      setError(errorText(result.error));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: inventoryKeys.plan(planId) });
    router.push(`/inventory/scans/${result.data.scanId}`);
  }

  const ready = estimate.isSuccess && !estimate.isFetching && request.regions.length > 0;
  return (
    <Card data-testid="start-scan-panel">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-5">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("mode")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(["summary", "deep"] as const).map((m) => (
              <label
                key={m}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-md border p-3 text-sm",
                  mode === m ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
                )}
              >
                <input type="radio" name="scan-mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="mt-0.5 h-4 w-4" data-testid={`mode-${m}`} />
                <span>
                  <span className="block font-medium text-slate-900">{m === "summary" ? t("summaryTitle") : t("deepTitle")}</span>
                  <span className="block text-slate-600">{m === "summary" ? t("summaryHelp") : t("deepHelp")}</span>
                </span>
              </label>
            ))}
          </div>
          <label className={cn("mt-3 flex items-start gap-2 text-sm", mode !== "deep" && "text-slate-400")}>
            <input type="checkbox" checked={shadows && mode === "deep"} disabled={mode !== "deep"} onChange={(e) => setShadows(e.target.checked)} className="mt-0.5 h-4 w-4" data-testid="include-shadows" />
            <span>
              {t("shadows")}
              <span className="block text-xs text-slate-500">{t("shadowsHelp")}</span>
            </span>
          </label>
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("regions")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {planRegions.map((r) => (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={regions.includes(r)}
                  onChange={(e) => setRegions((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))}
                  className="h-4 w-4"
                />
                <span className="font-mono text-xs">{r}</span>
              </label>
            ))}
          </div>
          {request.regions.length === 0 ? <p className="mt-2 text-sm text-red-700">{t("noRegions")}</p> : null}
        </fieldset>

        <section aria-labelledby="scan-plan-title" className="rounded-md border border-slate-200 bg-slate-50 p-4" data-testid="scan-plan">
          <h3 id="scan-plan-title" className="text-sm font-semibold text-slate-900">
            {t("planTitle")}
          </h3>
          {estimate.isError ? <Alert tone="error" className="mt-3">{errorText(estimate.error as never)}</Alert> : null}
          {estimate.isPending && request.regions.length > 0 ? <p className="mt-2 text-sm text-slate-500">{t("planning")}</p> : null}
          {estimate.data ? (
            <div className={cn("mt-3 space-y-3", estimate.isFetching && "opacity-60")}>
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">{t("totalCalls")}</dt>
                  <dd className="text-lg font-semibold text-slate-900" data-testid="plan-total-calls">
                    {format.number(estimate.data.totalCalls)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("leastTime")}</dt>
                  <dd className="text-lg font-semibold text-slate-900" data-testid="plan-least-time">
                    {duration(estimate.data.leastSeconds)}
                  </dd>
                </div>
                <div className="col-span-2 sm:col-span-1">
                  <dt className="text-slate-500">{t("basedOn")}</dt>
                  <dd className="text-slate-800">{estimate.data.basedOn === "previous-scan" ? t("basedOnPrevious") : t("basedOnMinimum")}</dd>
                </div>
              </dl>
              {estimate.data.basedOn === "minimum" ? (
                <Alert tone="info" className="text-xs" data-testid="plan-minimum-note">
                  {t("minimumNote")}
                </Alert>
              ) : null}
              <div className="overflow-hidden rounded-md border border-slate-200 bg-white">
                <Table data-testid="plan-calls">
                  <THead>
                    <tr>
                      <Th>{t("api")}</Th>
                      <Th className="text-right">{t("calls")}</Th>
                      <Th className="hidden text-right sm:table-cell">{t("quota")}</Th>
                      <Th className="text-right">{t("seconds")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {(showAll ? byApi : byApi.slice(0, TOP)).map((row) => (
                      <tr key={row.api} data-testid="plan-call-row">
                        <Td className="wrap-anywhere font-mono text-xs">
                          {row.api}
                          {row.deepOnly ? <span className="ml-1 text-[10px] uppercase text-slate-400">{t("deepOnly")}</span> : null}
                        </Td>
                        <Td className="text-right tabular-nums">{format.number(row.calls)}</Td>
                        <Td className="hidden whitespace-nowrap text-right tabular-nums text-slate-600 sm:table-cell">{t("tps", { tps: format.number(row.tps) })}</Td>
                        <Td className="whitespace-nowrap text-right tabular-nums">{duration(row.seconds)}</Td>
                      </tr>
                    ))}
                  </TBody>
                </Table>
              </div>
              {byApi.length > TOP ? (
                <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)}>
                  {showAll ? t("showFewer") : t("showAll", { count: byApi.length })}
                </Button>
              ) : null}
            </div>
          ) : null}
        </section>

        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={start} disabled={!ready || starting} data-testid="start-scan">
            <Play aria-hidden className="h-4 w-4" />
            {starting ? t("starting") : t("start")}
          </Button>
          <span className="text-sm text-slate-500">{t("startHint")}</span>
        </div>
      </CardBody>
    </Card>
  );
}
