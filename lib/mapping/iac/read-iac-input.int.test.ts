import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateRosTemplate } from "@/lib/mapping/iac/generate-ros-template";
import { PAGE_SIZE, readIacInput } from "@/lib/mapping/iac/read-iac-input";
import type { MapScanResult } from "@/lib/mapping/map-scan/map-scan-types";
import { loadScopedPlan, type ScopedPlan } from "@/lib/plans/scoped-plan";
import { buildIacInput } from "@/lib/testing/iac-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/** The IaC input read from a plan's newest succeeded mapping run, stored as the mapping step stores it. */

useTestDatabase();

const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as object;

async function storeRun(plan: ScopedPlan, result: MapScanResult, status: string, startedAt: Date): Promise<string> {
  const id = crypto.randomUUID();
  await db().mappingRun.create({
    data: {
      id,
      planId: plan.id,
      scanId: crypto.randomUUID(),
      status,
      choices: { targetRegionBySource: { "eu-central-1": "eu-central-1" } },
      products: toJson(result.products),
      republishRules: toJson(result.republishRules),
      proposalCount: result.proposals.length,
      startedAt,
    },
  });
  await db().mappingProposal.createMany({
    data: result.proposals.map((p) => ({
      runId: id,
      kind: p.kind,
      arn: p.arn,
      name: p.name,
      region: "eu-central-1",
      status: p.status,
      proposedStatus: p.status,
      target: p.target,
      rosType: p.rosType,
      fit: p.fit,
      properties: toJson(p.properties),
      reasons: toJson(p.reasons),
      ...(p.choices ? { choices: toJson(p.choices) } : {}),
      ...(p.alternatives ? { alternatives: toJson(p.alternatives) } : {}),
      targetResources: toJson(p.targetResources),
    })),
  });
  return id;
}

let plan: ScopedPlan;
let emptyPlan: ScopedPlan;
let newestId: string;
const fixture = buildIacInput({ size: 600 });

beforeAll(async () => {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "IaC export" } });
  const planId = crypto.randomUUID();
  const emptyId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId, name: fixture.input.planName, sourceRegions: ["eu-central-1"] } });
  await db().migrationPlan.create({ data: { id: emptyId, organizationId, name: "Nothing mapped" } });
  plan = await loadScopedPlan(organizationId, planId);
  emptyPlan = await loadScopedPlan(organizationId, emptyId);
  const small = buildIacInput().result;
  await storeRun(plan, small, "succeeded", new Date("2026-12-01T08:00:00Z"));
  newestId = await storeRun(plan, fixture.result, "succeeded", new Date("2026-12-01T09:00:00Z"));
  await storeRun(plan, small, "failed", new Date("2026-12-01T10:00:00Z"));
  await storeRun(emptyPlan, small, "running", new Date("2026-12-01T10:00:00Z"));
});

describe("readIacInput", () => {
  it("reads the newest succeeded run, every proposal but the things across pages, and counts the things", async () => {
    const input = await readIacInput(plan);
    expect(input.runId).toBe(newestId);
    expect(input.proposals.length).toBeGreaterThan(PAGE_SIZE);
    expect(input.proposals.some((p) => p.kind === "AWS::IoT::Thing")).toBe(false);
    expect(input.proposals).toEqual(fixture.input.proposals);
    expect(input.deviceCount).toBe(fixture.input.deviceCount);
    expect(input.products).toEqual(fixture.input.products);
    expect(input.republishRules).toEqual(fixture.input.republishRules);
    expect(input.regions).toEqual([{ sourceRegion: "eu-central-1", alibabaRegion: "eu-central-1" }]);
  });

  it("gives the generators what the mapping step proposed: the same templates", async () => {
    const input = await readIacInput(plan);
    expect(generateRosTemplate(input).files).toEqual(generateRosTemplate({ ...fixture.input, runId: newestId }).files);
  });

  it("gives each proposal its reasons whole: its own, then the set its run shares", async () => {
    const organizationId = plan.organizationId;
    const sharedPlanId = crypto.randomUUID();
    await db().migrationPlan.create({ data: { id: sharedPlanId, organizationId, name: "Shared reasons" } });
    const runId = crypto.randomUUID();
    await db().mappingRun.create({
      data: { id: runId, planId: sharedPlanId, scanId: crypto.randomUUID(), status: "succeeded", reasonSets: { s1: [{ code: "shared.fit", message: "Shared by many" }] } },
    });
    await db().mappingProposal.create({
      data: { runId, kind: "AWS::SQS::Queue", arn: "arn:aws:sqs:eu-central-1:1:q", name: "q", region: "eu-central-1", status: "mapped", proposedStatus: "mapped", reasons: [{ code: "own", message: "Own" }], reasonSet: "s1" },
    });
    const input = await readIacInput(await loadScopedPlan(organizationId, sharedPlanId));
    expect(input.proposals[0]?.reasons.map((r) => r.code)).toEqual(["own", "shared.fit"]);
  });

  it("refuses a plan without a succeeded mapping run", async () => {
    const error = await readIacInput(emptyPlan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    expect((error as AppError).reason).toBe("iacNoMappingRun");
  });
});
