import { beforeEach, describe, expect, it, vi } from "vitest";

// Server actions read Next.js's headers: here those of a real session, signed in through better-auth.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

import { db, sqlQuery, transaction } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { createMappingDecisionsFixture, sampleProposals, signInHeaders, storeMappingRun, type MappingDecisionsFixture } from "@/lib/testing/mapping-decisions-fixture";
import { decideProposalAction } from "@/lib/actions/mapping/decide-proposal";
import { withdrawOverrideAction } from "@/lib/actions/mapping/withdraw-override";
import { decideProposal } from "@/lib/mapping/decide-proposal";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";
import type { Role } from "@/lib/auth/permissions";

/**
 * An architect's decisions about proposals of the newest mapping run: the override, the proposal,
 * the run's coverage, counts per kind, target counts and graph node counts, and the audit entry
 * change together or not at all; withdrawing puts the proposal back; viewers and other
 * organisations are refused and change nothing.
 */
useTestDatabase();

let fx: MappingDecisionsFixture;
const queueArn = "arn:aws:sqs:eu-central-1:123456789012:telemetry-queue";

async function signInAs(role: Role, organizationId = fx.organizationId) {
  const { email, headers } = await signInHeaders(role, organizationId);
  request.headers = headers;
  return email;
}

async function snapshot(runId = fx.runId) {
  const { rows: run } = await sqlQuery<{ coverage: unknown; by_kind: unknown; graph: unknown; targets: unknown }>(`SELECT coverage, by_kind, graph, targets FROM mapping_runs WHERE id = $1`, [runId]);
  const { rows: proposals } = await sqlQuery(`SELECT kind, arn, status, target, ros_type, fit, overridden, override_stale, reasons, target_resources FROM mapping_proposals WHERE run_id = $1 ORDER BY id`, [runId]);
  const overrides = await db().mappingOverride.findMany({ where: { planId: fx.planId }, orderBy: { arn: "asc" } });
  return { run: run[0], proposals, overrides };
}

const nodeCounts = (graph: unknown, id: string) => (graph as { nodes: Array<{ id: string; counts: unknown }> }).nodes.find((n) => n.id === id)?.counts;

beforeEach(async () => {
  fx = await createMappingDecisionsFixture();
});

