"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { MappingCoverage } from "@/lib/mapping/read-mapping-coverage";
import { COVERAGE_STATUSES } from "@/components/coverage/coverage-status";

/** The chart's numbers as a table: one row per kind, a column per status, and the totals. */
export function CoverageTable({ coverage }: { coverage: MappingCoverage }) {
  const t = useTranslations("coverage");
  const format = useFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[28rem] text-sm" data-testid="coverage-table">
        <caption className="sr-only">{t("chart.caption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("table.kind")}
            </th>
            {COVERAGE_STATUSES.map((s) => (
              <th key={s} scope="col" className="px-2 py-2 text-right font-medium">
                {t(`status.${s}`)}
              </th>
            ))}
            <th scope="col" className="py-2 pl-2 text-right font-medium">
              {t("chart.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.byKind.map((row) => (
            <tr key={row.kind} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                {row.kind}
              </th>
              {COVERAGE_STATUSES.map((s) => (
                <td key={s} className="px-2 py-1.5 text-right tabular-nums text-slate-700">
                  {format.number(row.counts[s])}
                </td>
              ))}
              <td className="py-1.5 pl-2 text-right tabular-nums font-medium text-slate-900">{format.number(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-medium text-slate-900">
            <th scope="row" className="py-2 pr-3 text-left">
              {t("chart.total")}
            </th>
            {COVERAGE_STATUSES.map((s) => (
              <td key={s} className="px-2 py-2 text-right tabular-nums" data-testid={`coverage-total-${s}`}>
                {format.number(coverage.coverage[s])}
              </td>
            ))}
            <td className="py-2 pl-2 text-right tabular-nums">{format.number(coverage.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
