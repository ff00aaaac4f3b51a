import "server-only";
import { db } from "@/lib/db";
import { ensureOrganizationCatalogue } from "@/lib/catalogue/ensure-organization-catalogue";
import { filterCatalogueEntries, type CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";
import type { CatalogueEntry } from "@/lib/catalogue/catalogue-types";

export interface CatalogueEntryRow {
  kind: string;
  category: string;
  entry: CatalogueEntry;
  edited: boolean;
  retired: boolean;
  seedVersion: string | null;
  updatedAt: string;
  /** True while a newer seed's difference on this row waits for an architect. */
  pendingDifference: boolean;
}

/**
 * The organisation's catalogue rows for the browser, filtered (category, fit of any candidate,
 * world or region of any candidate, text), ordered by category and kind. Retired rows only when
 * asked for. Loads the seed on first use.
 */
export async function listCatalogueEntries(organizationId: string, filters: CatalogueFilters = {}): Promise<{ entries: CatalogueEntryRow[]; total: number }> {
  await ensureOrganizationCatalogue(organizationId);
  const [rows, pending] = await Promise.all([
    db().catalogueEntry.findMany({ where: { organizationId }, orderBy: [{ category: "asc" }, { kind: "asc" }] }),
    db().catalogueSeedDifference.findMany({ where: { organizationId, status: "pending" }, select: { kind: true } }),
  ]);
  const pendingKinds = new Set(pending.map((p) => p.kind));
  const visible = rows.filter((row) => (filters.retired === "only" ? row.retired : filters.retired === "include" ? true : !row.retired));
  const mapped: CatalogueEntryRow[] = visible.map((row) => ({
    kind: row.kind,
    category: row.category,
    entry: row.entry as unknown as CatalogueEntry,
    edited: row.edited,
    retired: row.retired,
    seedVersion: row.seedVersion,
    updatedAt: row.updatedAt.toISOString(),
    pendingDifference: pendingKinds.has(row.kind),
  }));
  return { entries: filterCatalogueEntries(mapped, filters), total: visible.length };
}
