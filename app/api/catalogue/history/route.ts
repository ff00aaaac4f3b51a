import { z } from "zod";
import { withPermission } from "@/lib/auth/with-permission";
import { listCatalogueHistory } from "@/lib/catalogue/list-catalogue-history";

const querySchema = z.object({
  kind: z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The catalogue's history (one kind, or all), newest first. */
export const GET = withPermission("servicemap.read", async (req, { user }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ history: await listCatalogueHistory(user.organizationId, query) });
});
