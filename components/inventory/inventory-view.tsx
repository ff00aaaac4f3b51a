"use client";
import Link from "next/link";
import { useCallback } from "react";
import { useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { useErrorText } from "@/components/ui/error-text";
import { KindRegionChart } from "@/components/inventory/kind-region-chart";
import { InventoryFilterBar } from "@/components/inventory/inventory-filter-bar";
import { ResourceTable } from "@/components/inventory/resource-table";
import { ScanPicker } from "@/components/inventory/scan-picker";
import { isScanActive } from "@/components/inventory/scan-status";
import { useInventorySummary } from "@/components/inventory/use-inventory-summary";
import { useResources } from "@/components/inventory/use-resources";
import { useScans } from "@/components/inventory/use-scans";
import {
  PAGE_SIZE,
  exportHref,
  inventorySearch,
  parseInventoryFilters,
  withFilters,
  type InventoryFilters,
  type SortColumn,
} from "@/components/inventory/inventory-search-params";

const exportLink =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

/**
 * The inventory of the current plan: which scan is shown, counts by kind and region, and the
 * resources, filtered, sorted and paged by the server. The view's state is the address bar.
 */
export function InventoryView({ planId }: { planId: string }) {
  const t = useTranslations("inventory");
  const format = useFormatter();
  const errorText = useErrorText();
  const searchParams = useSearchParams();
  const filters = parseInventoryFilters(new URLSearchParams(searchParams.toString()));

  /**
   * Writes the view's state to the address bar with the History API, which the router follows
   * (useSearchParams) without asking the server for the page again. Choices the user makes are
   * new history entries (Back undoes them); text as it is typed replaces the current entry.
   */
  const setFilters = useCallback((change: Partial<InventoryFilters>, how: "push" | "replace" = "push") => {
    // Read the address bar now, not from the last render: two debounced fields may commit in turn.
    const current = parseInventoryFilters(new URLSearchParams(window.location.search));
    const search = inventorySearch(withFilters(current, change));
    const url = search ? `${window.location.pathname}?${search}` : window.location.pathname;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);

  const summary = useInventorySummary(planId, filters.scanId);
  const scans = useScans(planId);
  const resources = useResources(planId, filters);
  const shown = summary.data?.scan ?? null;
  const running = scans.data?.find((s) => isScanActive(s.status));

  const onSort = (column: SortColumn) =>
    setFilters({ sort: column, dir: filters.sort === column && filters.dir === "asc" ? "desc" : "asc" });

  if (summary.isError) {
    // Most likely a shared link to a scan that no longer exists: offer the latest one.
    return (
      <Alert tone="error">
        <p>{errorText(summary.error as never)}</p>
        {filters.scanId ? (
          <button type="button" className="mt-2 font-medium underline" onClick={() => setFilters({ scanId: undefined })}>
            {t("header.showLatest")}
          </button>
        ) : null}
      </Alert>
    );
  }

  return (
    <div className="space-y-4">
      <ScanPicker
        shown={shown ? { id: shown.id, status: shown.status, mode: shown.mode, createdAt: shown.createdAt, resourceCount: shown.resourceCount } : null}
        scans={scans.data ?? []}
        chosenId={filters.scanId}
        onChoose={(scanId) => setFilters({ scanId })}
      />

      {running && running.id !== shown?.id ? (
        <Alert tone="info" title={t("banner.runningTitle")}>
          <Link href={`/inventory/scans/${running.id}`} className="font-medium underline">
            {t("banner.watch")}
          </Link>
        </Alert>
      ) : null}

      {shown && (shown.status === "partial" || shown.status === "failed") ? (
        <Alert tone={shown.status === "failed" ? "error" : "warning"} title={shown.status === "failed" ? t("banner.failedTitle") : t("banner.partialTitle")}>
          <p>
            {t("banner.partialBody")}{" "}
            <Link href={`/inventory/scans/${shown.id}#issues`} className="font-medium underline" data-testid="scan-issues-link">
              {t("banner.seeIssues")}
            </Link>
          </p>
        </Alert>
      ) : null}

      {summary.data && summary.data.total > 0 ? (
        <Card>
          <CardHeader
            title={t("chart.title")}
            description={t("chart.description", {
              total: format.number(summary.data.total),
              kinds: summary.data.kinds.length,
              regions: summary.data.regions.length,
            })}
          />
          <CardBody className="px-2 sm:px-5">
            <KindRegionChart summary={summary.data} onKind={(kind) => setFilters({ kind })} />
            {summary.data.danglingReferences > 0 ? (
              <p className="mt-2 px-3 text-xs text-slate-500 sm:px-0">{t("chart.dangling", { count: summary.data.danglingReferences })}</p>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={t("table.title")}
          description={resources.data ? t("table.matching", { total: `${format.number(resources.data.total)}${resources.data.totalIsLowerBound ? "+" : ""}` }) : t("table.loading")}
          actions={
            shown ? (
              <div className="flex flex-wrap items-center gap-2" data-testid="export-buttons">
                <a href={exportHref(planId, filters, "csv")} download className={exportLink} data-testid="export-csv" title={t("table.exportHint")}>
                  <Download aria-hidden className="h-4 w-4" />
                  {t("table.exportCsv")}
                </a>
                <a href={exportHref(planId, filters, "json")} download className={exportLink} data-testid="export-json" title={t("table.exportHint")}>
                  <Download aria-hidden className="h-4 w-4" />
                  {t("table.exportJson")}
                </a>
              </div>
            ) : null
          }
        />
        <CardBody className="space-y-4">
          <InventoryFilterBar filters={filters} kinds={summary.data?.kinds ?? []} regions={summary.data?.regions ?? []} onChange={setFilters} />
          {resources.isError ? <Alert tone="error">{errorText(resources.error as never)}</Alert> : null}
        </CardBody>
        <ResourceTable
          rows={resources.data?.rows ?? []}
          sort={filters.sort}
          dir={filters.dir}
          onSort={onSort}
          busy={resources.isFetching && resources.isPlaceholderData}
          empty={resources.isPending ? t("table.loading") : t("table.empty")}
        />
        <CardBody className="border-t border-slate-200">
          <Pager
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={resources.data?.total ?? 0}
            totalIsLowerBound={resources.data?.totalIsLowerBound ?? false}
            rowsOnPage={resources.data?.rows.length ?? 0}
            busy={resources.isFetching && resources.isPlaceholderData}
            onPage={(page) => setFilters({ page })}
            testId="resource-pager"
          />
        </CardBody>
      </Card>
    </div>
  );
}
