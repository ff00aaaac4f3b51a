import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { REL, type RelationType } from "@/lib/aws/relation-types";
import { confirmScanScope } from "@/lib/inventory/confirm-scan-scope";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

/**
 * The relations of one scan ("from <type> to": thing member-of group, rule writes-to bucket...),
 * as an async iterable, optionally of one type and from one kind (docs/decisions/0010).
 *
 * Keyset paging in the order of the (scan, from, to, type) unique index: each page walks the next
 * `pageSize` relations of the scan from where the last page ended (never an OFFSET) and joins them
 * to the scan's resources by ARN, index to index. The kind filter is applied to each walked page,
 * so a page costs the same whatever the filter and wherever it is in a million relations; a page
 * may yield fewer relations than it walked. Organisation-scoped like readResources.
 */

const PAGE_SIZE = 1_000;
const MAX_PAGE_SIZE = 5_000;

export interface InventoryRelation {
  /** The row id (a bigint, as text). */
  id: string;
  type: RelationType;
  fromArn: string;
  /**
   * The kind of the "from" end: the stored resource's kind when it is a resource of this scan,
   * else the kind its ARN names (a Cognito identity, a certificate not listed...), else null.
   */
  fromKind: string | null;
  /** The "from" resource in this scan, or null when it is not one. */
  fromResourceId: string | null;
  toArn: string;
  /** The kind of the target, known from the reference itself (the target may be outside the inventory). */
  toKind: string | null;
  /** The target resource in this scan, or null when the reference is dangling (deleted, another account or region...). */
  toResourceId: string | null;
}

export interface ReadRelationsOptions {
  type?: RelationType;
  fromKind?: string;
  /** Relations walked per page (1 to 5,000; 1,000 by default). */
  pageSize?: number;
}

const RELATION_TYPES = new Set<string>(Object.values(REL));

const optionsSchema = z.object({
  type: z.string().optional(),
  fromKind: z.string().min(1).max(200).optional(),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

interface Row {
  id: string;
  from_arn: string;
  to_arn: string;
  type: string;
  to_kind: string | null;
  from_id: string | null;
  from_kind: string | null;
  to_id: string | null;
}

export async function* readRelations(scan: ScopedScan, options: ReadRelationsOptions = {}): AsyncGenerator<InventoryRelation, void, undefined> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "requestInvalid");
  const { type, fromKind, pageSize = PAGE_SIZE } = parsed.data;
  if (type !== undefined && !RELATION_TYPES.has(type)) throw new AppError("VALIDATION_FAILED", "inventoryRelationTypeUnknown", { type: type.slice(0, 80) });
  await confirmScanScope(scan);

  const fetchPage = (after: { fromArn: string; toArn: string; type: string } | null) => {
    const params: unknown[] = [scan.id];
    const where = ["scan_id = $1"];
    if (type !== undefined) {
      params.push(type);
      where.push(`type = $${params.length}`);
    }
    if (after) {
      params.push(after.fromArn, after.toArn, after.type);
      where.push(`(from_arn, to_arn, type) > ($${params.length - 2}, $${params.length - 1}, $${params.length})`);
    }
    params.push(pageSize);
    return pool()
      .query<Row>(
        `SELECT w.id::text AS id, w.from_arn, w.to_arn, w.type, w.to_kind, f.id::text AS from_id, f.kind AS from_kind, t.id::text AS to_id
         FROM (SELECT id, from_arn, to_arn, type, to_kind FROM resource_relations
               WHERE ${where.join(" AND ")} ORDER BY from_arn, to_arn, type LIMIT $${params.length}) w
         LEFT JOIN resources f ON f.scan_id = $1 AND f.arn = w.from_arn
         LEFT JOIN resources t ON t.scan_id = $1 AND t.arn = w.to_arn
         ORDER BY w.from_arn, w.to_arn, w.type`,
        params,
      )
      .then((result) => result.rows);
  };

  let next: Promise<Row[]> | null = fetchPage(null);
  try {
    while (next) {
      const rows: Row[] = await next;
      const last = rows.length === pageSize ? rows[rows.length - 1] : undefined;
      next = last ? fetchPage({ fromArn: last.from_arn, toArn: last.to_arn, type: last.type }) : null;
      next?.catch(() => undefined);
      for (const row of rows) {
        const relation = toRelation(row);
        if (fromKind === undefined || relation.fromKind === fromKind) yield relation;
      }
    }
  } finally {
    await next?.catch(() => undefined);
  }
}

function toRelation(row: Row): InventoryRelation {
  return {
    id: row.id,
    type: row.type as RelationType,
    fromArn: row.from_arn,
    fromKind: row.from_kind ?? kindOfArn(row.from_arn) ?? null,
    fromResourceId: row.from_id,
    toArn: row.to_arn,
    toKind: row.to_kind,
    toResourceId: row.to_id,
  };
}
