import type { InventoryFilters } from "@/components/inventory/inventory-search-params";

export interface DiffFilters {
  base: string;
  change?: "added" | "removed" | "changed";
  kind?: string;
  page: number;
}

export interface EstimateRequest {
  mode: "summary" | "deep";
  includeShadows: boolean;
  regions: string[];
}

/** Query keys of the inventory: per plan, per scan and per resource. */
export const inventoryKeys = {
  all: ["inventory"] as const,
  plan: (planId: string) => [...inventoryKeys.all, "plan", planId] as const,
  summary: (planId: string, scanId: string | undefined) => [...inventoryKeys.plan(planId), "summary", scanId ?? "latest"] as const,
  resources: (planId: string, filters: InventoryFilters) => [...inventoryKeys.plan(planId), "resources", filters] as const,
  scans: (planId: string) => [...inventoryKeys.plan(planId), "scans"] as const,
  estimate: (planId: string, request: EstimateRequest) => [...inventoryKeys.plan(planId), "estimate", request] as const,
  resource: (resourceId: string) => [...inventoryKeys.all, "resource", resourceId] as const,
  scan: (scanId: string) => [...inventoryKeys.all, "scan", scanId] as const,
  diff: (scanId: string, filters: DiffFilters) => [...inventoryKeys.scan(scanId), "diff", filters] as const,
};
