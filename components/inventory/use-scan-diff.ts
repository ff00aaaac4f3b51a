"use client";
import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys, type DiffFilters } from "@/components/inventory/inventory-keys";
import type { ScanDiff } from "@/lib/inventory/diff-scans";

export const DIFF_PAGE_SIZE = 50;

/** What changed between a base scan and this one, one page of rows at a time. */
export function useScanDiff(scanId: string, filters: DiffFilters | null) {
  return useQuery({
    queryKey: inventoryKeys.diff(scanId, filters ?? { base: "", page: 1 }),
    enabled: filters !== null,
    queryFn: () => {
      const p = new URLSearchParams({ base: filters!.base, page: String(filters!.page), pageSize: String(DIFF_PAGE_SIZE) });
      if (filters!.change) p.set("change", filters!.change);
      if (filters!.kind) p.set("kind", filters!.kind);
      return fetchJson<ScanDiff>(`/api/scans/${encodeURIComponent(scanId)}/diff?${p.toString()}`);
    },
    placeholderData: keepPreviousData,
  });
}
