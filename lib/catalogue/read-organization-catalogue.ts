import "server-only";
/**
 * Placeholder until the organisation's stored catalogue reader lands: the catalogue an
 * organisation maps with, and its version. Until then every organisation gets the newest seed in
 * the repository.
 */
import type { Catalogue } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

export async function readOrganizationCatalogue(organizationId: string): Promise<{ catalogue: Catalogue; version: string }> {
  void organizationId;
  const catalogue = readCurrentCatalogueSeed();
  return { catalogue, version: catalogue.version };
}
