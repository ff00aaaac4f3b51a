import { withPlan } from "@/lib/auth/with-permission";
import { readMappingStatus } from "@/lib/mapping/runs/read-mapping-status";

/** Where the plan's mapping stands (the scan it would map, a run under way or failed, the run shown). */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (_req, { plan }) => Response.json(await readMappingStatus(plan), { headers: { "cache-control": "no-store" } }));
