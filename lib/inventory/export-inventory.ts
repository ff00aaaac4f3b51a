import "server-only";
import type { ScanRef } from "@/lib/inventory/resolve-scan";
import { pool } from "@/lib/db";
import { resourceFilterSql, type ResourceFilter } from "@/lib/inventory/resource-query";
import { streamCsv } from "@/lib/exports/stream-csv";
import { streamJsonDocument } from "@/lib/exports/stream-json-document";

/**
 * The inventory as CSV or JSON, streamed in batches (keyset on id) so 100,000 resources never sit
 * in memory (lib/exports/stream-csv.ts, stream-json-document.ts). CSV cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe (lib/exports/csv-cell.ts), so a hostile tag value
 * stays text when the file is opened.
 */

const BATCH = 2000;

export const EXPORT_NOTE = "Silkroute inventory export. Regulatory guidance, not legal advice.";

async function* batches(scanId: string, query: ResourceFilter, withRaw: boolean) {
  const { where, params } = resourceFilterSql(scanId, query, [{ sql: (n) => `id > ${n}`, value: "0" }]);
  let after = "0";
  for (;;) {
    params[1] = after; // the keyset bound, $2
    const { rows } = await pool().query<{ id: string; arn: string; account_id: string; region: string; kind: string; name: string; tags: Record<string, string>; raw?: unknown }>(
      `SELECT id::text AS id, arn, account_id, region, kind, name, tags${withRaw ? ", raw" : ""} FROM resources WHERE ${where} ORDER BY resources.id LIMIT ${BATCH}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** The scan comes from resolveScan(plan), which looked it up within its plan. */
export function exportCsv(scan: ScanRef, query: ResourceFilter): ReadableStream<Uint8Array> {
  return streamCsv({
    note: EXPORT_NOTE,
    header: ["arn", "kind", "region", "account", "name", "tags"],
    batches: batches(scan.id, query, false),
    row: (r) => [r.arn, r.kind, r.region, r.account_id, r.name, JSON.stringify(r.tags)],
  });
}

export function exportJson(scan: ScanRef, meta: Record<string, unknown>, query: ResourceFilter): ReadableStream<Uint8Array> {
  return streamJsonDocument({
    head: { note: EXPORT_NOTE, scan: meta },
    arrayKey: "resources",
    batches: batches(scan.id, query, true),
    item: (r) => ({ arn: r.arn, kind: r.kind, region: r.region, accountId: r.account_id, name: r.name, tags: r.tags, raw: r.raw }),
  });
}
