import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { catalogueSchema } from "@/lib/catalogue/catalogue-schema";
import { ensureOrganizationCatalogue } from "@/lib/catalogue/ensure-organization-catalogue";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";

/**
 * The catalogue an organisation's mapping uses: its non-retired entries (the seed's, or an
 * architect's edit) with the seed's IoT details, validated against the catalogue schema. Loads
 * the seed on first use. `version` says what was used, so a mapping run can record it: the seed
 * version alone when nothing was edited, else e.g. `2026-12+3 edits (1a2b3c4d)`, the tail a
 * fingerprint of the edited rows so two different sets of edits never share a version.
 */
export async function readOrganizationCatalogue(organizationId: string): Promise<{ catalogue: Catalogue; version: string }> {
  await ensureOrganizationCatalogue(organizationId);
  const seed = readCurrentCatalogueSeed();
  const [state, rows] = await Promise.all([
    db().catalogueSeedState.findUnique({ where: { organizationId } }),
    db().catalogueEntry.findMany({ where: { organizationId }, orderBy: { kind: "asc" } }),
  ]);
  const live = rows.filter((row) => !row.retired);
  const catalogue = catalogueSchema.parse({
    version: state?.version ?? seed.version,
    date: seed.date,
    entries: live.map((row) => row.entry),
    iot: seed.iot,
  });
  const edited = rows.filter((row) => row.edited);
  const base = state?.version ?? seed.version;
  if (edited.length === 0) return { catalogue, version: base };
  const fingerprint = crypto
    .createHash("sha256")
    .update(JSON.stringify(edited.map((row) => [row.kind, row.retired, row.updatedAt.toISOString()])))
    .digest("hex")
    .slice(0, 8);
  return { catalogue, version: `${base}+${edited.length} ${edited.length === 1 ? "edit" : "edits"} (${fingerprint})` };
}
