"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { isScanActive } from "@/components/inventory/scan-status";
import type { ScanListItem } from "@/lib/inventory/list-scans";

/** The plan's scans, newest first; refreshed every few seconds while one of them runs. */
export function useScans(planId: string) {
  return useQuery({
    queryKey: inventoryKeys.scans(planId),
    queryFn: () => fetchJson<{ scans: ScanListItem[] }>(`/api/plans/${encodeURIComponent(planId)}/scans`).then((r) => r.scans),
    refetchInterval: (query) => (query.state.data?.some((s) => isScanActive(s.status)) ? 5_000 : false),
  });
}
