"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import type { ResourceDetail } from "@/lib/inventory/get-resource";

/** One resource with its raw API data and its relations both ways. */
export function useResource(resourceId: string) {
  return useQuery({
    queryKey: inventoryKeys.resource(resourceId),
    queryFn: () => fetchJson<ResourceDetail>(`/api/resources/${encodeURIComponent(resourceId)}`),
    // A resource belongs to a finished scan and does not change.
    staleTime: 5 * 60_000,
  });
}
