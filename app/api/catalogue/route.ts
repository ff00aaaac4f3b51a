import { withPermission } from "@/lib/auth/with-permission";
import { catalogueFiltersSchema } from "@/lib/catalogue/filter-catalogue-entries";
import { listCatalogueEntries } from "@/lib/catalogue/list-catalogue-entries";
import { listCatalogueRegions } from "@/lib/catalogue/list-catalogue-regions";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";

/**
 * The organisation's catalogue for the browser: the filtered rows, the version in use, the
 * regions the filter offers (per world) and the IoT details. Loads the seed on first use.
 */
export const GET = withPermission("servicemap.read", async (req, { user }) => {
  const query = Object.fromEntries([...new URL(req.url).searchParams].filter(([, value]) => value !== ""));
  const filters = catalogueFiltersSchema.parse(query);
  const { catalogue, version } = await readOrganizationCatalogue(user.organizationId);
  const { entries, total, edited } = await listCatalogueEntries(user.organizationId, filters);
  return Response.json({ version, seedVersion: catalogue.version, edited, date: catalogue.date, total, entries, regions: listCatalogueRegions(catalogue.entries), iot: catalogue.iot });
});
