/** Query keys of the plan's mapping (status, runs): invalidating `plan` refreshes every mapping view. */
export const mappingKeys = {
  all: ["mapping"] as const,
  plan: (planId: string) => [...mappingKeys.all, "plan", planId] as const,
  status: (planId: string) => [...mappingKeys.plan(planId), "status"] as const,
};
