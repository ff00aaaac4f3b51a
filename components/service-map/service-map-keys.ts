import type { NodeProposalFilters } from "@/components/service-map/use-node-proposals";

/** Query keys of the service map: per plan, per node. */
export const serviceMapKeys = {
  all: ["service-map"] as const,
  plan: (planId: string) => [...serviceMapKeys.all, "plan", planId] as const,
  map: (planId: string) => [...serviceMapKeys.plan(planId), "map"] as const,
  node: (planId: string, nodeId: string, filters: NodeProposalFilters) => [...serviceMapKeys.plan(planId), "node", nodeId, filters] as const,
};
