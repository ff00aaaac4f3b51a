import "server-only";
import { db } from "@/lib/db";

export interface CatalogueHistoryRow {
  id: string;
  kind: string;
  source: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  seedVersion: string | null;
  actorEmail: string | null;
  at: string;
}

/** The history of an organisation's catalogue (one kind, or all), newest first. */
export async function listCatalogueHistory(organizationId: string, options: { kind?: string; limit?: number } = {}): Promise<CatalogueHistoryRow[]> {
  const rows = await db().catalogueEdit.findMany({
    where: { organizationId, ...(options.kind ? { kind: options.kind } : {}) },
    orderBy: { id: "desc" },
    take: Math.min(Math.max(options.limit ?? 100, 1), 500),
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    kind: row.kind,
    source: row.source,
    reason: row.reason,
    before: row.before,
    after: row.after,
    seedVersion: row.seedVersion,
    actorEmail: row.actorEmail,
    at: row.at.toISOString(),
  }));
}
