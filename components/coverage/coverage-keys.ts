export interface DecisionFilters {
  /** open: needs a decision; unmapped: no equivalent or blocked, undecided; decided: an architect decided. */
  view: "open" | "unmapped" | "decided";
  kind?: string;
}

/** Query keys of the coverage page: per plan. */
export const coverageKeys = {
  all: ["coverage"] as const,
  plan: (planId: string) => [...coverageKeys.all, "plan", planId] as const,
  coverage: (planId: string) => [...coverageKeys.plan(planId), "coverage"] as const,
  decisions: (planId: string, filters: DecisionFilters) => [...coverageKeys.plan(planId), "decisions", filters] as const,
  choices: (planId: string) => [...coverageKeys.plan(planId), "choices"] as const,
  regionCheck: (planId: string, sourceRegion: string, targetRegion: string) => [...coverageKeys.plan(planId), "region-check", sourceRegion, targetRegion] as const,
};
