import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createConnection } from "@/lib/connections/save-connection";
import { createPlan } from "@/lib/plans/save-plan";
import { cliScanTarget, type CliActor, type CliTargetRequest } from "@/lib/cli/cli-scan-target";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

const who: CliActor = { actor: { id: null, email: "command line (ops-alice)", role: null }, details: { origin: "cli", osUser: "ops-alice", host: "build-7" } };

let organizationId: string;
let appConnectionId: string;
let appPlanId: string;

beforeEach(async () => {
  organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "CLI target test" } });
  ({ id: appConnectionId } = await createConnection(
    organizationId,
    { name: "Production (role)", authMode: "assume-role", roleArn: "arn:aws:iam::111122223333:role/SilkrouteReader", externalId: "ext-123", profile: null, accessKeyId: null, secretAccessKey: null, endpointUrl: null, regions: ["eu-central-1"] },
    null,
  ));
  ({ id: appPlanId } = await createPlan(
    organizationId,
    { name: "Fleet move", description: null, sourceConnectionId: appConnectionId, sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] },
    null,
  ));
});

const request = (over: Partial<CliTargetRequest> = {}): CliTargetRequest => ({
  regions: ["eu-central-1"],
  credentials: {},
  planName: "Fleet move",
  useConnection: false,
  repoint: false,
  ...over,
});

async function state() {
  const plan = await db().migrationPlan.findUniqueOrThrow({ where: { id: appPlanId } });
  const connections = await db().cloudConnection.findMany({ where: { organizationId }, orderBy: { name: "asc" } });
  return { plan, connections };
}

async function auditOf(...targetIds: string[]) {
  return db().auditEvent.findMany({ where: { targetId: { in: targetIds } }, orderBy: { id: "asc" } });
}

describe("the plan and connection a command-line scan uses", () => {
  it("refuses to re-point a plan that reads through another connection, and changes nothing", async () => {
    const before = await state();
    const refused = await cliScanTarget(organizationId, request(), who).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).reason).toBe("cliPlanHasOtherConnection");
    expect((refused as AppError).message).toContain('"Production (role)"');
    expect((refused as AppError).message).toMatch(/--use-connection.*--repoint/);
    expect(await state()).toEqual(before);
    expect(await auditOf(appPlanId, appConnectionId)).toEqual([]);
  });

  it("scans through the plan's own connection with --use-connection, writing nothing", async () => {
    const before = await state();
    const target = await cliScanTarget(organizationId, request({ useConnection: true, regions: [] }), who);
    expect(target).toMatchObject({ planId: appPlanId, connectionId: appConnectionId, regions: [] });
    expect(target.notices.join("\n")).toContain('through its own connection "Production (role)"');
    expect(await state()).toEqual(before);
    expect(await auditOf(appPlanId)).toEqual([]);
    await expect(cliScanTarget(organizationId, request({ useConnection: true, planName: "No such plan" }), who)).rejects.toMatchObject({ reason: "cliPlanNotFound" });
  });

  it("re-points it with --repoint, says so, and records who did it in the audit log", async () => {
    const target = await cliScanTarget(organizationId, request({ repoint: true, regions: ["eu-central-1", "us-east-1"] }), who);
    const { plan, connections } = await state();
    const cli = connections.find((c) => c.name === "Command line (default credentials)")!;
    expect(cli).toMatchObject({ authMode: "default-chain", secretCiphertext: null, endpointUrl: null, regions: ["eu-central-1", "us-east-1"] });
    expect(target.connectionId).toBe(cli.id);
    expect(plan.sourceConnectionId).toBe(cli.id);
    expect(plan.sourceRegions).toEqual(["eu-central-1", "us-east-1"]);
    // The admin's connection itself is untouched.
    expect(connections.find((c) => c.id === appConnectionId)).toMatchObject({ roleArn: "arn:aws:iam::111122223333:role/SilkrouteReader", externalId: "ext-123" });
    expect(target.notices.join("\n")).toContain('Plan "Fleet move" now reads AWS through "Command line (default credentials)" instead of "Production (role)"');
    const events = await auditOf(appPlanId, cli.id);
    expect(events.map((e) => [e.action, e.targetType, e.outcome])).toEqual([
      ["connection.create", "connection", "success"],
      ["plan.update", "plan", "success"],
    ]);
    for (const e of events) {
      expect(e.actorEmail).toBe("command line (ops-alice)");
      expect(e.actorId).toBeNull();
      expect(e.details).toMatchObject({ origin: "cli", osUser: "ops-alice", host: "build-7" });
    }
    expect(events[1]!.planId).toBe(appPlanId);
    expect(events[1]!.details).toMatchObject({
      sourceConnectionId: { from: appConnectionId, to: cli.id },
      sourceConnection: { from: "Production (role)", to: "Command line (default credentials)" },
      sourceRegionsAdded: ["us-east-1"],
    });
  });

  it("creates its own plan and connection when missing, and adds new regions to them later, audited", async () => {
    const first = await cliScanTarget(organizationId, request({ planName: "Command line scans", credentials: { profile: "audit" } }), who);
    const events1 = await auditOf(first.planId, first.connectionId);
    expect(events1.map((e) => e.action)).toEqual(["connection.create", "plan.create"]);
    const again = await cliScanTarget(organizationId, request({ planName: "Command line scans", credentials: { profile: "audit" } }), who);
    expect(again).toMatchObject({ planId: first.planId, connectionId: first.connectionId, notices: [] });
    expect(await auditOf(first.planId, first.connectionId)).toHaveLength(2);
    const wider = await cliScanTarget(organizationId, request({ planName: "Command line scans", credentials: { profile: "audit" }, regions: ["ap-southeast-1"] }), who);
    expect(wider.notices.join("\n")).toMatch(/regions ap-southeast-1 added/);
    const events2 = await auditOf(first.planId, first.connectionId);
    expect(events2.map((e) => e.action)).toEqual(["connection.create", "plan.create", "connection.update", "plan.update"]);
    expect(events2[3]!.details).toMatchObject({ sourceRegionsAdded: ["ap-southeast-1"], origin: "cli" });
    const plan = await db().migrationPlan.findUniqueOrThrow({ where: { id: first.planId } });
    expect(plan.sourceRegions).toEqual(["eu-central-1", "ap-southeast-1"]);
  });

  it("does not take over a connection an admin named like the command line's", async () => {
    await createConnection(
      organizationId,
      { name: "Command line (default credentials)", authMode: "access-keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", roleArn: null, externalId: null, profile: null, endpointUrl: null, regions: ["eu-central-1"] },
      null,
    );
    const before = await state();
    await expect(cliScanTarget(organizationId, request({ planName: "Another plan" }), who)).rejects.toMatchObject({ reason: "cliConnectionNameTaken" });
    expect(await state()).toEqual(before);
    expect(await db().migrationPlan.count({ where: { organizationId, name: "Another plan" } })).toBe(0);
  });
});
