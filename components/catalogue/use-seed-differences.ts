"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import type { SeedDifferenceRow } from "@/lib/catalogue/list-seed-differences";

/** A newer seed's pending differences on the organisation's edited entries. */
export function useSeedDifferences() {
  return useQuery({
    queryKey: catalogueKeys.differences(),
    queryFn: () => fetchJson<{ differences: SeedDifferenceRow[] }>("/api/catalogue/differences").then((r) => r.differences),
  });
}
