import { withPlan } from "@/lib/auth/with-permission";
import { diffQuerySchema, diffScans } from "@/lib/inventory/diff-scans";

/** What changed since another scan (by default the previous one): ?base&change&kind&page&pageSize */
export const GET = withPlan<{ scanId: string }>("inventory.read", async (req, { scan }) => {
  const query = diffQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await diffScans(scan, query));
});
