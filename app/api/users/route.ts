import { withPermission } from "@/lib/auth/with-permission";
import { listUsers } from "@/lib/users/list-users";

export const GET = withPermission("users.manage", async (_req, { user }) => {
  return Response.json({ users: await listUsers(user.organizationId) });
});
