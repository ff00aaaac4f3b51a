import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, sqlQuery, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";
import { readRunProposal, withoutOverrideReasons } from "@/lib/mapping/read-run-proposal";
import { recountMappingRun, targetResourcesDelta } from "@/lib/mapping/recount-mapping-run";

export const DECIDED_STATUSES = ["mapped", "none", "blocked"] as const;

/** What an architect decides about one resource of the plan's newest mapping run (the action adds the plan). */
export const decisionFieldsSchema = z.object({
  runId: z.string().min(1).max(64),
  kind: z.string().min(1).max(256),
  arn: z.string().min(1).max(2048),
  status: z.enum(DECIDED_STATUSES),
  target: z.string().trim().min(1).max(200).nullable(),
  reason: z.string().trim().min(1, "a reason is required").max(500),
});

/** A mapped resource has a target; a resource with no equivalent or blocked has none. */
export function refineDecisionTarget(input: { status: string; target: string | null }, ctx: z.RefinementCtx) {
  if (input.status === "mapped" && input.target === null) ctx.addIssue({ code: "custom", path: ["target"], message: "a mapped resource needs a target" });
  if (input.status !== "mapped" && input.target !== null) ctx.addIssue({ code: "custom", path: ["target"], message: "only a mapped resource has a target" });
}

export const decisionInputSchema = decisionFieldsSchema.superRefine(refineDecisionTarget);

export type DecisionInput = z.infer<typeof decisionInputSchema>;

export interface DecisionActor {
  id: string | null;
  email: string | null;
}

export interface DecisionOutcome {
  overrideId: string;
  proposalId: string;
  status: (typeof DECIDED_STATUSES)[number];
  target: string | null;
  rosType: string | null;
  fit: string | null;
  coverage: StatusCounts;
  byKind: Record<string, StatusCounts>;
}

/**
 * An architect's decision about one proposal of the plan's newest mapping run: the target it
 * becomes (one of the proposal's candidates, or any catalogue target of its kind) or that it has no
 * equivalent / is blocked, with the reason. In one transaction (joining the action's, whose audit
 * entry is part of it): the plan's override is stored (with the resource's content hash and the
 * run's scan, so a later run can tell when the resource changed), the proposal takes the decision
 * (overridden, not stale, the reason among its reasons), and the run's coverage, counts per kind,
 * target counts and the service-map node the resource is drawn in are counted again. A refused
 * decision changes nothing.
 */
export async function decideProposal(plan: ScopedPlan, input: DecisionInput, actor: DecisionActor): Promise<DecisionOutcome> {
  const checked = decisionInputSchema.safeParse(input);
  if (!checked.success) throw new AppError("VALIDATION_FAILED", "requestInvalid");
  const parsed = checked.data;
  return transaction(async () => {
    const run = await readNewestMappingRun(plan, { lock: true });
    if (!run) throw new AppError("NOT_FOUND", "mappingRunNotFound");
    if (run.id !== parsed.runId) throw new AppError("CONFLICT", "mappingRunNotNewest");
    const proposal = await readRunProposal(run.id, parsed.kind, parsed.arn);
    if (!proposal) throw new AppError("NOT_FOUND", "mappingProposalNotFound");

    let rosType: string | null = null;
    let fit: string | null = parsed.status === "none" ? "none" : null;
    if (parsed.status === "mapped") {
      const chosen = await resolveTarget(plan, proposal.kind, parsed.target!, proposal.choices);
      if (!chosen) throw new AppError("VALIDATION_FAILED", "mappingTargetUnknown", { target: parsed.target!, kind: proposal.kind });
      rosType = chosen.rosType;
      fit = chosen.fit;
    }
    const target = parsed.status === "mapped" ? parsed.target : null;
    const targetResources =
      parsed.status !== "mapped" ? {} : target === proposal.target && proposal.status === "mapped" ? proposal.targetResources : { [rosType ?? target!]: 1 };

    const override = await db().mappingOverride.upsert({
      where: { planId_kind_arn: { planId: plan.id, kind: proposal.kind, arn: proposal.arn } },
      create: {
        id: crypto.randomUUID(),
        planId: plan.id,
        kind: proposal.kind,
        arn: proposal.arn,
        status: parsed.status,
        target,
        rosType,
        reason: parsed.reason,
        contentHash: proposal.contentHash,
        scanId: run.scanId,
        decidedById: actor.id,
        decidedByEmail: actor.email,
      },
      update: {
        status: parsed.status,
        target,
        rosType,
        reason: parsed.reason,
        contentHash: proposal.contentHash,
        scanId: run.scanId,
        decidedById: actor.id,
        decidedByEmail: actor.email,
        decidedAt: new Date(),
      },
      select: { id: true },
    });

    const reasons = [...withoutOverrideReasons(proposal.reasons), { code: "override", message: parsed.reason }];
    await sqlQuery(
      `UPDATE mapping_proposals SET status = $2, target = $3, ros_type = $4, fit = $5, overridden = true, override_stale = false,
              reasons = $6::jsonb, target_resources = $7::jsonb WHERE id = $1::bigint`,
      [proposal.id, parsed.status, target, rosType, fit, JSON.stringify(reasons), JSON.stringify(targetResources)],
    );
    const counts = await recountMappingRun(run.id, { nodeIds: [proposal.nodeId], targetDelta: targetResourcesDelta(proposal.targetResources, targetResources) });
    return { overrideId: override.id, proposalId: proposal.id, status: parsed.status, target, rosType, fit, ...counts };
  });
}

/** The target as the proposal offers it, else as the organisation's catalogue lists it for the kind; null when neither has it. */
async function resolveTarget(plan: ScopedPlan, kind: string, name: string, choices: ReadonlyArray<{ name: string; rosType: string | null; fit: string }>) {
  const offered = choices.find((c) => c.name === name);
  if (offered) return { rosType: offered.rosType ?? null, fit: offered.fit ?? null };
  const { catalogue } = await readOrganizationCatalogue(plan.organizationId);
  const listed = catalogue.entries.find((e) => e.kind === kind)?.targets.find((t) => t.name === name);
  return listed ? { rosType: listed.rosType, fit: listed.fit } : null;
}
