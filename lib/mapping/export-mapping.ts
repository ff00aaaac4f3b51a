import "server-only";
import { pool } from "@/lib/db";
import { streamCsv } from "@/lib/exports/stream-csv";
import { streamJsonDocument } from "@/lib/exports/stream-json-document";
import type { MappingRunRef } from "@/lib/mapping/read-newest-mapping-run";

/**
 * Every proposal of a mapping run as CSV or as one JSON document, streamed by keyset pages on the
 * proposal id, so 100,000 proposals never sit in memory. The run comes from readNewestMappingRun(plan).
 */

const BATCH = 2000;

export const MAPPING_EXPORT_NOTE = "Silkroute mapping export (AWS to Alibaba Cloud). Regulatory guidance, not legal advice.";

export const MAPPING_CSV_HEADER = ["kind", "arn", "name", "region", "status", "proposed_status", "target", "ros_type", "fit", "reasons", "overridden", "override_stale"] as const;

interface ProposalExportRow {
  id: string;
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: string;
  proposed_status: string;
  target: string | null;
  ros_type: string | null;
  fit: string | null;
  reasons: unknown;
  overridden: boolean;
  override_stale: boolean;
  properties?: unknown;
  choices?: unknown;
  alternatives?: unknown;
}

async function* batches(runId: string, full: boolean): AsyncGenerator<ProposalExportRow[]> {
  let after = "0";
  for (;;) {
    const { rows } = await pool().query<ProposalExportRow>(
      `SELECT id::text AS id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, reasons, overridden, override_stale
              ${full ? ", properties, choices, alternatives" : ""}
         FROM mapping_proposal_details WHERE run_id = $1 AND id > $2::bigint ORDER BY id LIMIT ${BATCH}`,
      [runId, after],
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** The reasons of a proposal in words, one after the other ("; " between them). */
export function joinReasons(reasons: unknown): string {
  if (!Array.isArray(reasons)) return "";
  return reasons
    .map((r: unknown) => (r !== null && typeof r === "object" && typeof (r as { message?: unknown }).message === "string" ? (r as { message: string }).message : ""))
    .filter(Boolean)
    .join("; ");
}

export function exportMappingCsv(run: MappingRunRef): ReadableStream<Uint8Array> {
  return streamCsv({
    note: MAPPING_EXPORT_NOTE,
    header: MAPPING_CSV_HEADER,
    batches: batches(run.id, false),
    row: (r) => [r.kind, r.arn, r.name, r.region, r.status, r.proposed_status, r.target ?? "", r.ros_type ?? "", r.fit ?? "", joinReasons(r.reasons), String(r.overridden), String(r.override_stale)],
  });
}

export function exportMappingJson(run: MappingRunRef, meta: Record<string, unknown>): ReadableStream<Uint8Array> {
  return streamJsonDocument({
    head: { note: MAPPING_EXPORT_NOTE, run: meta },
    arrayKey: "proposals",
    batches: batches(run.id, true),
    item: (r) => ({
      kind: r.kind,
      arn: r.arn,
      name: r.name,
      region: r.region,
      status: r.status,
      proposedStatus: r.proposed_status,
      target: r.target,
      rosType: r.ros_type,
      fit: r.fit,
      reasons: Array.isArray(r.reasons) ? r.reasons : [],
      overridden: r.overridden,
      overrideStale: r.override_stale,
      properties: r.properties ?? {},
      choices: r.choices ?? null,
      alternatives: r.alternatives ?? null,
    }),
  });
}
