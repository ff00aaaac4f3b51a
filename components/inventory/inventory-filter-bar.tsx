"use client";
import { useTranslations, useFormatter } from "next-intl";
import { Search, X } from "lucide-react";
import { Input, Label, Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { useDebouncedField } from "@/components/inventory/use-debounced-value";
import type { InventoryFilters } from "@/components/inventory/inventory-search-params";

/**
 * Kind, region, tag and text filters. The selects apply at once; the two text fields apply when
 * typing pauses. All of it lives in the address bar (see inventory-search-params.ts).
 */
export function InventoryFilterBar({
  filters,
  kinds,
  regions,
  onChange,
}: {
  filters: InventoryFilters;
  kinds: Array<{ kind: string; count: number }>;
  regions: Array<{ region: string; count: number }>;
  onChange: (change: Partial<InventoryFilters>, how?: "push" | "replace") => void;
}) {
  const t = useTranslations("inventory.filters");
  const format = useFormatter();
  const [tag, setTag] = useDebouncedField(filters.tag ?? "", (v) => onChange({ tag: v.trim() || undefined }, "replace"));
  const [q, setQ] = useDebouncedField(filters.q ?? "", (v) => onChange({ q: v.trim() || undefined }, "replace"));
  // A filter from a shared link may name a kind or region this scan does not have: keep it selectable.
  const kindOptions = filters.kind && !kinds.some((k) => k.kind === filters.kind) ? [...kinds, { kind: filters.kind, count: 0 }] : kinds;
  const regionOptions = filters.region && !regions.some((r) => r.region === filters.region) ? [...regions, { region: filters.region, count: 0 }] : regions;
  const active = Boolean(filters.kind || filters.region || filters.tag || filters.q);
  return (
    <div role="search" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.3fr)_auto]" data-testid="inventory-filters">
      <div className="min-w-0">
        <Label htmlFor="filter-kind">{t("kind")}</Label>
        <Select id="filter-kind" value={filters.kind ?? ""} onChange={(e) => onChange({ kind: e.target.value || undefined })}>
          <option value="">{t("allKinds")}</option>
          {kindOptions.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind} ({format.number(k.count)})
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="filter-region">{t("region")}</Label>
        <Select id="filter-region" value={filters.region ?? ""} onChange={(e) => onChange({ region: e.target.value || undefined })}>
          <option value="">{t("allRegions")}</option>
          {regionOptions.map((r) => (
            <option key={r.region} value={r.region}>
              {r.region === "global" ? t("global") : r.region} ({format.number(r.count)})
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="filter-tag">{t("tag")}</Label>
        <Input id="filter-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t("tagPlaceholder")} maxLength={600} spellCheck={false} autoComplete="off" />
      </div>
      <div className="min-w-0">
        <Label htmlFor="filter-q">{t("search")}</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
          <Input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPlaceholder")} maxLength={200} className="pl-9" autoComplete="off" />
        </div>
      </div>
      <div className="flex items-end">
        <Button
          variant="ghost"
          disabled={!active}
          onClick={() => {
            setTag("");
            setQ("");
            onChange({ kind: undefined, region: undefined, tag: undefined, q: undefined });
          }}
          data-testid="clear-filters"
        >
          <X aria-hidden className="h-4 w-4" />
          {t("clear")}
        </Button>
      </div>
    </div>
  );
}
