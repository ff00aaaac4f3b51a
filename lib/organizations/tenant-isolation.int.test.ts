import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { loadPlanScope, listScopedPlans, loadScopedPlan, loadScopedScan, type LoadedScope, type PlanLocator } from "@/lib/plans/scoped-plan";
import { listPlans } from "@/lib/plans/list-plans";
import { archivePlan, createPlan, updatePlan } from "@/lib/plans/save-plan";
import { listConnections } from "@/lib/connections/list-connections";
import { deleteConnection, updateConnection } from "@/lib/connections/save-connection";
import { testConnection } from "@/lib/connections/test-connection";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/users/update-user-access";
import { listScans } from "@/lib/inventory/list-scans";
import { listResources } from "@/lib/inventory/list-resources";
import { resourceQuerySchema } from "@/lib/inventory/resource-query";
import { inventorySummary } from "@/lib/inventory/inventory-summary";
import { diffScans, diffQuerySchema } from "@/lib/inventory/diff-scans";
import { resolveScan } from "@/lib/inventory/resolve-scan";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { DEFAULT_ORGANIZATION_ID } from "@/lib/organizations/ensure-default-organization";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { Role } from "@/lib/auth/permissions";

/**
 * Two organisations, each with its users, connection, plan and a finished scan of its own stand-in
 * AWS: every library function a route or an action calls shows one organisation nothing of the
 * other. Another organisation's plan, scan, resource, connection or user is NOT_FOUND (as one that
 * does not exist: never FORBIDDEN, never its data), and no listing holds another's rows.
 */
useTestDatabase();

interface Tenant {
  fx: InventoryFixture;
  scanId: string;
  resourceId: string;
  users: Record<"admin" | "viewer", { id: string; email: string; role: Role }>;
}

let a: Tenant;
let b: Tenant;

async function tenant(seed: number): Promise<Tenant> {
  const fx = await createInventoryFixture({ seed, regions: ["eu-central-1"], things: 15, hostile: true });
  const { scanId, status } = await scanFixture(fx);
  expect(status).toMatch(/complete|partial/);
  const resource = await db().resource.findFirstOrThrow({ where: { scanId }, select: { id: true } });
  const users = {
    admin: await createUser({ organizationId: fx.organizationId, email: `admin-${crypto.randomUUID()}@tenant.test`, name: "Admin", role: "admin", password: "correct horse battery" }),
    viewer: await createUser({ organizationId: fx.organizationId, email: `viewer-${crypto.randomUUID()}@tenant.test`, name: "Viewer", role: "viewer", password: "correct horse battery" }),
  };
  return { fx, scanId, resourceId: resource.id.toString(), users };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
}

beforeAll(async () => {
  a = await tenant(21);
  b = await tenant(22);
});
afterAll(async () => {
  await a?.fx.stop();
  await b?.fx.stop();
});

describe("two organisations", () => {
  it("load their own plan, scan and resource, and the other's as NOT_FOUND", async () => {
    for (const [me, other] of [[a, b], [b, a]] as const) {
      const own: LoadedScope = await loadPlanScope(me.fx.organizationId, { resourceId: me.resourceId });
      expect([own.plan.id, own.scan?.id, own.resource?.id]).toEqual([me.fx.planId, me.scanId, me.resourceId]);
      const locators: PlanLocator[] = [{ planId: other.fx.planId }, { scanId: other.scanId }, { resourceId: other.resourceId }];
      for (const locator of locators) expect(await codeOf(loadPlanScope(me.fx.organizationId, locator)), JSON.stringify(locator)).toBe("NOT_FOUND");
    }
  });

  it("list only their own plans, scans and connections", async () => {
    expect((await listScopedPlans(a.fx.organizationId)).map((p) => p.id)).toEqual([a.fx.planId]);
    expect((await listPlans(a.fx.organizationId)).map((p) => p.id)).toEqual([a.fx.planId]);
    const plan = await loadScopedPlan(a.fx.organizationId, a.fx.planId);
    expect((await listScans(plan)).map((s) => s.id)).toEqual([a.scanId]);
    expect((await listConnections(a.fx.organizationId)).map((c) => c.id)).toEqual([a.fx.connectionId]);
  });

  it("list only their own users, and cannot change, disable or reset the other's", async () => {
    const listed = (await listUsers(a.fx.organizationId)).map((u) => u.id).sort();
    expect(listed).toEqual([a.users.admin.id, a.users.viewer.id].sort());
    const victim = b.users.viewer.id;
    const before = await db().user.findUniqueOrThrow({ where: { id: victim }, include: { accounts: true } });
    expect(await codeOf(changeUserRole(a.fx.organizationId, victim, "admin"))).toBe("NOT_FOUND");
    expect(await codeOf(setUserDisabled(a.fx.organizationId, victim, true, a.users.admin.id))).toBe("NOT_FOUND");
    expect(await codeOf(resetUserPassword(a.fx.organizationId, victim, "another horse battery"))).toBe("NOT_FOUND");
    const after = await db().user.findUniqueOrThrow({ where: { id: victim }, include: { accounts: true } });
    expect([after.role, after.disabled, after.accounts[0]?.password]).toEqual([before.role, before.disabled, before.accounts[0]?.password]);
  });

  it("cannot test, change or delete the other's connection, nor point a plan at it", async () => {
    const theirs = b.fx.connectionId;
    expect(await codeOf(testConnection(a.fx.organizationId, theirs))).toBe("NOT_FOUND");
    const input = { name: "Taken over", authMode: "access-keys" as const, roleArn: null, externalId: null, profile: null, accessKeyId: null, secretAccessKey: null, endpointUrl: null, regions: ["eu-central-1"] };
    expect(await codeOf(updateConnection(a.fx.organizationId, theirs, input))).toBe("NOT_FOUND");
    expect(await codeOf(deleteConnection(a.fx.organizationId, theirs))).toBe("NOT_FOUND");
    expect((await db().cloudConnection.findUniqueOrThrow({ where: { id: theirs } })).name).toBe("Stand-in AWS");
    const planInput = { name: "Borrowed", description: null, sourceConnectionId: theirs, sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] };
    expect(await codeOf(createPlan(a.fx.organizationId, planInput, null))).toBe("NOT_FOUND");
    const mine = await loadScopedPlan(a.fx.organizationId, a.fx.planId);
    expect(await codeOf(updatePlan(mine, planInput))).toBe("NOT_FOUND");
    expect((await db().migrationPlan.findUniqueOrThrow({ where: { id: a.fx.planId } })).sourceConnectionId).toBe(a.fx.connectionId);
  });

  it("cannot reach the other's scan through their own plan (resources, summary, export, diff)", async () => {
    const plan = await loadScopedPlan(a.fx.organizationId, a.fx.planId);
    const scan = await loadScopedScan(a.fx.organizationId, a.scanId);
    expect(await codeOf(listResources(plan, resourceQuerySchema.parse({ scanId: b.scanId })))).toBe("NOT_FOUND");
    expect(await codeOf(inventorySummary(plan, b.scanId))).toBe("NOT_FOUND");
    expect(await codeOf(resolveScan(plan, b.scanId))).toBe("NOT_FOUND");
    expect(await codeOf(diffScans(scan, diffQuerySchema.parse({ base: b.scanId })))).toBe("NOT_FOUND");
    // Their own listing holds their own rows only: every ARN is of their own stand-in's account.
    const page = await listResources(plan, resourceQuerySchema.parse({ pageSize: 200 }));
    expect(page.rows.length).toBeGreaterThan(0);
    const theirs = new Set((await db().resource.findMany({ where: { scanId: b.scanId }, select: { id: true } })).map((r) => r.id.toString()));
    expect(page.rows.filter((r) => theirs.has(r.id))).toEqual([]);
  });

  it("archives only their own plan", async () => {
    const extra = await createPlan(b.fx.organizationId, { name: "To archive", description: null, sourceConnectionId: null, sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] }, null);
    await archivePlan(await loadScopedPlan(b.fx.organizationId, extra.id));
    expect((await listScopedPlans(b.fx.organizationId)).map((p) => p.id)).toEqual([b.fx.planId]);
    expect(await codeOf(loadScopedPlan(a.fx.organizationId, extra.id))).toBe("NOT_FOUND");
  });
});

