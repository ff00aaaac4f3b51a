"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Download } from "lucide-react";
import type { DecisionFilters } from "@/components/coverage/coverage-keys";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useErrorText } from "@/components/ui/error-text";
import { CoverageChart } from "@/components/coverage/coverage-chart";
import { CoverageTable } from "@/components/coverage/coverage-table";
import { DecisionList } from "@/components/coverage/decision-list";
import { MappingChoicesForm } from "@/components/coverage/mapping-choices-form";
import { COVERAGE_STATUSES, STATUS_COLOURS } from "@/components/coverage/coverage-status";
import { useMappingCoverage } from "@/components/coverage/use-mapping-coverage";
import { MappingStatusPanel } from "@/components/mapping/mapping-status-panel";
import { IacExportLinks } from "@/components/mapping/iac-export-links";

const exportLink =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

/**
 * The coverage of the plan's newest mapping: totals per status, a chart and a table per kind, the
 * exports, the plan's mapping choices and the list of open decisions, decided in place by
 * architects (viewers read the same page without the controls; the server refuses them anyway).
 */
export function CoverageView({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const t = useTranslations("coverage");
  const format = useFormatter();
  const errorText = useErrorText();
  const coverage = useMappingCoverage(planId);
  const [filters, setFilters] = useState<DecisionFilters>({ view: "open" });

  if (coverage.isError) return <Alert tone="error">{errorText(coverage.error as never)}</Alert>;
  if (!coverage.data) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const data = coverage.data;

  if (!data.run) {
    return (
      <div className="space-y-4">
        <MappingStatusPanel planId={planId} canDecide={canDecide} />
        <Alert tone="info" title={t("noRunTitle")} data-testid="coverage-no-run">
          <p>{t("noRunBody")}</p>
        </Alert>
        <MappingChoicesForm planId={planId} canDecide={canDecide} />
      </div>
    );
  }
  const base = `/api/plans/${encodeURIComponent(planId)}/exports/mapping`;
  const percent = (n: number) => (data.total > 0 ? format.number(n / data.total, { style: "percent", maximumFractionDigits: 0 }) : "–");

  return (
    <div className="space-y-4">
      <MappingStatusPanel planId={planId} canDecide={canDecide} />
      {data.runningNewer ? <Alert tone="info" title={t("runningNewer")} /> : null}
      {data.staleOverrides > 0 ? (
        <Alert tone="warning" title={t("staleTitle", { count: data.staleOverrides })}>
          <p>{t("staleBody")}</p>
        </Alert>
      ) : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="coverage-totals">
        {COVERAGE_STATUSES.map((s) => (
          <Card key={s} className="px-4 py-3">
            <p className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
              <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: STATUS_COLOURS[s] }} />
              {t(`status.${s}`)}
            </p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`coverage-count-${s}`}>
              {format.number(data.coverage[s])}
            </p>
            <p className="text-xs text-slate-500">{t("share", { percent: percent(data.coverage[s]) })}</p>
          </Card>
        ))}
      </div>

      <Card>
        <CardHeader
          title={t("chart.title")}
          description={t("chart.description", {
            total: format.number(data.total),
            kinds: data.byKind.length,
            when: format.dateTime(new Date(data.run.finishedAt ?? data.run.startedAt), { dateStyle: "medium", timeStyle: "short" }),
          })}
          actions={
            <div className="flex flex-wrap items-center gap-2" data-testid="mapping-export-buttons">
              <a href={`${base}?format=csv`} download className={exportLink} data-testid="mapping-export-csv" title={t("exportHint")}>
                <Download aria-hidden className="h-4 w-4" />
                {t("exportCsv")}
              </a>
              <a href={`${base}?format=json`} download className={exportLink} data-testid="mapping-export-json" title={t("exportHint")}>
                <Download aria-hidden className="h-4 w-4" />
                {t("exportJson")}
              </a>
            </div>
          }
        />
        <CardBody className="space-y-4 px-2 sm:px-5">
          <p className="px-3 text-sm text-slate-600 sm:px-0" data-testid="coverage-overrides">
            {t("chart.overrides", { count: data.overrides })}
          </p>
          <CoverageChart byKind={data.byKind} onKind={(kind) => setFilters((f) => ({ ...f, kind }))} />
          <CoverageTable coverage={data} />
        </CardBody>
      </Card>

      <Card className="px-5 py-4">
        <IacExportLinks planId={planId} />
      </Card>

      <DecisionList planId={planId} runId={data.run.id} kinds={data.byKind.map((k) => k.kind)} filters={filters} onFilters={setFilters} canDecide={canDecide} />

      <MappingChoicesForm planId={planId} canDecide={canDecide} />
    </div>
  );
}
