"use client";
import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import type { Wire } from "@/components/inventory/wire";
import type { InventorySummary } from "@/lib/inventory/inventory-summary";

export type InventorySummaryView = Wire<InventorySummary>;

/** Counts by kind and region of the scan shown (the latest finished one unless one is chosen). */
export function useInventorySummary(planId: string, scanId: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.summary(planId, scanId),
    queryFn: () => fetchJson<InventorySummaryView>(`/api/plans/${encodeURIComponent(planId)}/inventory-summary${scanId ? `?scanId=${encodeURIComponent(scanId)}` : ""}`),
    placeholderData: keepPreviousData,
  });
}
