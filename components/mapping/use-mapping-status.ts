"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { mappingKeys } from "@/components/mapping/mapping-keys";
import type { MappingStatus } from "@/lib/mapping/runs/read-mapping-status";

/** Where the plan's mapping stands; polled while a run is under way or the newest scan waits for one. */
export function useMappingStatus(planId: string) {
  return useQuery({
    queryKey: mappingKeys.status(planId),
    queryFn: () => fetchJson<MappingStatus>(`/api/plans/${encodeURIComponent(planId)}/mapping/status`),
    refetchInterval: (query) => (query.state.data?.latestRun?.status === "running" ? 3_000 : false),
  });
}
