import { withPermission } from "@/lib/auth/with-permission";
import { getResource } from "@/lib/inventory/get-resource";

export const GET = withPermission<{ resourceId: string }>("inventory.read", async (_req, { user, params }) => {
  return Response.json(await getResource(user.organizationId, params.resourceId));
});
