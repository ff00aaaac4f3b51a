import { withPlan } from "@/lib/auth/with-permission";
import { readServiceMap } from "@/lib/mapping/service-map/read-service-map";

/** The plan's service map: its newest succeeded mapping run's graph and counts ({ map: null } before the first). */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (_req, { plan }) => {
  return Response.json({ map: await readServiceMap(plan) });
});
