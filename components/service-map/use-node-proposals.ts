"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { serviceMapKeys } from "@/components/service-map/service-map-keys";
import type { NodeProposalPage } from "@/lib/mapping/service-map/list-node-proposals";
import type { ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";

export interface NodeProposalFilters {
  status?: ProposalStatus;
  q?: string;
}

/** The proposals of one node, 50 a page by keyset ("Show more" asks for the next). */
export function useNodeProposals(planId: string, nodeId: string | null, filters: NodeProposalFilters) {
  return useInfiniteQuery({
    queryKey: serviceMapKeys.node(planId, nodeId ?? "", filters),
    enabled: nodeId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams();
      if (filters.status) search.set("status", filters.status);
      if (filters.q) search.set("q", filters.q);
      if (pageParam) search.set("after", pageParam);
      return fetchJson<NodeProposalPage>(`/api/plans/${encodeURIComponent(planId)}/service-map/nodes/${encodeURIComponent(nodeId ?? "")}?${search}`);
    },
    getNextPageParam: (last) => last.nextAfter,
  });
}
