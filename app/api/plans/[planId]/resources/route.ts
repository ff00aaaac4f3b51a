import { withPlan } from "@/lib/auth/with-permission";
import { listResources } from "@/lib/inventory/list-resources";
import { resourceQuerySchema } from "@/lib/inventory/resource-query";

/** One page of the inventory: ?kind&region&tag&q&sort&dir&page&pageSize&scanId */
export const GET = withPlan<{ planId: string }>("inventory.read", async (req, { plan }) => {
  const query = resourceQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listResources(plan, query));
});
