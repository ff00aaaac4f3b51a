import "server-only";
import { db } from "@/lib/db";
import { CATEGORIES } from "@/lib/catalogue/catalogue-schema";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
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

/** IoT first (what Silkroute moves), then the categories in the schema's order; within one, the seed's order. */
function categoryOrder(category: string): number {
  if (category === "iot") return -1;
  const index = (CATEGORIES as readonly string[]).indexOf(category);
  return index < 0 ? CATEGORIES.length : index;
}

/**
 * The organisation's catalogue rows for the browser, filtered (category, fit of any candidate,
 * world or region of any candidate, text), ordered by category (IoT first) and kind. Retired rows only when
 * asked for. `total` counts the rows before the filters, `edited` the rows an architect changed.
 * Loads the seed on first use.
 */
export async function listCatalogueEntries(organizationId: string, filters: CatalogueFilters = {}): Promise<{ entries: CatalogueEntryRow[]; total: number; edited: number }> {
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
  const seedOrder = new Map(readCurrentCatalogueSeed().entries.map((e, i) => [e.kind, i]));
  const position = (kind: string) => seedOrder.get(kind) ?? Number.MAX_SAFE_INTEGER;
  mapped.sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || position(a.kind) - position(b.kind) || a.kind.localeCompare(b.kind));
  return { entries: filterCatalogueEntries(mapped, filters), total: visible.length, edited: rows.filter((row) => row.edited).length };
}
