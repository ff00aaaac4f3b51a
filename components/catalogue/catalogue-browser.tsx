"use client";
// Before any schema is built: zod must not probe for eval under the page's CSP.
import "@/components/connections/browser-zod";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { catalogueFiltersSchema, type CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";
import { useCatalogue } from "@/components/catalogue/use-catalogue";
import { CatalogueFilterBar } from "@/components/catalogue/catalogue-filter-bar";
import { CatalogueEntryCard } from "@/components/catalogue/catalogue-entry-card";
import { SeedDifferencesBanner } from "@/components/catalogue/seed-differences-banner";
import { IotDetailsView } from "@/components/catalogue/iot-details-view";
import { useErrorText } from "@/components/ui/error-text";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";

function filtersFromAddress(search: string): CatalogueFilters {
  const params = Object.fromEntries([...new URLSearchParams(search)].filter(([, v]) => v !== ""));
  const parsed = catalogueFiltersSchema.safeParse(params);
  return parsed.success ? parsed.data : {};
}

function addressOf(filters: CatalogueFilters): string {
  return new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
}

/**
 * The organisation's catalogue: pending seed differences first (for architects to answer), the
 * filters (kept in the address bar so a view can be shared), each AWS kind with its ranked
 * candidates, and the IoT details below.
 */
export function CatalogueBrowser({ canEdit, initialSearch }: { canEdit: boolean; initialSearch: string }) {
  const t = useTranslations("catalogue.browser");
  const errorText = useErrorText();
  const [filters, setFilters] = useState<CatalogueFilters>(() => filtersFromAddress(initialSearch));
  const [notice, setNotice] = useState<string | null>(null);
  const catalogue = useCatalogue(filters);

  const onChange = useCallback((change: Partial<CatalogueFilters>) => {
    setFilters((current) => {
      const next = Object.fromEntries(Object.entries({ ...current, ...change }).filter(([, v]) => v !== undefined)) as CatalogueFilters;
      const search = addressOf(next);
      window.history.replaceState(null, "", search ? `${window.location.pathname}?${search}` : window.location.pathname);
      return next;
    });
  }, []);

  return (
    <div className="space-y-6">
      {notice ? (
        <Alert tone="success" data-testid="catalogue-notice">
          {notice}
        </Alert>
      ) : null}
      <SeedDifferencesBanner canEdit={canEdit} onNotice={setNotice} />
      {catalogue.data ? (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="catalogue-version">
          <span title={catalogue.data.version}>{t("version", { version: catalogue.data.seedVersion, date: catalogue.data.date, edited: catalogue.data.edited })}</span>
          <a href="#iot-details-title" className="text-brand-700 underline hover:text-brand-800">
            {t("jumpToIot")}
          </a>
        </p>
      ) : null}
      <Card>
        <CardBody>
          <CatalogueFilterBar filters={filters} regions={catalogue.data?.regions ?? { mainlandChina: [], international: [] }} onChange={onChange} />
        </CardBody>
      </Card>
      {catalogue.isError ? <Alert tone="error">{errorText(catalogue.error as never)}</Alert> : null}
      {catalogue.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : null}
      {catalogue.data ? (
        <>
          <p className="text-sm text-slate-700" role="status" data-testid="catalogue-count">
            {t("count", { shown: catalogue.data.entries.length, total: catalogue.data.total })}
          </p>
          {catalogue.data.entries.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <div className="space-y-4">
              {catalogue.data.entries.map((row) => (
                <CatalogueEntryCard key={row.kind} row={row} canEdit={canEdit} onNotice={setNotice} />
              ))}
            </div>
          )}
          <IotDetailsView iot={catalogue.data.iot} />
        </>
      ) : null}
    </div>
  );
}
