/** The plan of the mapping-decisions journey, which the end-to-end server seeds (mapping-decisions-seed.ts). */
export const MAPPING_PLAN_NAME = "E2E mapping decisions";
