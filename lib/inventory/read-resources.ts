import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeZodIssues } from "@/lib/aws/describe-zod-issues";
import { confirmScanScope } from "@/lib/inventory/confirm-scan-scope";
import { isCollectedKind, rawSchemaOf, type CollectedKind, type RawOf } from "@/lib/inventory/raw/raw-schema-registry";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

/**
 * The typed read contract of the inventory (docs/decisions/0010): every resource of one kind in
 * one scan, as an async iterable that later stages (mapping, compliance) walk with `for await`.
 *
 * - Organisation-scoped: it takes a ScopedScan, and checks the scan's plan and organisation in the
 *   database before the first row.
 * - Keyset paging in the order of the (scan, kind, name, id) index the inventory already keeps:
 *   each page is one indexed range read that starts after the last row of the page before, never
 *   an OFFSET, so a page costs the same at the start and at the end of 100,000 resources, and at
 *   most two pages (the one being read and the next) are held in memory.
 * - Each page is its own short statement: no server-side cursor or transaction stays open between
 *   pages (the embedded database has a single backend that others share).
 * - Typed: each row's raw data is checked with its kind's schema (lib/inventory/raw/). A row that
 *   does not match is neither dropped nor thrown at the consumer in mid-walk: it is yielded with
 *   `raw: null` and a `problem` saying which fields did not match, so the consumer can show it as
 *   "needs review" and carry on.
 */

/** Rows per page. */
export const READ_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 5_000;

export interface StoredResourceIdentity<K extends CollectedKind> {
  /** The row id (a bigint, as text). */
  id: string;
  arn: string;
  accountId: string;
  region: string;
  kind: K;
  name: string;
  tags: Record<string, string>;
}

/**
 * Why a stored row could not be read with its kind's schema. `issues` names the paths and what was
 * expected there ("raw.thing.version: expected number, received string"), never the values (they
 * may be secrets or hostile text); a page shows the code in the reader's language and the issues
 * as they are.
 */
export interface StoredDataProblem {
  code: "StoredShapeMismatch";
  issues: string;
}

export type InventoryResource<K extends CollectedKind> = StoredResourceIdentity<K> &
  ({ raw: RawOf<K>; problem: null } | { raw: null; problem: StoredDataProblem });

export interface ReadResourcesOptions {
  /** Only the resources of this region ("global" for IAM roles). */
  region?: string;
  /** Rows per page (1 to 5,000; 500 by default). */
  pageSize?: number;
}

const optionsSchema = z.object({
  region: z.string().min(1).max(64).optional(),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

const tagsSchema = z.record(z.string(), z.string());

interface Row {
  id: string;
  arn: string;
  account_id: string;
  region: string;
  name: string;
  tags: unknown;
  raw: unknown;
}

export async function* readResources<K extends CollectedKind>(
  scan: ScopedScan,
  kind: K,
  options: ReadResourcesOptions = {},
): AsyncGenerator<InventoryResource<K>, void, undefined> {
  if (typeof kind !== "string" || !isCollectedKind(kind)) throw new AppError("VALIDATION_FAILED", "inventoryKindUnknown", { kind: String(kind).slice(0, 80) });
  const parsedOptions = optionsSchema.safeParse(options);
  if (!parsedOptions.success) throw new AppError("VALIDATION_FAILED", "requestInvalid");
  const { region, pageSize = READ_PAGE_SIZE } = parsedOptions.data;
  await confirmScanScope(scan);

  const schema = rawSchemaOf(kind);
  const fetchPage = (after: { name: string; id: string } | null) => {
    const params: unknown[] = [scan.id, scan.plan.id, kind];
    const where = ["r.scan_id = $1", "r.plan_id = $2", "r.kind = $3"];
    if (region !== undefined) {
      params.push(region);
      where.push(`r.region = $${params.length}`);
    }
    if (after) {
      params.push(after.name, after.id);
      where.push(`(r.name, r.id) > ($${params.length - 1}, $${params.length}::bigint)`);
    }
    params.push(pageSize);
    return pool()
      .query<Row>(
        // Qualified, so the order is the bigint column's (the index's), not the text alias's.
        `SELECT r.id::text AS id, r.arn, r.account_id, r.region, r.name, r.tags, r.raw FROM resources r
         WHERE ${where.join(" AND ")} ORDER BY r.name, r.id LIMIT $${params.length}`,
        params,
      )
      .then((result) => result.rows);
  };

  let next: Promise<Row[]> | null = fetchPage(null);
  try {
    while (next) {
      const rows: Row[] = await next;
      const last = rows.length === pageSize ? rows[rows.length - 1] : undefined;
      // The next page is read while the consumer works through this one.
      next = last ? fetchPage({ name: last.name, id: last.id }) : null;
      next?.catch(() => undefined);
      for (const row of rows) yield toResource(row, kind, schema);
    }
  } finally {
    // A consumer that stops early leaves at most one page in flight; let it settle.
    await next?.catch(() => undefined);
  }
}

function toResource<K extends CollectedKind>(row: Row, kind: K, schema: z.ZodType<RawOf<K>>): InventoryResource<K> {
  const identity = { id: row.id, arn: row.arn, accountId: row.account_id, region: row.region, kind, name: row.name };
  const tags = tagsSchema.safeParse(row.tags);
  const raw = schema.safeParse(row.raw);
  if (tags.success && raw.success) return { ...identity, tags: tags.data, raw: raw.data, problem: null };
  const issues = [
    ...(raw.success ? [] : [describeZodIssues(raw.error, 5, ["raw"])]),
    ...(tags.success ? [] : [describeZodIssues(tags.error, 5, ["tags"])]),
  ];
  return {
    ...identity,
    tags: tags.success ? tags.data : {},
    raw: null,
    problem: { code: "StoredShapeMismatch", issues: issues.join("; ") },
  };
}
