"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { coverageKeys, type DecisionFilters } from "@/components/coverage/coverage-keys";
import type { OpenDecisionsPage } from "@/lib/mapping/list-open-decisions";

const PAGE_SIZE = 20;

function searchOf(filters: DecisionFilters, after: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.view === "open") params.set("status", "decision");
  if (filters.view === "unmapped") {
    params.set("status", "none,blocked");
    params.set("overridden", "false");
  }
  if (filters.view === "decided") params.set("overridden", "true");
  if (filters.kind) params.set("kind", filters.kind);
  if (after) params.set("after", after);
  return params.toString();
}

/** The proposals to work through, a keyset page at a time ("show more" asks for the next). */
export function useOpenDecisions(planId: string, filters: DecisionFilters) {
  return useInfiniteQuery({
    queryKey: coverageKeys.decisions(planId, filters),
    queryFn: ({ pageParam }) => fetchJson<OpenDecisionsPage>(`/api/plans/${encodeURIComponent(planId)}/mapping/decisions?${searchOf(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextAfter,
  });
}
