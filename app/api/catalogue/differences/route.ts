import { withPermission } from "@/lib/auth/with-permission";
import { listSeedDifferences } from "@/lib/catalogue/list-seed-differences";

/** A newer seed's pending differences on the organisation's edited catalogue rows, field by field. */
export const GET = withPermission("servicemap.read", async (_req, { user }) => {
  return Response.json({ differences: await listSeedDifferences(user.organizationId) });
});
