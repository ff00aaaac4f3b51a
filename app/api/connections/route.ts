import { withPermission } from "@/lib/auth/with-permission";
import { listConnections } from "@/lib/connections/list-connections";

export const GET = withPermission("connection.read", async (_req, { user }) => {
  return Response.json({ connections: await listConnections(user.organizationId) });
});
