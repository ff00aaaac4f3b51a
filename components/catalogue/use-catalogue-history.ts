"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import type { CatalogueHistoryRow } from "@/lib/catalogue/list-catalogue-history";

/** The history of one catalogue entry, newest first. */
export function useCatalogueHistory(kind: string) {
  return useQuery({
    queryKey: catalogueKeys.history(kind),
    queryFn: () => fetchJson<{ history: CatalogueHistoryRow[] }>(`/api/catalogue/history?kind=${encodeURIComponent(kind)}`).then((r) => r.history),
  });
}