describe("deciding a proposal", () => {
  it("stores the override and updates the proposal, coverage, counts per kind, target counts, graph node and audit log together", async () => {
    const email = await signInAs("architect");
    const result = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "The team runs RocketMQ already." });
    expect(result).toMatchObject({ ok: true, data: { status: "mapped", target: "ApsaraMQ for RocketMQ", rosType: "ALIYUN::ROCKETMQ5::Instance", fit: "partial" } });

    const { rows } = await sqlQuery<{ status: string; proposed_status: string; target: string; ros_type: string; fit: string; overridden: boolean; override_stale: boolean; reasons: Array<{ code: string; message: string }>; content_hash: string }>(
      `SELECT status, proposed_status, target, ros_type, fit, overridden, override_stale, reasons, content_hash FROM mapping_proposals WHERE run_id = $1 AND arn = $2`,
      [fx.runId, queueArn],
    );
    const proposal = rows[0]!;
    expect(proposal).toMatchObject({ status: "mapped", proposed_status: "decision", target: "ApsaraMQ for RocketMQ", ros_type: "ALIYUN::ROCKETMQ5::Instance", fit: "partial", overridden: true, override_stale: false });
    expect(proposal.reasons.at(-1)).toEqual({ code: "override", message: "The team runs RocketMQ already." });
    expect(proposal.reasons.some((r) => r.code === "candidates-disagree")).toBe(true);

    const override = await db().mappingOverride.findUniqueOrThrow({ where: { planId_kind_arn: { planId: fx.planId, kind: "AWS::SQS::Queue", arn: queueArn } } });
    expect(override).toMatchObject({ status: "mapped", target: "ApsaraMQ for RocketMQ", rosType: "ALIYUN::ROCKETMQ5::Instance", reason: "The team runs RocketMQ already.", scanId: fx.scanId, contentHash: proposal.content_hash, decidedByEmail: email });

    const { run } = await snapshot();
    expect(run!.coverage).toEqual({ mapped: 4, decision: 2, none: 1, blocked: 1 });
    expect((run!.by_kind as Record<string, unknown>)["AWS::SQS::Queue"]).toEqual({ mapped: 1, decision: 1, none: 0, blocked: 0 });
    expect(nodeCounts(run!.graph, "queues")).toEqual({ mapped: 1, decision: 1, none: 0, blocked: 0 });
    expect(nodeCounts(run!.graph, "thing-type:sensor")).toEqual({ mapped: 3, decision: 0, none: 0, blocked: 0 });
    expect(run!.targets).toEqual({ "ALIYUN::IOT::Device": 3, "ALIYUN::ROCKETMQ5::Instance": 1 });

    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorEmail: email, action: "mapping.decide", outcome: "success" } });
    expect(audit).toMatchObject({ planId: fx.planId, targetType: "resource" });
    expect(audit.details).toMatchObject({ kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "The team runs RocketMQ already." });
  });

  it("accepts any catalogue target of the kind, and 'no equivalent' without a target; a second decision replaces the first", async () => {
    await signInAs("architect");
    const certificate = "arn:aws:iot:eu-central-1:123456789012:cert/abc";
    const first = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::IoT::Certificate", arn: certificate, status: "mapped", target: "Re-provisioned device secret (DeviceSecret)", reason: "Devices get new secrets at cutover." });
    expect(first).toMatchObject({ ok: true, data: { rosType: "ALIYUN::IOT::Device", fit: "partial" } });
    const second = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::IoT::Certificate", arn: certificate, status: "none", target: null, reason: "Certificates are retired with the fleet." });
    expect(second).toMatchObject({ ok: true, data: { status: "none", target: null, fit: "none" } });
    const overrides = await db().mappingOverride.findMany({ where: { planId: fx.planId } });
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({ status: "none", target: null, reason: "Certificates are retired with the fleet." });
    const { run, proposals } = await snapshot();
    expect(run!.coverage).toEqual({ mapped: 3, decision: 3, none: 2, blocked: 0 });
    const reasons = (proposals.find((p) => p.arn === certificate)!.reasons as Array<{ code: string }>).filter((r) => r.code === "override");
    expect(reasons).toHaveLength(1);
    expect(run!.targets).toEqual({ "ALIYUN::IOT::Device": 3 });
    expect(nodeCounts(run!.graph, "certs")).toEqual({ mapped: 0, decision: 0, none: 1, blocked: 0 });
  });

  it("refuses a target that is neither a candidate nor a catalogue target of the kind, and changes nothing", async () => {
    const email = await signInAs("architect");
    const before = await snapshot();
    const result = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "DataHub", reason: "Wrong kind." });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", reason: "mappingTargetUnknown", params: { target: "DataHub", kind: "AWS::SQS::Queue" } } });
    expect(await snapshot()).toEqual(before);
    expect(await db().auditEvent.count({ where: { actorEmail: email, action: "mapping.decide", outcome: "failure" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { actorEmail: email, action: "mapping.decide", outcome: "success" } })).toBe(0);
  });

  it("rolls everything back when the transaction it is part of fails after the decision", async () => {
    const before = await snapshot();
    const plan = await loadScopedPlan(fx.organizationId, fx.planId);
    await expect(
      transaction(async () => {
        await decideProposal(plan, { runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Then the audit fails." }, { id: null, email: null });
        throw new Error("the audit entry could not be written");
      }),
    ).rejects.toThrow("the audit entry could not be written");
    expect(await snapshot()).toEqual(before);
  });

  it("requires a reason, and a target exactly when the resource is mapped", async () => {
    await signInAs("architect");
    const base = { planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn };
    expect(await decideProposalAction({ ...base, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "   " })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", fields: { reason: expect.any(String) } } });
    expect(await decideProposalAction({ ...base, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "x".repeat(501) })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await decideProposalAction({ ...base, status: "mapped", target: null, reason: "No target." })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await decideProposalAction({ ...base, status: "none", target: "ApsaraMQ for RocketMQ", reason: "Both." })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await db().mappingOverride.count({ where: { planId: fx.planId } })).toBe(0);
  });

  it("refuses a decision on a run that is no longer the newest", async () => {
    await signInAs("architect");
    const newer = await storeMappingRun(fx.planId, fx.scanId, sampleProposals(), { startedAt: new Date(Date.now() + 60_000) });
    const result = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Old page." });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT", reason: "mappingRunNotNewest" } });
    const ok = await decideProposalAction({ planId: fx.planId, runId: newer, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "New page." });
    expect(ok.ok).toBe(true);
  });

  it("refuses a viewer, audits the refusal and changes nothing", async () => {
    const email = await signInAs("viewer");
    const before = await snapshot();
    const result = await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Viewer tries." });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", reason: "roleForbids" } });
    const withdraw = await withdrawOverrideAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, reason: "Viewer tries." });
    expect(withdraw).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot()).toEqual(before);
    expect(await db().auditEvent.count({ where: { actorEmail: email, outcome: "denied", action: { in: ["mapping.decide", "mapping.withdraw"] } } })).toBe(2);
  });

  it("answers another organisation's plan as one that does not exist, and changes nothing there", async () => {
    const theirs = await createMappingDecisionsFixture("Theirs");
    await signInAs("architect");
    const result = await decideProposalAction({ planId: theirs.planId, runId: theirs.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Not ours." });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", reason: "planNotFound" } });
    // Our plan with their run id: the run is looked up within our plan only.
    const crossed = await decideProposalAction({ planId: fx.planId, runId: theirs.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Crossed ids." });
    expect(crossed).toMatchObject({ ok: false, error: { code: "CONFLICT", reason: "mappingRunNotNewest" } });
    expect(await db().mappingOverride.count({ where: { planId: { in: [theirs.planId, fx.planId] } } })).toBe(0);
  });
});

