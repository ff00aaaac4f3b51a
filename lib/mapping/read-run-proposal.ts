import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ProposalCandidate, ProposalReason } from "@/lib/mapping/map-scan/map-scan-types";

/** One stored proposal, as a decision or a withdrawal reads and rewrites it. */
export interface StoredProposal {
  id: string;
  kind: string;
  arn: string;
  status: string;
  proposedStatus: string;
  target: string | null;
  rosType: string | null;
  fit: string | null;
  reasons: ProposalReason[];
  choices: ProposalCandidate[];
  contentHash: string | null;
  nodeId: string | null;
  targetResources: Record<string, number>;
}

interface ProposalRow {
  id: string;
  kind: string;
  arn: string;
  status: string;
  proposed_status: string;
  target: string | null;
  ros_type: string | null;
  fit: string | null;
  reasons: unknown;
  choices: unknown;
  content_hash: string | null;
  node_id: string | null;
  target_resources: unknown;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The proposal for one resource (kind and ARN) of a run, locked for the rest of the transaction; null when the run has none. */
export async function readRunProposal(runId: string, kind: string, arn: string): Promise<StoredProposal | null> {
  const { rows } = await sqlQuery<ProposalRow>(
    `SELECT id::text AS id, kind, arn, status, proposed_status, target, ros_type, fit, reasons, choices, content_hash, node_id, target_resources
       FROM mapping_proposals WHERE run_id = $1 AND kind = $2 AND arn = $3 FOR UPDATE`,
    [runId, kind, arn],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    arn: row.arn,
    status: row.status,
    proposedStatus: row.proposed_status,
    target: row.target,
    rosType: row.ros_type,
    fit: row.fit,
    reasons: asArray<ProposalReason>(row.reasons).filter((r) => r !== null && typeof r === "object"),
    choices: asArray<ProposalCandidate>(row.choices).filter((c) => c !== null && typeof c === "object" && typeof c.name === "string"),
    contentHash: row.content_hash,
    nodeId: row.node_id,
    targetResources: row.target_resources !== null && typeof row.target_resources === "object" && !Array.isArray(row.target_resources) ? (row.target_resources as Record<string, number>) : {},
  };
}

/** Reason codes a decision or a withdrawal writes; a new one replaces the old ones. */
export const OVERRIDE_REASON_CODES = ["override", "override.withdrawn"] as const;

export function withoutOverrideReasons(reasons: readonly ProposalReason[]): ProposalReason[] {
  return reasons.filter((r) => !(OVERRIDE_REASON_CODES as readonly string[]).includes(r.code));
}
