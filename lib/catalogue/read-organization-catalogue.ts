import "server-only";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

/** The organisation's catalogue (placeholder until the stored catalogue lands: the current seed). */
export async function readOrganizationCatalogue(organizationId: string): Promise<{ catalogue: Catalogue; version: string }> {
  void organizationId;
  const catalogue = readCurrentCatalogueSeed();
  return { catalogue, version: catalogue.version };
}
