"use client";
import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { resourcesApiSearch, type InventoryFilters } from "@/components/inventory/inventory-search-params";
import type { Wire } from "@/components/inventory/wire";
import type { ResourcePage } from "@/lib/inventory/list-resources";

export type ResourcePageView = Wire<ResourcePage>;

/**
 * One page of the inventory table, filtered and sorted by the server. The previous page stays on
 * screen while the next one loads, so paging through 100,000 resources never blanks the table.
 */
export function useResources(planId: string, filters: InventoryFilters) {
  return useQuery({
    queryKey: inventoryKeys.resources(planId, filters),
    queryFn: () => fetchJson<ResourcePageView>(`/api/plans/${encodeURIComponent(planId)}/resources?${resourcesApiSearch(filters)}`),
    placeholderData: keepPreviousData,
  });
}
