"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import type { CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";
import type { CatalogueEntryRow } from "@/lib/catalogue/list-catalogue-entries";
import type { CatalogueRegions } from "@/lib/catalogue/list-catalogue-regions";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";

export interface CatalogueView {
  version: string;
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
