"use client";
import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { InventorySummaryView } from "@/components/inventory/use-inventory-summary";

/** One colour per region; distinct for colour-blind readers in the first six. */
const REGION_COLOURS = ["#2159c4", "#d9822b", "#159a7a", "#b8407a", "#6b5bd3", "#8a6d1f", "#2a9bd8", "#c2410c", "#4d7c0f", "#64748b"];

const ROW_HEIGHT = 22;

/** "AWS::IoT::Thing" → "IoT::Thing": the axis has little room, the tooltip shows the full name. */
function shortKind(kind: string): string {
  return kind.replace(/^AWS::/, "");
}

/**
 * Resources per kind (one bar each, largest first) split by region (stacked, one colour per
 * region). Clicking a bar filters the table by that kind.
 */
export function KindRegionChart({ summary, onKind }: { summary: InventorySummaryView; onKind?: (kind: string) => void }) {
  const t = useTranslations("inventory.chart");
  const format = useFormatter();
  const regions = summary.regions.map((r) => r.region);
  const data = useMemo(() => {
    const rows = new Map<string, Record<string, number | string>>();
    for (const k of summary.kinds) rows.set(k.kind, { kind: k.kind, total: k.count });
    for (const c of summary.cells) {
      const row = rows.get(c.kind);
      if (row) row[c.region] = c.count;
    }
    return [...rows.values()];
  }, [summary]);
  if (data.length === 0) return null;
  // The figure clips: a hidden tooltip keeps its last position and must not widen the page after a resize.
  const height = data.length * ROW_HEIGHT + 70;
  return (
    <figure className="w-full overflow-hidden" data-testid="kind-region-chart">
      <figcaption className="sr-only">{t("caption")}</figcaption>
      <BarChart
        layout="vertical"
        data={data}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        barCategoryGap={3}
        accessibilityLayer
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={(v: number) => format.number(v, { notation: "compact" })} />
        <YAxis type="category" dataKey="kind" width={150} interval={0} tick={{ fontSize: 11, fill: "#334155" }} tickFormatter={shortKind} />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          formatter={(value, name) => [format.number(Number(value)), String(name)]}
          labelFormatter={(label) => `${String(label)} · ${t("total")}: ${format.number(Number(data.find((d) => d.kind === label)?.total ?? 0))}`}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {regions.map((region, i) => (
          <Bar
            key={region}
            dataKey={region}
            name={region === "global" ? t("global") : region}
            stackId="regions"
            fill={REGION_COLOURS[i % REGION_COLOURS.length]}
            isAnimationActive={false}
            cursor={onKind ? "pointer" : undefined}
            onClick={onKind ? (entry) => onKind(String((entry as { payload?: { kind?: string } }).payload?.kind ?? "")) : undefined}
          />
        ))}
      </BarChart>
    </figure>
  );
}
