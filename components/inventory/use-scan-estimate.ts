"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys, type EstimateRequest } from "@/components/inventory/inventory-keys";
import type { ScanEstimate } from "@/lib/inventory/plan-scan";

/** The plan of a scan before it starts: calls per region and API, and the least time the quotas allow. */
export function useScanEstimate(planId: string, request: EstimateRequest, enabled: boolean) {
  return useQuery({
    queryKey: inventoryKeys.estimate(planId, request),
    enabled,
    queryFn: () =>
      fetchJson<ScanEstimate>(`/api/plans/${encodeURIComponent(planId)}/scan-estimate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      }),
    staleTime: 30_000,
  });
}
