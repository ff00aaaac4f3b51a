import "server-only";
import crypto from "node:crypto";
import { db, sqlQuery, transaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { compareCatalogueEntries } from "@/lib/catalogue/compare-catalogue-versions";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import type { Catalogue, CatalogueEntry } from "@/lib/catalogue/catalogue-types";

export interface CatalogueActor {
  id: string;
  email: string;
}

export interface CatalogueSeedLoad {
  version: string;
  /** Kinds the organisation did not have, inserted. */
  added: string[];
  /** Unedited rows whose entry the seed changed (or brought back), updated. */
  updated: string[];
  /** Edited rows the seed changed or dropped: a pending difference each, the edit untouched. */
  differences: string[];
  /** Unedited rows the seed no longer has, retired. */
  retired: string[];
  unchanged: number;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

function same(a: unknown, b: unknown): boolean {
  return compareCatalogueEntries(a, b).length === 0;
}

/**
 * Reconciles an organisation's catalogue with a seed, in one transaction: new kinds are inserted;
 * unedited rows take the seed's entry (history "seed"); an architect's edited row is never
 * overwritten: when the seed's entry differs from the one the edit was based on, a pending
 * difference asks the architect; kinds the seed dropped are retired when unedited and asked about
 * when edited. Loading the same seed again changes nothing. Concurrent loads for one organisation
 * queue on a transaction-scoped advisory lock, so the second sees the first's rows.
 */
export async function loadCatalogueSeed(
  organizationId: string,
  seed: Catalogue = readCurrentCatalogueSeed(),
  actor: CatalogueActor | null = null,
): Promise<CatalogueSeedLoad> {
  return transaction(async () => {
    await sqlQuery("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))", [`silkroute.catalogue-seed:${organizationId}`]);
    const version = seed.version;
    const rows = await db().catalogueEntry.findMany({ where: { organizationId } });
    const byKind = new Map(rows.map((row) => [row.kind, row]));
    const result: CatalogueSeedLoad = { version, added: [], updated: [], differences: [], retired: [], unchanged: 0 };
    const history: Prisma.CatalogueEditCreateManyInput[] = [];
    const inserts: Prisma.CatalogueEntryCreateManyInput[] = [];
    const pending: { kind: string; fromVersion: string | null; seedEntry: CatalogueEntry | null }[] = [];
    const by = { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, seedVersion: version };

    for (const entry of seed.entries) {
      const row = byKind.get(entry.kind);
      if (!row) {
        inserts.push({
          id: crypto.randomUUID(),
          organizationId,
          kind: entry.kind,
          category: entry.category,
          entry: json(entry),
          seedEntry: json(entry),
          seedVersion: version,
          updatedById: actor?.id ?? null,
        });
        history.push({ organizationId, kind: entry.kind, source: "seed", before: undefined, after: json(entry), ...by });
        result.added.push(entry.kind);
      } else if (!row.edited) {
        if (!same(row.entry, entry) || row.retired || !same(row.seedEntry, entry)) {
          await db().catalogueEntry.update({
            where: { id: row.id },
            data: { entry: json(entry), seedEntry: json(entry), seedVersion: version, category: entry.category, retired: false, updatedById: actor?.id ?? null },
          });
          history.push({ organizationId, kind: entry.kind, source: "seed", before: json(row.entry), after: json(entry), ...by });
          result.updated.push(entry.kind);
        } else {
          if (row.seedVersion !== version) await db().catalogueEntry.update({ where: { id: row.id }, data: { seedVersion: version } });
          result.unchanged += 1;
        }
      } else if (row.seedEntry !== null && same(row.seedEntry, entry)) {
        result.unchanged += 1;
      } else if (same(row.entry, entry) && !row.retired) {
        // The seed now says what the architect wrote: nothing to ask, the row is the seed's again.
        await db().catalogueEntry.update({ where: { id: row.id }, data: { seedEntry: json(entry), seedVersion: version, edited: false } });
        history.push({ organizationId, kind: entry.kind, source: "seed", before: json(row.entry), after: json(entry), ...by });
        result.updated.push(entry.kind);
      } else {
        pending.push({ kind: entry.kind, fromVersion: row.seedVersion, seedEntry: entry });
      }
    }

    const seedKinds = new Set(seed.entries.map((e) => e.kind));
    for (const row of rows) {
      if (seedKinds.has(row.kind)) continue;
      // A row no seed ever had (or one whose architect kept it when a seed dropped it) is theirs.
      if (row.seedEntry === null) {
        result.unchanged += 1;
      } else if (row.edited) {
        pending.push({ kind: row.kind, fromVersion: row.seedVersion, seedEntry: null });
      } else if (!row.retired) {
        await db().catalogueEntry.update({ where: { id: row.id }, data: { retired: true, seedVersion: version, updatedById: actor?.id ?? null } });
        history.push({ organizationId, kind: row.kind, source: "retire", before: json(row.entry), after: undefined, ...by });
        result.retired.push(row.kind);
      } else {
        result.unchanged += 1;
      }
    }

    for (const difference of pending) {
      const existing = await db().catalogueSeedDifference.findUnique({
        where: { organizationId_kind_toVersion: { organizationId, kind: difference.kind, toVersion: version } },
      });
      if (existing) {
        result.unchanged += 1;
        continue;
      }
      // A newer seed's question replaces an older one still unanswered for the same kind.
      await db().catalogueSeedDifference.deleteMany({ where: { organizationId, kind: difference.kind, status: "pending" } });
      await db().catalogueSeedDifference.create({
        data: {
          id: crypto.randomUUID(),
          organizationId,
          kind: difference.kind,
          fromVersion: difference.fromVersion,
          toVersion: version,
          seedEntry: difference.seedEntry === null ? undefined : json(difference.seedEntry),
        },
      });
      result.differences.push(difference.kind);
    }

    if (inserts.length > 0) await db().catalogueEntry.createMany({ data: inserts });
    if (history.length > 0) await db().catalogueEdit.createMany({ data: history });
    const state = await db().catalogueSeedState.findUnique({ where: { organizationId } });
    if (!state) await db().catalogueSeedState.create({ data: { organizationId, version } });
    else if (state.version !== version) await db().catalogueSeedState.update({ where: { organizationId }, data: { version, loadedAt: new Date() } });
    return result;
  });
}
