import "server-only";
import type { ScanRef } from "@/lib/inventory/resolve-scan";
import { pool } from "@/lib/db";
import { resourceFilterSql, type ResourceFilter } from "@/lib/inventory/resource-query";

/**
 * The inventory as CSV or JSON, streamed in batches (keyset on id) so 100,000 resources never sit
 * in memory. CSV cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
 * prefixed with an apostrophe, so a hostile tag value stays text when the file is opened.
 */

const BATCH = 2000;

export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

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
  const encoder = new TextEncoder();
  const iterator = batches(scan.id, query, false);
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(`# ${EXPORT_NOTE}\r\narn,kind,region,account,name,tags\r\n`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) => [r.arn, r.kind, r.region, r.account_id, r.name, JSON.stringify(r.tags)].map(csvCell).join(","));
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
  });
}

export function exportJson(scan: ScanRef, meta: Record<string, unknown>, query: ResourceFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches(scan.id, query, true);
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`{"note":${JSON.stringify(EXPORT_NOTE)},"scan":${JSON.stringify(meta)},"resources":[`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode("]}\n"));
        return controller.close();
      }
      const chunk = next.value
        .map((r) => JSON.stringify({ arn: r.arn, kind: r.kind, region: r.region, accountId: r.account_id, name: r.name, tags: r.tags, raw: r.raw }))
        .join(",\n");
      controller.enqueue(encoder.encode(`${first ? "" : ",\n"}${chunk}`));
      first = false;
    },
  });
}
