import "server-only";
import { pool } from "@/lib/db";
import { resolveScan, type ScanRef } from "@/lib/inventory/resolve-scan";
import { resourceFilterSql, type ResourceQuery } from "@/lib/inventory/resource-query";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface ResourceRow {
  id: string;
  arn: string;
  kind: string;
  region: string;
  name: string;
  tags: Record<string, string>;
}

export interface ResourcePage {
  scan: ScanRef | null;
  total: number;
  /** True when the total is a lower bound ("10,000+"): text and tag filters count at most COUNT_CAP. */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  rows: ResourceRow[];
}

/**
 * Each sort ends in a unique key and matches an index: (scan, name, id), (scan, kind, name, id),
 * (scan, region, name, id), and (scan, arn) including id.
 */
const SORT_COLUMNS: Record<ResourceQuery["sort"], string[]> = {
  name: ["name", "id"],
  kind: ["kind", "name", "id"],
  region: ["region", "name", "id"],
  arn: ["arn", "id"],
};

/** Text and tag filters are counted up to this many matches; more shows as "10,000+". */
export const COUNT_CAP = 10_000;

/**
 * A text or tag filter the planner expects to match at most this many resources is served from
 * the text or tag index: every match is read once, then sorted and counted in the same pass.
 * Above it, walking the sort's index and stopping at the page costs less.
 */
const FROM_SEARCH_INDEX_UP_TO = 20_000;

type Row = { id: string; arn: string; kind: string; region: string; name: string; tags: Record<string, string> };

/**
 * One page of a plan's inventory: filtered by kind, region, tag and text, sorted, counted, in
 * the database (never in memory), each from an index (prisma/migrations/0003 and 0004).
 */
export async function listResources(
  plan: ScopedPlan,
  query: ResourceQuery,
  /** Tests set lower limits to reach both paths of a search on a small estate. */
  limits: { countCap?: number; fromSearchIndexUpTo?: number } = {},
): Promise<ResourcePage> {
  const countCap = limits.countCap ?? COUNT_CAP;
  const fromSearchIndexUpTo = limits.fromSearchIndexUpTo ?? FROM_SEARCH_INDEX_UP_TO;
  const scan = await resolveScan(plan, query.scanId);
  if (!scan) return { scan: null, total: 0, totalIsLowerBound: false, page: query.page, pageSize: query.pageSize, rows: [] };
  const { where: whereSql, params } = resourceFilterSql(scan.id, query);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const columns = SORT_COLUMNS[query.sort];
  const order = (table: string) => columns.map((c) => `${table}${c} ${dir}`).join(", ");
  const offset = (query.page - 1) * query.pageSize;
  const searching = Boolean(query.tag || query.q?.trim());
  const result = (total: number, lowerBound: boolean, rows: Row[]): ResourcePage => ({
    scan,
    total,
    totalIsLowerBound: lowerBound,
    page: query.page,
    pageSize: query.pageSize,
    rows,
  });
  // The page's ids come from an index alone (however deep the page), then its rows are read.
  const pageSql = `SELECT r.id::text AS id, r.arn, r.kind, r.region, r.name, r.tags
       FROM (SELECT ${columns.join(", ")} FROM resources WHERE ${whereSql} ORDER BY ${order("")} LIMIT ${query.pageSize} OFFSET ${offset}) p
       JOIN resources r ON r.id = p.id
       ORDER BY ${order("p.")}`;

  if (!searching) {
    const countQuery = async (): Promise<number> => {
      // A finished scan knows its counts per region and kind: no need to count its rows.
      if (scan.kindCounts) {
        return scan.kindCounts
          .filter((c) => (!query.kind || c.kind === query.kind) && (!query.region || c.region === query.region))
          .reduce((n, c) => n + c.count, 0);
      }
      const { rows } = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM resources WHERE ${whereSql}`, params);
      return Number(rows[0]!.n);
    };
    const [total, rows] = await Promise.all([countQuery(), pool().query<Row>(pageSql, params)]);
    return result(total, false, rows.rows);
  }

  const countCapped = async () => {
    const { rows } = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM resources WHERE ${whereSql} LIMIT ${countCap + 1}) c`, params);
    return Number(rows[0]!.n);
  };
  // A text or tag filter. Few matches (wherever they fall in the sort): read them all from the
  // text or tag index, sort and count them in one pass. Many: walk the sort's index, which
  // reaches a page of matches after a few rows, and count up to the cap.
  let counted: number | null = null;
  if ((await plannedRows(whereSql, params)) <= fromSearchIndexUpTo) {
    const { rows } = await pool().query<Row & { total: string }>(
      `WITH m AS MATERIALIZED (SELECT ${columns.join(", ")} FROM resources WHERE ${whereSql} LIMIT ${countCap + 1})
       SELECT r.id::text AS id, r.arn, r.kind, r.region, r.name, r.tags, p.total
       FROM (SELECT m.*, count(*) OVER () AS total FROM m ORDER BY ${order("m.")} LIMIT ${query.pageSize} OFFSET ${offset}) p
       JOIN resources r ON r.id = p.id
       ORDER BY ${order("p.")}`,
      params,
    );
    if (rows.length === 0 && offset > 0) {
      // Past the last page: the window had no row to carry the count.
      counted = await countCapped();
      if (counted <= countCap) return result(counted, false, []);
    } else {
      const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
      if (total <= countCap) return result(total, false, rows.map(({ total: _total, ...row }) => row));
    }
  }
  const orderedPage = async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_bitmapscan = off");
      const rows = await client.query<Row>(pageSql, params);
      await client.query("COMMIT");
      return rows.rows;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  const [n, rows] = await Promise.all([counted ?? countCapped(), orderedPage()]);
  return n > countCap ? result(Math.max(countCap, offset + rows.length), true, rows) : result(n, false, rows);
}

/** The planner's estimate of the rows a filter matches (cheap: the query is planned, not run). */
async function plannedRows(whereSql: string, params: unknown[]): Promise<number> {
  const { rows } = await pool().query<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM resources WHERE ${whereSql}`,
    params,
  );
  return rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}
