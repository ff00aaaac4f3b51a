import "server-only";
import type pg from "pg";
import type { FinalProposal } from "@/lib/mapping/runs/apply-mapping-overrides";

/** Rows per INSERT: one round trip each, whatever the JSON inside. */
export const PROPOSAL_CHUNK = 2_000;

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Writes one chunk of a run's proposals in one INSERT ... SELECT FROM unnest(...), as the
 * inventory stores a page: every column an array parameter, the scanned resource's content hash
 * joined in from the scan's rows by ARN (the (scan_id, arn) index), so nothing is read back first.
 * A proposal's reasons are stored as its own ones plus the id of a shared set in its run
 * (share-proposal-reasons.ts); read them whole through the view mapping_proposal_details.
 */
export async function storeMappingProposals(
  client: pg.PoolClient | pg.Pool,
  run: { runId: string; scanId: string },
  proposals: readonly FinalProposal[],
  nodeOf: (kind: string, arn: string) => string | null,
  regionOf: (kind: string, arn: string) => string,
  reasonsOf: (index: number) => { own: readonly unknown[]; set: string | null },
  offset: number,
): Promise<number> {
  if (proposals.length === 0) return 0;
  const cols: unknown[][] = Array.from({ length: 18 }, () => []);
  for (const [n, p] of proposals.entries()) {
    const reasons = reasonsOf(offset + n);
    const row = [
      p.kind,
      p.arn,
      p.name,
      regionOf(p.kind, p.arn),
      p.status,
      p.proposedStatus,
      p.target,
      p.rosType,
      p.fit,
      json(p.properties ?? {}),
      json(reasons.own),
      reasons.set,
      p.choices ? json(p.choices) : null,
      p.alternatives ? json(p.alternatives) : null,
      json(p.targetResources ?? {}),
      p.overridden,
      p.overrideStale,
      nodeOf(p.kind, p.arn),
    ];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  const result = await client.query(
    `INSERT INTO mapping_proposals (run_id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, properties, reasons, reason_set,
        choices, alternatives, target_resources, overridden, override_stale, node_id, content_hash)
     SELECT $1, u.kind, u.arn, u.name, u.region, u.status, u.proposed_status, u.target, u.ros_type, u.fit, u.properties::jsonb, u.reasons::jsonb, u.reason_set,
            u.choices::jsonb, u.alternatives::jsonb, u.target_resources::jsonb, u.overridden, u.override_stale, u.node_id, r.content_hash
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                 $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::boolean[], $19::boolean[], $20::text[])
          AS u(kind, arn, name, region, status, proposed_status, target, ros_type, fit, properties, reasons, reason_set, choices, alternatives,
               target_resources, overridden, override_stale, node_id)
     LEFT JOIN resources r ON r.scan_id = $2 AND r.arn = u.arn`,
    [run.runId, run.scanId, ...cols],
  );
  return result.rowCount ?? proposals.length;
}
