"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { MappingCoverage } from "@/lib/mapping/read-mapping-coverage";

/** How much of the estate the newest mapping run maps, per status and per kind. */
export function useMappingCoverage(planId: string) {
  return useQuery({
    queryKey: coverageKeys.coverage(planId),
    queryFn: () => fetchJson<MappingCoverage>(`/api/plans/${encodeURIComponent(planId)}/mapping/coverage`),
  });
}
