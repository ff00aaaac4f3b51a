import "server-only";
import { db } from "@/lib/db";
import { compareCatalogueEntries } from "@/lib/catalogue/compare-catalogue-versions";
import type { CatalogueEntry, CatalogueFieldChange } from "@/lib/catalogue/catalogue-types";

export interface SeedDifferenceRow {
  id: string;
  kind: string;
  fromVersion: string | null;
  toVersion: string;
  status: string;
  /** The newer seed's entry; null when the newer seed no longer has the kind. */
  seedEntry: CatalogueEntry | null;
  /** The architect's entry as it stands. */
  current: CatalogueEntry;
  /** What taking the seed's would change in the row, field by field (current -> seed's). */
  changes: CatalogueFieldChange[];
  /** What the seed itself changed since the version the edit was based on (old seed -> new seed). */
  seedChanges: CatalogueFieldChange[];
  createdAt: string;
}

/** A newer seed's differences on an organisation's edited rows (pending by default), with the field-level difference. */
export async function listSeedDifferences(organizationId: string, status: "pending" | "accepted" | "kept" = "pending"): Promise<SeedDifferenceRow[]> {
  const differences = await db().catalogueSeedDifference.findMany({ where: { organizationId, status }, orderBy: [{ kind: "asc" }, { createdAt: "desc" }] });
  if (differences.length === 0) return [];
  const rows = await db().catalogueEntry.findMany({ where: { organizationId, kind: { in: differences.map((d) => d.kind) } } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return differences.flatMap((difference) => {
    const row = byKind.get(difference.kind);
    if (!row) return [];
    const seedEntry = (difference.seedEntry ?? null) as CatalogueEntry | null;
    return [
      {
        id: difference.id,
        kind: difference.kind,
        fromVersion: difference.fromVersion,
        toVersion: difference.toVersion,
        status: difference.status,
        seedEntry,
        current: row.entry as unknown as CatalogueEntry,
        changes: compareCatalogueEntries(row.entry, seedEntry),
        seedChanges: compareCatalogueEntries(row.seedEntry, seedEntry),
        createdAt: difference.createdAt.toISOString(),
      },
    ];
  });
}
