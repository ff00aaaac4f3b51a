import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import type { RelationRecord, ResourceGap, ResourceRecord } from "@/lib/aws/collector-types";
import { capString, toStorableJson } from "@/lib/aws/to-raw";
import { VOLATILE_KEYS, withoutVolatile } from "@/lib/inventory/volatile-fields";

/**
 * Writes one page of a collector into Postgres in bulk: every resource in one INSERT ... SELECT
 * FROM unnest(...) (one round trip for the whole page, whatever its size), relations likewise.
 * A page that is read again after a crash (it was not finished) replaces its rows instead of
 * duplicating them.
 */

/**
 * Equal hashes across two scans mean "unchanged": kind, name, tags and raw data alike, and the
 * same parts read. The operations a scan could not read take part (not why they failed): a record
 * missing its tags is not known to be unchanged from one that has them, even when both show none;
 * two scans that both missed the same part compare on the rest. A record with nothing missing
 * hashes as it always has, so scans from before gaps were recorded still compare.
 */
export function contentHash(r: { kind: string; name: string; tagsJson: string; rawJson: string; notRead?: readonly string[] }): string {
  const hash = crypto.createHash("sha256").update(r.kind).update("\u0000").update(r.name).update("\u0000").update(r.tagsJson).update("\u0000").update(r.rawJson);
  if (r.notRead && r.notRead.length > 0) hash.update("\u0000not read\u0000").update([...new Set(r.notRead)].sort().join("\u0000"));
  return hash.digest("base64url");
}

/** The gaps of a record as stored: valid entries only, sorted, no repeats; null when none. */
function storedGaps(gaps: ResourceRecord["gaps"]): ResourceGap[] | null {
  const out = new Map<string, ResourceGap>();
  for (const g of gaps ?? []) {
    if (typeof g?.operation !== "string" || typeof g?.code !== "string") continue;
    const gap = { operation: capString(g.operation).slice(0, 200), code: capString(g.code).slice(0, 100) };
    out.set(`${gap.operation}\n${gap.code}`, gap);
  }
  return out.size === 0 ? null : [...out.values()].sort((a, b) => a.operation.localeCompare(b.operation) || a.code.localeCompare(b.code));
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
    const gaps = storedGaps(r.gaps);
    return {
      arn,
      accountId: capString(r.accountId),
      region: capString(r.region),
      kind,
      name,
      tags: tags.text,
      raw: raw.text,
      gaps: gaps ? JSON.stringify(gaps) : null,
      hash: contentHash({
        kind,
        name,
        tagsJson: tags.text,
        rawJson: VOLATILE_KEYS[kind] ? JSON.stringify(withoutVolatile(kind, raw.value)) : raw.text,
        notRead: gaps?.map((g) => g.operation),
      }),
      search: searchText({ name, arn, tags: tags.value as Record<string, string> }),
    };
  });
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO resources (scan_id, plan_id, arn, account_id, region, kind, name, tags, raw, gaps, content_hash, search_text)
       SELECT $1, $2, t.arn, t.account_id, t.region, t.kind, t.name, t.tags::jsonb, t.raw::jsonb, t.gaps::jsonb, t.hash, t.search
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         AS t(arn, account_id, region, kind, name, tags, raw, hash, search, gaps)
       ON CONFLICT (scan_id, arn) DO UPDATE SET
         account_id = EXCLUDED.account_id, region = EXCLUDED.region, kind = EXCLUDED.kind, name = EXCLUDED.name,
         tags = EXCLUDED.tags, raw = EXCLUDED.raw, gaps = EXCLUDED.gaps, content_hash = EXCLUDED.content_hash, search_text = EXCLUDED.search_text`,
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
        rows.map((r) => r.gaps),
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
