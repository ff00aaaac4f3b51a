import "server-only";
import { z } from "zod";
import { db, sqlQuery, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";
import { readRunProposal, withoutOverrideReasons } from "@/lib/mapping/read-run-proposal";
import { emptyStatusCounts, recountMappingRun, targetResourcesDelta } from "@/lib/mapping/recount-mapping-run";

export const withdrawInputSchema = z.object({
  runId: z.string().min(1).max(64),
  kind: z.string().min(1).max(256),
  arn: z.string().min(1).max(2048),
  reason: z.string().trim().min(1, "a reason is required").max(500),
});

export type WithdrawInput = z.infer<typeof withdrawInputSchema>;

/** The note a withdrawn proposal carries until the next mapping run proposes it afresh. */
export const WITHDRAWN_NOTE = "The architect's decision was withdrawn: the proposal is back to the mapping step's status, and the next mapping run restores its original target.";

export interface WithdrawOutcome {
  status: string;
  coverage: StatusCounts;
  byKind: Record<string, StatusCounts>;
}

/**
 * Withdraws the plan's override of one resource, in one transaction (with the action's audit
 * entry): the override is deleted, so later runs propose the resource afresh, and the proposal of
 * the newest run goes back to the mapping step's own status (a "decision" offers its choices
 * again). The run does not keep the target the step proposed before the override, so a proposal
 * that was mapped keeps the decided target with a note until the next run restores the original;
 * the run's coverage, counts per kind and its service-map node are counted again.
 */
export async function withdrawOverride(plan: ScopedPlan, input: WithdrawInput): Promise<WithdrawOutcome> {
  const checked = withdrawInputSchema.safeParse(input);
  if (!checked.success) throw new AppError("VALIDATION_FAILED", "requestInvalid");
  const parsed = checked.data;
  return transaction(async () => {
    const run = await readNewestMappingRun(plan, { lock: true });
    if (!run) throw new AppError("NOT_FOUND", "mappingRunNotFound");
    if (run.id !== parsed.runId) throw new AppError("CONFLICT", "mappingRunNotNewest");
    const removed = await db().mappingOverride.deleteMany({ where: { planId: plan.id, kind: parsed.kind, arn: parsed.arn } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "mappingOverrideNotFound");
    const proposal = await readRunProposal(run.id, parsed.kind, parsed.arn);
    if (!proposal) {
      // The resource is gone from the newest scan: only the override was left to remove.
      const { rows } = await sqlQuery<{ coverage: StatusCounts | null; by_kind: Record<string, StatusCounts> | null }>(`SELECT coverage, by_kind FROM mapping_runs WHERE id = $1`, [run.id]);
      return { status: "withdrawn", coverage: rows[0]?.coverage ?? emptyStatusCounts(), byKind: rows[0]?.by_kind ?? {} };
    }
    const keepsTarget = proposal.proposedStatus === "mapped";
    const target = keepsTarget ? proposal.target : null;
    const rosType = keepsTarget ? proposal.rosType : null;
    const fit = keepsTarget ? proposal.fit : null;
    const targetResources = keepsTarget ? proposal.targetResources : {};
    const reasons = [...withoutOverrideReasons(proposal.reasons), { code: "override.withdrawn", message: WITHDRAWN_NOTE }];
    await sqlQuery(
      `UPDATE mapping_proposals SET status = proposed_status, target = $2, ros_type = $3, fit = $4, overridden = false, override_stale = false,
              reasons = $5::jsonb, target_resources = $6::jsonb WHERE id = $1::bigint`,
      [proposal.id, target, rosType, fit, JSON.stringify(reasons), JSON.stringify(targetResources)],
    );
    const counts = await recountMappingRun(run.id, { nodeIds: [proposal.nodeId], targetDelta: targetResourcesDelta(proposal.targetResources, targetResources) });
    return { status: proposal.proposedStatus, ...counts };
  });
}
