"use client";
import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { MappingCoverage } from "@/lib/mapping/read-mapping-coverage";
import { COVERAGE_STATUSES, STATUS_COLOURS } from "@/components/coverage/coverage-status";

const ROW_HEIGHT = 24;

function shortKind(kind: string): string {
  return kind.replace(/^AWS::/, "");
}

/**
 * Proposals per kind (one bar each, largest first), stacked by status: mapped, needs a decision,
 * no equivalent, blocked. Clicking a bar filters the decision list by its kind. The same numbers
 * are in the table beside it (CoverageTable), for screen readers and for reading exact values.
 */
export function CoverageChart({ byKind, onKind }: { byKind: MappingCoverage["byKind"]; onKind?: (kind: string) => void }) {
  const t = useTranslations("coverage");
  const format = useFormatter();
  const data = useMemo(() => byKind.map((k) => ({ kind: k.kind, total: k.total, ...k.counts })), [byKind]);
  if (data.length === 0) return null;
  const height = data.length * ROW_HEIGHT + 70;
  return (
    <figure className="w-full overflow-hidden" data-testid="coverage-chart" aria-hidden>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={3}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={(v: number) => format.number(v, { notation: "compact" })} />
        <YAxis type="category" dataKey="kind" width={150} interval={0} tick={{ fontSize: 11, fill: "#334155" }} tickFormatter={shortKind} />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          formatter={(value, name) => [format.number(Number(value)), String(name)]}
          labelFormatter={(label) => `${String(label)} · ${t("chart.total")}: ${format.number(Number(data.find((d) => d.kind === label)?.total ?? 0))}`}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {COVERAGE_STATUSES.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={t(`status.${status}`)}
            stackId="status"
            fill={STATUS_COLOURS[status]}
            isAnimationActive={false}
            cursor={onKind ? "pointer" : undefined}
            onClick={onKind ? (entry) => onKind(String((entry as { payload?: { kind?: string } }).payload?.kind ?? "")) : undefined}
          />
        ))}
      </BarChart>
    </figure>
  );
}
