import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import type { RelationRecord, ResourceRecord } from "@/lib/aws/collector-types";
import { capString, toStorableJson } from "@/lib/aws/to-raw";
import { VOLATILE_KEYS, withoutVolatile } from "@/lib/inventory/volatile-fields";

/**
 * Writes one page of a collector into Postgres in bulk: every resource in one INSERT ... SELECT
 * FROM unnest(...) (one round trip for the whole page, whatever its size), relations likewise.
 * A page that is read again after a crash (it was not finished) replaces its rows instead of
 * duplicating them.
 */

/** Equal hashes across two scans mean "unchanged" (kind, name, tags and raw data alike). */
export function contentHash(r: { kind: string; name: string; tagsJson: string; rawJson: string }): string {
  return crypto.createHash("sha256").update(r.kind).update("\u0000").update(r.name).update("\u0000").update(r.tagsJson).update("\u0000").update(r.rawJson).digest("base64url");
}

function searchText(r: { name: string; arn: string; tags: Record<string, string> }): string {
  const text = [r.name, r.arn, ...Object.entries(r.tags).flatMap(([k, v]) => [k, v])].join(" ").toLowerCase();
  return text.length > 4096 ? text.slice(0, 4096) : text;
}

export interface StoredCounts {
  resources: number;
  relations: number;
}

export async function storeBatch(
  client: pg.PoolClient | pg.Pool,
  scan: { scanId: string; planId: string },
  resources: ResourceRecord[],
  relations: RelationRecord[],
): Promise<StoredCounts> {
  // A page may list the same ARN twice (AWS pagination is not a snapshot); the last wins.
  const byArn = new Map<string, ResourceRecord>();
  for (const r of resources) byArn.set(r.arn, r);
  const rows = [...byArn.values()].map((r) => {
    const tags = toStorableJson(r.tags ?? {}, { redact: false });
    const raw = toStorableJson(r.raw ?? {});
    const name = capString(r.name ?? "");
    const arn = capString(r.arn);
    const kind = capString(r.kind);
    return {
      arn,
      accountId: capString(r.accountId),
      region: capString(r.region),
      kind,
      name,
      tags: tags.text,
      raw: raw.text,
      hash: contentHash({ kind, name, tagsJson: tags.text, rawJson: VOLATILE_KEYS[kind] ? JSON.stringify(withoutVolatile(kind, raw.value)) : raw.text }),
      search: searchText({ name, arn, tags: tags.value as Record<string, string> }),
    };
  });
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO resources (scan_id, plan_id, arn, account_id, region, kind, name, tags, raw, content_hash, search_text)
       SELECT $1, $2, t.arn, t.account_id, t.region, t.kind, t.name, t.tags::jsonb, t.raw::jsonb, t.hash, t.search
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS t(arn, account_id, region, kind, name, tags, raw, hash, search)
       ON CONFLICT (scan_id, arn) DO UPDATE SET
         account_id = EXCLUDED.account_id, region = EXCLUDED.region, kind = EXCLUDED.kind, name = EXCLUDED.name,
         tags = EXCLUDED.tags, raw = EXCLUDED.raw, content_hash = EXCLUDED.content_hash, search_text = EXCLUDED.search_text`,
      [
        scan.scanId,
        scan.planId,
        rows.map((r) => r.arn),
        rows.map((r) => r.accountId),
        rows.map((r) => r.region),
        rows.map((r) => r.kind),
        rows.map((r) => r.name),
        rows.map((r) => r.tags),
        rows.map((r) => r.raw),
        rows.map((r) => r.hash),
        rows.map((r) => r.search),
      ],
    );
  }
  const edges = new Map<string, RelationRecord>();
  for (const rel of relations) edges.set(`${rel.fromArn}\n${rel.toArn}\n${rel.type}`, rel);
  const edgeRows = [...edges.values()];
  if (edgeRows.length > 0) {
    await client.query(
      `INSERT INTO resource_relations (scan_id, from_arn, to_arn, type, to_kind)
       SELECT $1, t.from_arn, t.to_arn, t.type, t.to_kind
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(from_arn, to_arn, type, to_kind)
       ON CONFLICT (scan_id, from_arn, to_arn, type) DO UPDATE SET to_kind = EXCLUDED.to_kind`,
      [
        scan.scanId,
        edgeRows.map((e) => capString(e.fromArn)),
        edgeRows.map((e) => capString(e.toArn)),
        edgeRows.map((e) => capString(e.type)),
        edgeRows.map((e) => (e.toKind ? capString(e.toKind) : null)),
      ],
    );
  }
  return { resources: rows.length, relations: edgeRows.length };
}