describe("withdrawing a decision", () => {
  it("deletes the override and puts the proposal back to the mapping step's status, recounting the run", async () => {
    const email = await signInAs("architect");
    const before = await snapshot();
    await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "Decided." });
    const result = await withdrawOverrideAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, reason: "We chose too early." });
    expect(result).toMatchObject({ ok: true, data: { status: "decision", coverage: { mapped: 3, decision: 3, none: 1, blocked: 1 } } });
    const after = await snapshot();
    expect(after.overrides).toEqual([]);
    expect(after.run).toEqual(before.run);
    const proposal = after.proposals.find((p) => p.arn === queueArn)!;
    expect(proposal).toMatchObject({ status: "decision", target: null, ros_type: null, overridden: false, override_stale: false });
    expect((proposal.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(["candidates-disagree", "override.withdrawn"]);
    expect(await db().auditEvent.findFirst({ where: { actorEmail: email, action: "mapping.withdraw", outcome: "success" } })).toMatchObject({ planId: fx.planId, details: { reason: "We chose too early.", restoredStatus: "decision" } });
  });

  it("says so when there is nothing to withdraw", async () => {
    await signInAs("admin");
    const result = await withdrawOverrideAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, reason: "Nothing decided." });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", reason: "mappingOverrideNotFound" } });
  });

  it("keeps a decided target of a mapped proposal, with a note that the next run restores the original", async () => {
    await signInAs("architect");
    const thing = "arn:aws:iot:eu-central-1:123456789012:thing/sensor-1";
    await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::IoT::Thing", arn: thing, status: "blocked", target: null, reason: "Hold this one." });
    expect((await snapshot()).run!.coverage).toEqual({ mapped: 2, decision: 3, none: 1, blocked: 2 });
    const result = await withdrawOverrideAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::IoT::Thing", arn: thing, reason: "Released." });
    expect(result).toMatchObject({ ok: true, data: { status: "mapped", coverage: { mapped: 3, decision: 3, none: 1, blocked: 1 } } });
    const proposal = (await snapshot()).proposals.find((p) => p.arn === thing)!;
    expect(proposal.status).toBe("mapped");
    expect((proposal.reasons as Array<{ code: string; message: string }>).at(-1)!.message).toMatch(/next mapping run restores its original target/);
  });
});
