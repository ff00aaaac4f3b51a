import { withPlan } from "@/lib/auth/with-permission";
import { readMappingCoverage } from "@/lib/mapping/read-mapping-coverage";

/** How much of the estate the newest mapping run maps, per status and per kind. */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (_req, { plan }) =>
  Response.json(await readMappingCoverage(plan), { headers: { "cache-control": "no-store" } }),
);
