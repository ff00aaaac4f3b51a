import { withPermission } from "@/lib/auth/with-permission";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list-audit-events";

export const GET = withPermission("audit.read", async (req, { user }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const filter = auditFilterSchema.parse(params);
  return Response.json(await listAuditEvents(user.organizationId, filter));
});
