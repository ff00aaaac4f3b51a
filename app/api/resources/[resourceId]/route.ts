import { withPlan } from "@/lib/auth/with-permission";
import { getResource } from "@/lib/inventory/get-resource";

/** One resource with its raw data and relations. */
export const GET = withPlan<{ resourceId: string }>("inventory.read", async (_req, { resource }) => {
  return Response.json(await getResource(resource));
});
