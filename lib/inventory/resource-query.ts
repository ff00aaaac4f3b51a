import { z } from "zod";

/** The inventory table's filters, sort and page, as they arrive in a query string. */
export const SORTABLE = ["name", "kind", "region", "arn"] as const;

export const resourceQuerySchema = z.object({
  scanId: z.string().max(64).optional(),
  kind: z.string().max(200).optional(),
  region: z.string().max(64).optional(),
  /** "key" (has the tag) or "key=value". */
  tag: z.string().max(600).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(SORTABLE).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type ResourceQuery = z.infer<typeof resourceQuerySchema>;

export function parseTagFilter(tag: string): { key: string; value?: string } {
  const i = tag.indexOf("=");
  return i < 0 ? { key: tag } : { key: tag.slice(0, i), value: tag.slice(i + 1) };
}

/** Escapes LIKE's wildcards so that a user's text is matched literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type ResourceFilter = Pick<ResourceQuery, "kind" | "region" | "tag" | "q">;

/**
 * The WHERE clause of a scan's resources under the table's filters, for the table and the
 * exports alike. User text reaches SQL only as bound parameters; `params` starts with the scan id
 * ($1) and any `leading` values, in that order.
 */
export function resourceFilterSql(scanId: string, filter: ResourceFilter, leading: { sql: (n: string) => string; value: unknown }[] = []): { where: string; params: unknown[] } {
  const where: string[] = ["scan_id = $1"];
  const params: unknown[] = [scanId];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  for (const l of leading) add(l.sql, l.value);
  if (filter.kind) add((p) => `kind = ${p}`, filter.kind);
  if (filter.region) add((p) => `region = ${p}`, filter.region);
  if (filter.tag) {
    const { key, value } = parseTagFilter(filter.tag);
    if (value === undefined) add((p) => `tags ? ${p}`, key);
    else add((p) => `tags @> ${p}::jsonb`, JSON.stringify({ [key]: value }));
  }
  if (filter.q?.trim()) add((p) => `search_text LIKE ${p}`, likePattern(filter.q.trim()));
  return { where: where.join(" AND "), params };
}
