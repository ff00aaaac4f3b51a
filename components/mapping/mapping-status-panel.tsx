"use client";
import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { requestMappingAction } from "@/lib/actions/mapping/request-mapping";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/error-text";
import { mappingKeys } from "@/components/mapping/mapping-keys";
import { useMappingStatus } from "@/components/mapping/use-mapping-status";

/**
 * The mapping's state above the service map and the coverage: which scan the pages show, a run
 * under way or failed, and (for architects) the button that maps the newest scan again. When a
 * run finishes, every mapping view of the plan is refreshed.
 */
export function MappingStatusPanel({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const t = useTranslations("mapping.status");
  const format = useFormatter();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const status = useMappingStatus(planId);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const previous = useRef<string | null>(null);

  const latest = status.data?.latestRun ?? null;
  useEffect(() => {
    const key = latest ? `${latest.id}:${latest.status}` : null;
    if (previous.current !== null && key !== previous.current && latest?.status !== "running") {
      void queryClient.invalidateQueries({ queryKey: mappingKeys.plan(planId) });
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(planId) });
    }
    previous.current = key;
  }, [latest, planId, queryClient]);

  if (!status.data) return null;
  const { newestScan, shownRun, scanUnmapped } = status.data;

  async function mapNow() {
    setBusy(true);
    const result = await requestMappingAction({ planId });
    setBusy(false);
    setNotice(result.ok ? { tone: "success", text: t("queued") } : { tone: "error", text: errorText(result.error) ?? "" });
    await queryClient.invalidateQueries({ queryKey: mappingKeys.status(planId) });
  }

  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "");
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900 sm:flex-row sm:items-center sm:justify-between" data-testid="mapping-status">
      <div className="space-y-1">
        {latest?.status === "running" ? (
          <p className="flex items-center gap-2 font-medium" role="status">
            <RefreshCw aria-hidden className="h-4 w-4 animate-spin" />
            {t("running")}
          </p>
        ) : null}
        {shownRun ? <p>{t("shown", { scan: shownRun.scanId.slice(0, 8), when: when(shownRun.finishedAt), catalogue: shownRun.catalogueVersion ?? "—" })}</p> : <p>{newestScan ? t("neverMapped") : t("noScan")}</p>}
        {latest?.status === "failed" ? <p className="text-red-700 dark:text-red-400">{t("failed", { when: when(latest.finishedAt) })}</p> : null}
        {scanUnmapped && shownRun && latest?.status !== "running" ? <p className="text-amber-800 dark:text-amber-300">{t("newerScan")}</p> : null}
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {canDecide && newestScan ? (
        <Button variant="secondary" onClick={mapNow} disabled={busy || latest?.status === "running"} data-testid="map-now">
          <RefreshCw aria-hidden className="h-4 w-4" />
          {shownRun ? t("remap") : t("mapNow")}
        </Button>
      ) : null}
    </div>
  );
}
