"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { RegionChangeReport } from "@/lib/mapping/regions/region-types";

export type RegionCheck = RegionChangeReport & { currentRegion: string | null };

/** What moving a source region to another Alibaba region would break; asked only while such a change is pending. */
export function useRegionChangeCheck(planId: string, sourceRegion: string, targetRegion: string | null) {
  return useQuery({
    queryKey: coverageKeys.regionCheck(planId, sourceRegion, targetRegion ?? ""),
    queryFn: () =>
      fetchJson<{ check: RegionCheck }>(
        `/api/plans/${encodeURIComponent(planId)}/mapping/choices?${new URLSearchParams({ sourceRegion, targetRegion: targetRegion ?? "" }).toString()}`,
      ).then((r) => r.check),
    enabled: targetRegion !== null,
  });
}
