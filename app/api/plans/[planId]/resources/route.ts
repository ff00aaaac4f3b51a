import { withPermission } from "@/lib/auth/with-permission";
import { findPlan } from "@/lib/plans/find-plan";
import { listResources } from "@/lib/inventory/list-resources";
import { resourceQuerySchema } from "@/lib/inventory/resource-query";

/** One page of the inventory: ?kind&region&tag&q&sort&dir&page&pageSize&scanId */
export const GET = withPermission<{ planId: string }>("inventory.read", async (req, { user, params }) => {
  await findPlan(user.organizationId, params.planId);
  const query = resourceQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listResources(params.planId, query));
});
