import { withPlan } from "@/lib/auth/with-permission";
import { listOpenDecisions, openDecisionsQuerySchema } from "@/lib/mapping/list-open-decisions";

/** The proposals of the newest mapping run that need a decision (or were decided), a keyset page at a time. */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (req, { plan }) => {
  const query = openDecisionsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listOpenDecisions(plan, query), { headers: { "cache-control": "no-store" } });
});
