"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import type { CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";
import type { CatalogueEntryRow } from "@/lib/catalogue/list-catalogue-entries";
import type { CatalogueRegions } from "@/lib/catalogue/list-catalogue-regions";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";

export interface CatalogueView {
  /** What a mapping run records, e.g. `2026-12+3 edits (1a2b3c4d)`. */
  version: string;
  /** The seed version the catalogue was last reconciled with. */
  seedVersion: string;
  /** How many entries architects changed. */
  edited: number;
  date: string;
  total: number;
  entries: CatalogueEntryRow[];
  regions: CatalogueRegions;
  iot: Catalogue["iot"];
}

/** The organisation's catalogue, filtered by the server; the previous result stays while the next loads. */
export function useCatalogue(filters: CatalogueFilters) {
  const search = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
  return useQuery({
    queryKey: catalogueKeys.list(filters),
    queryFn: () => fetchJson<CatalogueView>(`/api/catalogue${search ? `?${search}` : ""}`),
    placeholderData: keepPreviousData,
  });
}
