import "server-only";
import { pool } from "@/lib/db";
import { resolveScan, type ScanRef } from "@/lib/inventory/resolve-scan";
import { resourceFilterSql, type ResourceQuery } from "@/lib/inventory/resource-query";

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

/** Text and tag filters are counted up to this many matches; more shows as "1,000+". */
export const COUNT_CAP = 1_000;

/**
 * One page of a plan's inventory: filtered by kind, region, tag and text, sorted, counted, in
 * the database (never in memory), each from an index (prisma/migrations/0003).
 */
export async function listResources(planId: string, query: ResourceQuery): Promise<ResourcePage> {
  const scan = await resolveScan(planId, query.scanId);
  if (!scan) return { scan: null, total: 0, totalIsLowerBound: false, page: query.page, pageSize: query.pageSize, rows: [] };
  const { where: whereSql, params } = resourceFilterSql(scan.id, query);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const columns = SORT_COLUMNS[query.sort];
  const order = (table: string) => columns.map((c) => `${table}${c} ${dir}`).join(", ");
  const offset = (query.page - 1) * query.pageSize;
  const searching = Boolean(query.tag || query.q?.trim());
  const countQuery = async (): Promise<{ total: number; lowerBound: boolean }> => {
    // A finished scan knows its counts per region and kind: no need to count its rows.
    if (!searching && scan.kindCounts) {
      const total = scan.kindCounts
        .filter((c) => (!query.kind || c.kind === query.kind) && (!query.region || c.region === query.region))
        .reduce((n, c) => n + c.count, 0);
      return { total, lowerBound: false };
    }
    const cap = searching ? COUNT_CAP + 1 : null;
    const { rows } = await pool().query<{ n: string }>(
      cap ? `SELECT count(*) AS n FROM (SELECT 1 FROM resources WHERE ${whereSql} LIMIT ${cap}) c` : `SELECT count(*) AS n FROM resources WHERE ${whereSql}`,
      params,
    );
    const n = Number(rows[0]!.n);
    return cap && n >= cap ? { total: COUNT_CAP, lowerBound: true } : { total: n, lowerBound: false };
  };
  const pageSql = `SELECT r.id::text AS id, r.arn, r.kind, r.region, r.name, r.tags
       FROM (SELECT ${columns.join(", ")} FROM resources WHERE ${whereSql} ORDER BY ${order("")} LIMIT ${query.pageSize} OFFSET ${offset}) p
       JOIN resources r ON r.id = p.id
       ORDER BY ${order("p.")}`;
  type Row = { id: string; arn: string; kind: string; region: string; name: string; tags: Record<string, string> };
  let count: { total: number; lowerBound: boolean };
  let rows: { rows: Row[] };
  if (!searching) {
    // The page's ids come from an index alone (however deep the page), then its rows are read.
    [count, rows] = await Promise.all([countQuery(), pool().query<Row>(pageSql, params)]);
  } else {
    // A text or tag filter that matches many resources is best served by walking the sort's index
    // and stopping at the page; one that matches few, by the text or tag index. The capped count
    // says which.
    count = await countQuery();
    if (count.lowerBound) {
      const client = await pool().connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL enable_bitmapscan = off");
        rows = await client.query<Row>(pageSql, params);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    } else {
      rows = await pool().query<Row>(pageSql, params);
    }
  }
  return { scan, total: count.total, totalIsLowerBound: count.lowerBound, page: query.page, pageSize: query.pageSize, rows: rows.rows };
}
