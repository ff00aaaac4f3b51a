import "server-only";
import { db } from "@/lib/db";
import { ensureOrganizationCatalogue } from "@/lib/catalogue/ensure-organization-catalogue";
import type { CatalogueSeedLoad } from "@/lib/catalogue/load-catalogue-seed";

/**
 * For start-up: gives every organisation the repository's newest catalogue seed (first load, or
 * reconciliation after an upgrade), so nobody has to load it by hand. Organisations already on
 * the newest seed are skipped. Returns the loads that happened, by organisation.
 */
export async function loadCatalogueSeedForOrganizations(): Promise<{ organizationId: string; load: CatalogueSeedLoad }[]> {
  const organizations = await db().organization.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const loads: { organizationId: string; load: CatalogueSeedLoad }[] = [];
  for (const { id } of organizations) {
    const load = await ensureOrganizationCatalogue(id);
    if (load) loads.push({ organizationId: id, load });
  }
  return loads;
}
