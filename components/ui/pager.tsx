"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Previous / next page with "51–100 of 12,345"; pages are numbered from 1. */
/**
 * Previous / next paging with "from–to of total". A total that is only a lower bound (a broad
 * search counted up to a cap) shows as "10,000+", and the next page stays open while the current
 * page is full (`rowsOnPage`).
 */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  busy,
  testId,
  totalIsLowerBound = false,
  rowsOnPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  busy?: boolean;
  testId?: string;
  totalIsLowerBound?: boolean;
  rowsOnPage?: number;
}) {
  const t = useTranslations("common");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = totalIsLowerBound ? (page - 1) * pageSize + (rowsOnPage ?? pageSize) : Math.min(total, page * pageSize);
  const plus = totalIsLowerBound ? "+" : "";
  const hasNext = totalIsLowerBound ? (rowsOnPage ?? 0) >= pageSize : page < pages;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600" data-testid={testId}>
      <span aria-live="polite" data-testid={testId ? `${testId}-range` : undefined}>
        {t("range", { from: format.number(from), to: format.number(to), total: `${format.number(total)}${plus}` })}
      </span>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)} aria-label={t("previousPage")}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
          <span className="hidden sm:inline">{t("previous")}</span>
        </Button>
        <span className="whitespace-nowrap">{t("pageOf", { page: format.number(page), pages: `${format.number(pages)}${plus}` })}</span>
        <Button size="sm" variant="secondary" disabled={!hasNext || busy} onClick={() => onPage(page + 1)} aria-label={t("nextPage")}>
          <span className="hidden sm:inline">{t("next")}</span>
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
    </div>
  );
}
