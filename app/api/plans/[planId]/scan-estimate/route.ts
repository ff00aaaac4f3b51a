import { withPlan } from "@/lib/auth/with-permission";
import { estimateScan, scanOptionsSchema } from "@/lib/inventory/start-scan";

/** The plan of a scan before it starts: POST { mode, includeShadows, regions? } */
export const POST = withPlan<{ planId: string }>("scan.run", async (req, { plan }) => {
  const body = scanOptionsSchema.parse(await req.json().catch(() => ({})));
  return Response.json(await estimateScan(plan, body));
});
