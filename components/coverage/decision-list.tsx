"use client";
import { useTranslations } from "next-intl";
import type { DecisionFilters } from "@/components/coverage/coverage-keys";
import { Card, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/error-text";
import { cn } from "@/lib/ui/cn";
import { DecisionCard } from "@/components/coverage/decision-card";
import { useOpenDecisions } from "@/components/coverage/use-open-decisions";

const VIEWS: DecisionFilters["view"][] = ["open", "unmapped", "decided"];

/** The open decisions to work through (or the unmapped, or the decided), filtered by kind, a page at a time. */
export function DecisionList({
  planId,
  runId,
  kinds,
  filters,
  onFilters,
  canDecide,
}: {
  planId: string;
  runId: string;
  kinds: string[];
  filters: DecisionFilters;
  onFilters: (filters: DecisionFilters) => void;
  canDecide: boolean;
}) {
  const t = useTranslations("coverage.list");
  const errorText = useErrorText();
  const decisions = useOpenDecisions(planId, filters);
  const items = decisions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card id="decisions">
      <CardHeader title={t("title")} description={canDecide ? t("descriptionArchitect") : t("descriptionViewer")} />
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div role="tablist" aria-label={t("views")} className="flex flex-wrap gap-1">
          {VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              aria-selected={filters.view === view}
              onClick={() => onFilters({ ...filters, view })}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                filters.view === view ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
              data-testid={`decisions-view-${view}`}
            >
              {t(`view.${view}`)}
            </button>
          ))}
        </div>
        <div className="w-full sm:w-64">
          <Label htmlFor="decision-kind">{t("kind")}</Label>
          <Select id="decision-kind" value={filters.kind ?? ""} onChange={(e) => onFilters({ ...filters, kind: e.target.value || undefined })} data-testid="decisions-kind">
            <option value="">{t("allKinds")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {decisions.isError ? (
        <div className="px-5 py-4">
          <Alert tone="error">{errorText(decisions.error as never)}</Alert>
        </div>
      ) : null}
      {decisions.isPending ? <p className="px-5 py-4 text-sm text-slate-600">{t("loading")}</p> : null}
      {decisions.isSuccess && items.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-600" data-testid="decisions-empty">
          {t(`empty.${filters.view}`)}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200" data-testid="decision-list">
        {items.map((item) => (
          <DecisionCard key={item.id} planId={planId} runId={runId} item={item} canDecide={canDecide} />
        ))}
      </ul>
      {decisions.hasNextPage ? (
        <div className="border-t border-slate-200 px-5 py-3">
          <Button variant="secondary" size="sm" onClick={() => decisions.fetchNextPage()} disabled={decisions.isFetchingNextPage} data-testid="decisions-more">
            {decisions.isFetchingNextPage ? t("loading") : t("more")}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
