import "server-only";
import { db } from "@/lib/db";
import { compareSeedVersions } from "@/lib/catalogue/compare-seed-versions";
import { loadCatalogueSeed, type CatalogueSeedLoad } from "@/lib/catalogue/load-catalogue-seed";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

/**
 * Makes sure an organisation's catalogue exists and has seen the repository's newest seed: on
 * first use it is loaded; after an upgrade that brings a newer seed it is reconciled (edits are
 * asked about, never overwritten). Returns the load when one happened, else null. Cheap when the
 * catalogue is current (one row read).
 */
export async function ensureOrganizationCatalogue(organizationId: string): Promise<CatalogueSeedLoad | null> {
  const seed = readCurrentCatalogueSeed();
  const state = await db().catalogueSeedState.findUnique({ where: { organizationId } });
  if (state && compareSeedVersions(state.version, seed.version) >= 0) return null;
  return loadCatalogueSeed(organizationId, seed);
}
