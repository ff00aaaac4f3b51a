"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Previous / next page with "51–100 of 12,345"; pages are numbered from 1. */
export function Pager({ page, pageSize, total, onPage, busy, testId }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; busy?: boolean; testId?: string }) {
  const t = useTranslations("common");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600" data-testid={testId}>
      <span aria-live="polite" data-testid={testId ? `${testId}-range` : undefined}>
        {t("range", { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </span>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)} aria-label={t("previousPage")}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
          <span className="hidden sm:inline">{t("previous")}</span>
        </Button>
        <span className="whitespace-nowrap">{t("pageOf", { page: format.number(page), pages: format.number(pages) })}</span>
        <Button size="sm" variant="secondary" disabled={page >= pages || busy} onClick={() => onPage(page + 1)} aria-label={t("nextPage")}>
          <span className="hidden sm:inline">{t("next")}</span>
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
    </div>
  );
}
