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
