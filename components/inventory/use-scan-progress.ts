"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { isScanActive } from "@/components/inventory/scan-status";
import type { ScanProgress } from "@/lib/inventory/get-scan-progress";

export const PROGRESS_POLL_MS = 2_000;

/** A scan's progress, polled every 2 s while it is queued or running. */
export function useScanProgress(scanId: string) {
  return useQuery({
    queryKey: inventoryKeys.scan(scanId),
    queryFn: () => fetchJson<ScanProgress>(`/api/scans/${encodeURIComponent(scanId)}`),
    refetchInterval: (query) => (query.state.data && !isScanActive(query.state.data.status) ? false : PROGRESS_POLL_MS),
    staleTime: 0,
  });
}
