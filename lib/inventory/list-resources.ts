import "server-only";
import { pool } from "@/lib/db";
import { resolveScan, type ScanRef } from "@/lib/inventory/resolve-scan";
import { likePattern, parseTagFilter, type ResourceQuery } from "@/lib/inventory/resource-query";

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
  page: number;
  pageSize: number;
  rows: ResourceRow[];
}

const ORDER: Record<ResourceQuery["sort"], string> = {
  name: "name",
  kind: "kind",
  region: "region",
  arn: "arn",
};

/**
 * One page of a plan's inventory: filtered by kind, region, tag and text, sorted, counted, in
 * the database (never in memory), with indexes on (scan, kind, region), (scan, name) and a GIN
 * index on tags. User text reaches SQL only as bound parameters.
 */
export async function listResources(planId: string, query: ResourceQuery): Promise<ResourcePage> {
  const scan = await resolveScan(planId, query.scanId);
  if (!scan) return { scan: null, total: 0, page: query.page, pageSize: query.pageSize, rows: [] };
  const where: string[] = ["scan_id = $1"];
  const params: unknown[] = [scan.id];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.kind) add((p) => `kind = ${p}`, query.kind);
  if (query.region) add((p) => `region = ${p}`, query.region);
  if (query.tag) {
    const { key, value } = parseTagFilter(query.tag);
    if (value === undefined) add((p) => `tags ? ${p}`, key);
    else add((p) => `tags @> ${p}::jsonb`, JSON.stringify({ [key]: value }));
  }
  if (query.q?.trim()) add((p) => `search_text LIKE ${p}`, likePattern(query.q.trim()));
  const whereSql = where.join(" AND ");
  const order = `${ORDER[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"}, id ${query.dir === "desc" ? "DESC" : "ASC"}`;
  const offset = (query.page - 1) * query.pageSize;
  const [count, rows] = await Promise.all([
    pool().query<{ n: string }>(`SELECT count(*) AS n FROM resources WHERE ${whereSql}`, params),
    pool().query<{ id: string; arn: string; kind: string; region: string; name: string; tags: Record<string, string> }>(
      `SELECT id::text AS id, arn, kind, region, name, tags FROM resources WHERE ${whereSql} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
      params,
    ),
  ]);
  return { scan, total: Number(count.rows[0]!.n), page: query.page, pageSize: query.pageSize, rows: rows.rows };
}
