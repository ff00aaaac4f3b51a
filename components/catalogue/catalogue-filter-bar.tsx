"use client";
// Before any schema is built: zod must not probe for eval under the page's CSP.
import "@/components/connections/browser-zod";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { CATEGORIES, FITS } from "@/lib/catalogue/catalogue-schema";
import type { CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";
import type { CatalogueRegions } from "@/lib/catalogue/list-catalogue-regions";
import type { CatalogueCategory, Fit } from "@/lib/catalogue/catalogue-types";
import { Input, Label, Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { useDebouncedField } from "@/components/inventory/use-debounced-value";

/** The region select's value: a whole world, or one region (which belongs to exactly one world). */
function whereValue(filters: CatalogueFilters): string {
  if (filters.region) return `region:${filters.region}`;
  if (filters.world) return `world:${filters.world}`;
  return "";
}

function whereFilters(value: string): Pick<CatalogueFilters, "world" | "region"> {
  if (value.startsWith("region:")) return { region: value.slice(7), world: undefined };
  if (value === "world:mainlandChina" || value === "world:international") return { world: value.slice(6) as CatalogueFilters["world"], region: undefined };
  return { world: undefined, region: undefined };
}

/** Category, fit, where it runs (mainland China and international kept apart) and text. */
export function CatalogueFilterBar({
  filters,
  regions,
  onChange,
}: {
  filters: CatalogueFilters;
  regions: CatalogueRegions;
  onChange: (change: Partial<CatalogueFilters>) => void;
}) {
  const t = useTranslations("catalogue.filters");
  const categories = useTranslations("catalogue.category");
  const fits = useTranslations("catalogue.fit");
  const [q, setQ] = useDebouncedField(filters.q ?? "", (v) => onChange({ q: v.trim() || undefined }));
  const active = Boolean(filters.category || filters.fit || filters.world || filters.region || filters.q || filters.retired);
  return (
    <div role="search" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="catalogue-filters">
      <div className="min-w-0">
        <Label htmlFor="catalogue-category">{t("category")}</Label>
        <Select id="catalogue-category" value={filters.category ?? ""} onChange={(e) => onChange({ category: (e.target.value || undefined) as CatalogueCategory | undefined })}>
          <option value="">{t("allCategories")}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categories(c)}
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="catalogue-fit">{t("fit")}</Label>
        <Select id="catalogue-fit" value={filters.fit ?? ""} onChange={(e) => onChange({ fit: (e.target.value || undefined) as Fit | undefined })}>
          <option value="">{t("anyFit")}</option>
          {FITS.map((f) => (
            <option key={f} value={f}>
              {fits(f)}
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="catalogue-region">{t("region")}</Label>
        <Select id="catalogue-region" value={whereValue(filters)} onChange={(e) => onChange(whereFilters(e.target.value))}>
          <option value="">{t("anywhere")}</option>
          <optgroup label={t("mainlandChina")}>
            <option value="world:mainlandChina">{t("anyMainland")}</option>
            {regions.mainlandChina.map((r) => (
              <option key={r} value={`region:${r}`}>
                {r}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("international")}>
            <option value="world:international">{t("anyInternational")}</option>
            {regions.international.map((r) => (
              <option key={r} value={`region:${r}`}>
                {r}
              </option>
            ))}
          </optgroup>
        </Select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="catalogue-q">{t("search")}</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
          <Input id="catalogue-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPlaceholder")} maxLength={200} className="pl-9" autoComplete="off" />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 xl:col-span-4">
        <label className="flex h-10 items-center gap-2 whitespace-nowrap text-sm text-slate-700">
          <input type="checkbox" checked={filters.retired === "include"} onChange={(e) => onChange({ retired: e.target.checked ? "include" : undefined })} className="h-4 w-4 rounded border-slate-300" />
          {t("showRetired")}
        </label>
        <Button
          variant="ghost"
          disabled={!active}
          onClick={() => {
            setQ("");
            onChange({ category: undefined, fit: undefined, world: undefined, region: undefined, q: undefined, retired: undefined });
          }}
        >
          <X aria-hidden className="h-4 w-4" />
          {t("clear")}
        </Button>
      </div>
    </div>
  );
}