describe("the audit log of two organisations", () => {
  it("lists each organisation's entries only: by the actor, the plan, a sign-in's e-mail, or as given", async () => {
    const tag = `tenant.${crypto.randomUUID().slice(0, 8)}`;
    const actorOf = (t: Tenant) => ({ id: t.users.admin.id, email: t.users.admin.email, role: "admin" });
    for (const t of [a, b]) {
      await recordAuditEvent({ actor: actorOf(t), action: `${tag}.by_actor`, outcome: "success" });
      await recordAuditEvent({ actor: null, action: `${tag}.by_plan`, outcome: "success", planId: t.fx.planId });
      await recordAuditEvent({ actor: { id: null, email: t.users.viewer.email, role: null }, action: `${tag}.sign_in`, outcome: "failure" });
      await recordAuditEvent({ actor: null, action: `${tag}.given`, outcome: "success", organizationId: t.fx.organizationId });
    }
    // Belongs to no organisation: an anonymous refusal, a sign-in for an address nobody has.
    await recordAuditEvent({ actor: null, action: `${tag}.anonymous`, outcome: "denied" });
    await recordAuditEvent({ actor: { id: null, email: `nobody-${crypto.randomUUID()}@tenant.test`, role: null }, action: `${tag}.sign_in`, outcome: "failure" });

    for (const [me, other] of [[a, b], [b, a]] as const) {
      const { events } = await listAuditEvents(me.fx.organizationId, { action: tag, limit: 200 });
      expect(events.map((e) => e.action).sort()).toEqual([`${tag}.by_actor`, `${tag}.by_plan`, `${tag}.given`, `${tag}.sign_in`]);
      expect(events.map((e) => e.actorEmail).filter((e) => e === other.users.admin.email || e === other.users.viewer.email)).toEqual([]);
    }
    // The entries of no organisation are the installation's: its own (default) organisation lists
    // them, and none of the two tenants' entries.
    const installation = await listAuditEvents(DEFAULT_ORGANIZATION_ID, { action: tag, limit: 200 });
    expect(installation.events.map((e) => e.action).sort()).toEqual([`${tag}.anonymous`, `${tag}.sign_in`]);
    expect(installation.events.filter((e) => e.action === `${tag}.sign_in`).map((e) => e.actorEmail)).not.toContain(a.users.viewer.email);
  });

  it("lists none of the other organisation's entries for its scans and actions, whatever the filter", async () => {
    // The scans of both wrote "scan.finish" entries about their plans.
    const mine = await listAuditEvents(a.fx.organizationId, { action: "scan.finish", limit: 200 });
    expect(mine.events.map((e) => e.targetId)).toEqual([a.scanId]);
    const byOtherActor = await listAuditEvents(a.fx.organizationId, { actor: b.users.admin.email, limit: 200 });
    expect(byOtherActor.events).toEqual([]);
  });
});
