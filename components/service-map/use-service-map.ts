"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { serviceMapKeys } from "@/components/service-map/service-map-keys";
import type { ServiceMapView } from "@/lib/mapping/service-map/read-service-map";

/** The plan's service map (the newest succeeded mapping run), starting from what the page read on the server. */
export function useServiceMap(planId: string, initial: ServiceMapView | null) {
  return useQuery({
    queryKey: serviceMapKeys.map(planId),
    queryFn: async () => (await fetchJson<{ map: ServiceMapView | null }>(`/api/plans/${encodeURIComponent(planId)}/service-map`)).map,
    initialData: initial,
    staleTime: 60_000,
  });
}
