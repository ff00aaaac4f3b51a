"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { MappingChoiceOptions } from "@/lib/mapping/read-mapping-choice-options";

/** The plan's mapping choices with what can be chosen (IoT targets with their uncertainty, per-kind candidates, regions). */
export function useMappingChoiceOptions(planId: string) {
  return useQuery({
    queryKey: coverageKeys.choices(planId),
    queryFn: () => fetchJson<MappingChoiceOptions>(`/api/plans/${encodeURIComponent(planId)}/mapping/choices`),
  });
}
