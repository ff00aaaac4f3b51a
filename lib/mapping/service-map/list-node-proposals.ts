import "server-only";
import { pool } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { ProposalCandidate, ProposalReason, ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";
import { NODE_PROPOSALS_PAGE_SIZE, type NodeProposalQuery } from "@/lib/mapping/service-map/node-proposal-query";

export interface NodeProposal {
  id: string;
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: ProposalStatus;
  proposedStatus: ProposalStatus;
  target: string | null;
  rosType: string | null;
  fit: string | null;
  reasons: ProposalReason[];
  properties: Record<string, unknown>;
  choices: ProposalCandidate[] | null;
  alternatives: string[] | null;
  overridden: boolean;
  overrideStale: boolean;
}

export interface NodeProposalPage {
  runId: string;
  nodeId: string;
  items: NodeProposal[];
  /** Pass as `after` for the next page; null on the last one. */
  nextAfter: string | null;
}

interface Row {
  id: string;
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: ProposalStatus;
  proposed_status: ProposalStatus;
  target: string | null;
  ros_type: string | null;
  fit: string | null;
  reasons: ProposalReason[];
  properties: Record<string, unknown>;
  choices: ProposalCandidate[] | null;
  alternatives: string[] | null;
  overridden: boolean;
  override_stale: boolean;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page (50, by id) of the proposals drawn in one node of a mapping run of the plan: a run of
 * another plan gives nothing (null). The run is the plan's newest succeeded one unless `runId` names
 * one. An Alibaba node's id lists the proposals of the AWS node it is the target of.
 */
export async function listNodeProposals(plan: ScopedPlan, nodeId: string, query: NodeProposalQuery, runId?: string): Promise<NodeProposalPage | null> {
  const runs = await pool().query<{ id: string }>(
    runId
      ? `SELECT id FROM mapping_runs WHERE plan_id = $1 AND id = $2 AND status = 'succeeded'`
      : `SELECT id FROM mapping_runs WHERE plan_id = $1 AND status = 'succeeded' ORDER BY started_at DESC, id DESC LIMIT 1`,
    runId ? [plan.id, runId] : [plan.id],
  );
  const run = runs.rows[0];
  if (!run) return null;
  // Proposals are stored with their AWS node; an Alibaba node stands for the AWS node it is the target of.
  const awsNode = nodeId.startsWith("ali.") ? `aws.${nodeId.slice(4)}` : nodeId;
  const where = ["run_id = $1", "node_id = $2"];
  const params: unknown[] = [run.id, awsNode];
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  if (query.q) {
    params.push(`%${escapeLike(query.q)}%`);
    where.push(`name ILIKE $${params.length} ESCAPE '\\'`);
  }
  if (query.after) {
    params.push(query.after);
    where.push(`id > $${params.length}::bigint`);
  }
  params.push(NODE_PROPOSALS_PAGE_SIZE + 1);
  const { rows } = await pool().query<Row>(
    `SELECT id::text AS id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, reasons, properties, choices, alternatives, overridden, override_stale
     FROM mapping_proposal_details WHERE ${where.join(" AND ")} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, NODE_PROPOSALS_PAGE_SIZE);
  return {
    runId: run.id,
    nodeId,
    items: page.map((r) => ({
      id: r.id,
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
      properties: r.properties ?? {},
      choices: r.choices,
      alternatives: r.alternatives,
      overridden: r.overridden,
      overrideStale: r.override_stale,
    })),
    nextAfter: rows.length > NODE_PROPOSALS_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null,
  };
}
