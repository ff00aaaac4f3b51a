import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Server actions read the request's headers and cookies from Next.js; here they are the headers
// of a real session, signed in through better-auth against the test database.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

import { db, pool } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { createConnection } from "@/lib/connections/save-connection";
import { awsConnectionInputSchema } from "@/lib/connections/connection-input";
import { createPlanAction } from "@/lib/actions/plans/create-plan";
import { updatePlanAction } from "@/lib/actions/plans/update-plan";
import { startScanAction } from "@/lib/actions/scans/start-scan";
import { cancelScanAction } from "@/lib/actions/scans/cancel-scan";
import { resumeScanAction } from "@/lib/actions/scans/resume-scan";
import { testConnectionAction } from "@/lib/actions/connections/test-connection";
import { setUserDisabledAction } from "@/lib/actions/users/set-user-disabled";
import { queue } from "@/lib/jobs/queue";

const database = useTestDatabase();

const PASSWORD = "transactions-are-atomic-1";
let organizationId: string;
let connectionId: string;

/** A trigger that makes the database refuse the audit rows of one action about one name: a real insert failure. */
async function refuseAuditRows(action: string, marker: string) {
  const fn = `refuse_audit_${crypto.randomBytes(4).toString("hex")}`;
  await pool().query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit row refused by the test'; END $$`);
  await pool().query(
    `CREATE TRIGGER ${fn} BEFORE INSERT ON audit_events FOR EACH ROW
     WHEN (NEW.action = '${action}' AND NEW.outcome = 'success' AND (NEW.details::text LIKE '%${marker}%' OR NEW.target_id = '${marker}'))
     EXECUTE FUNCTION ${fn}()`,
  );
  return async () => {
    await pool().query(`DROP TRIGGER ${fn} ON audit_events`);
    await pool().query(`DROP FUNCTION ${fn}()`);
  };
}

async function signInAs(role: "admin" | "engineer") {
  const email = `${role}-${crypto.randomUUID()}@actions.test`;
  await createUser({ organizationId, email, name: role, role, password: PASSWORD });
  const { headers } = await auth().api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  request.headers = new Headers({ cookie, "x-request-id": crypto.randomUUID(), "x-forwarded-for": "192.0.2.55", "user-agent": "vitest" });
}

async function auditRows(action: string, where: { targetId?: string; name?: string }) {
  const rows = await db().auditEvent.findMany({ where: { action, ...(where.targetId ? { targetId: where.targetId } : {}) }, orderBy: { id: "asc" } });
  return where.name ? rows.filter((r) => JSON.stringify(r.details ?? {}).includes(where.name!)) : rows;
}

beforeAll(async () => {
  organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Actions org" } });
  connectionId = (
    await createConnection(
      organizationId,
      awsConnectionInputSchema.parse({ name: "Unreachable", authMode: "access-keys", accessKeyId: "AKIAEXAMPLEEXAMPLE", secretAccessKey: "secret", endpointUrl: "http://127.0.0.1:9", regions: ["eu-central-1"] }),
      null,
    )
  ).id;
  // A running installation: its workers have set up the job queue.
  await queue();
});

afterAll(async () => {
  // The scan parts these actions queued are nobody's to run: leave the queue as it was.
  const boss = await queue();
  await boss.purgeQueue("inventory.scan-part").catch(() => undefined);
  await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
});

describe("an action and its audit entry are one transaction", () => {
  it("a plan whose audit entry the database refuses is not created, and the action reports failure", async () => {
    await signInAs("admin");
    const name = `audit-refused-${crypto.randomUUID()}`;
    const restore = await refuseAuditRows("plan.create", name);
    try {
      const result = await createPlanAction({ name, sourceRegions: [], targetRegions: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("INTERNAL");
    } finally {
      await restore();
    }
    expect(await db().migrationPlan.count({ where: { name } })).toBe(0);
    // The failure is on record; no success entry is.
    const rows = await auditRows("plan.create", { name });
    expect(rows.map((r) => r.outcome)).toEqual([]);
    const failures = await db().auditEvent.findMany({ where: { action: "plan.create", outcome: "failure", requestId: request.headers.get("x-request-id") } });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.details).toMatchObject({ code: "INTERNAL" });
  });

  it("the same action with a writable audit entry creates the plan and records it once", async () => {
    await signInAs("admin");
    const name = `audited-${crypto.randomUUID()}`;
    const result = await createPlanAction({ name, sourceRegions: [], targetRegions: [] });
    expect(result.ok).toBe(true);
    expect(await db().migrationPlan.count({ where: { name } })).toBe(1);
    const rows = await auditRows("plan.create", { name });
    expect(rows.map((r) => r.outcome)).toEqual(["success"]);
    expect(rows[0]!.ipAddress).toBe("192.0.2.55");
  });

  it("a plan-scoped change is rolled back when its audit entry is refused", async () => {
    await signInAs("admin");
    const created = await createPlanAction({ name: `before-${crypto.randomUUID()}`, sourceRegions: [], targetRegions: [] });
    expect(created.ok).toBe(true);
    const planId = created.ok ? created.data.id : "";
    const renamed = `after-${crypto.randomUUID()}`;
    const restore = await refuseAuditRows("plan.update", renamed);
    try {
      const result = await updatePlanAction({ planId, name: renamed, sourceRegions: [], targetRegions: [] });
      expect(result.ok).toBe(false);
    } finally {
      await restore();
    }
    expect((await db().migrationPlan.findUniqueOrThrow({ where: { id: planId } })).name).not.toBe(renamed);
  });

  it("starting a scan records it and queues its parts in the action's transaction (embedded database included)", async () => {
    await signInAs("engineer");
    const admin = await createPlanAction({ name: "never used", sourceRegions: [], targetRegions: [] });
    expect(admin.ok).toBe(false); // an engineer cannot create plans: the refusal is audited, nothing is made
    const planId = crypto.randomUUID();
    await db().migrationPlan.create({ data: { id: planId, organizationId, name: `scan-plan-${planId}`, sourceConnectionId: connectionId, sourceRegions: ["eu-central-1"], targetRegions: [] } });
    const started = await startScanAction({ planId, mode: "summary", includeShadows: false });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const scanId = started.ok ? started.data.scanId : "";
    expect(await db().scan.count({ where: { id: scanId } })).toBe(1);
    expect(await db().scanTask.count({ where: { scanId } })).toBeGreaterThan(0);
    const jobs = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'inventory.scan-part' AND data->>'scanId' = $1`, [scanId]);
    expect(Number(jobs.rows[0]!.n)).toBe(2); // eu-central-1 and the global part
    expect((await auditRows("scan.start", { targetId: scanId })).map((r) => r.outcome)).toEqual(["success"]);
    expect(database.kind()).toMatch(/postgres|pglite/);
  });

  it("a scan whose audit entry is refused leaves neither the scan nor its jobs behind", async () => {
    await signInAs("engineer");
    const planId = crypto.randomUUID();
    await db().migrationPlan.create({ data: { id: planId, organizationId, name: `refused-scan-${planId}`, sourceConnectionId: connectionId, sourceRegions: ["eu-central-1"], targetRegions: [] } });
    const restore = await refuseAuditRows("scan.start", "summary");
    let result;
    try {
      result = await startScanAction({ planId, mode: "summary", includeShadows: false });
    } finally {
      await restore();
    }
    expect(result.ok).toBe(false);
    expect(await db().scan.count({ where: { planId } })).toBe(0);
    const jobs = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM pgboss.job j WHERE name = 'inventory.scan-part' AND NOT EXISTS (SELECT 1 FROM scans s WHERE s.id::text = j.data->>'scanId')`,
    );
    expect(Number(jobs.rows[0]!.n)).toBe(0);
  });

  it("cancelling and resuming a scan go through the same transaction, jobs included", async () => {
    await signInAs("engineer");
    const planId = crypto.randomUUID();
    await db().migrationPlan.create({ data: { id: planId, organizationId, name: `resume-plan-${planId}`, sourceConnectionId: connectionId, sourceRegions: ["eu-central-1"], targetRegions: [] } });
    const started = await startScanAction({ planId, mode: "summary", includeShadows: false });
    expect(started.ok).toBe(true);
    const scanId = started.ok ? started.data.scanId : "";
    expect((await cancelScanAction({ scanId })).ok).toBe(true);
    // The parts stopped (as a worker would record it).
    await db().scan.update({ where: { id: scanId }, data: { status: "cancelled" } });
    await db().scanTask.updateMany({ where: { scanId }, data: { status: "cancelled" } });
    const resumed = await resumeScanAction({ scanId });
    expect(resumed.ok, JSON.stringify(resumed)).toBe(true);
    if (resumed.ok) expect(resumed.data.attempt).toBe(2);
    const jobs = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'inventory.scan-part' AND data->>'scanId' = $1 AND (data->>'attempt')::int = 2`, [scanId]);
    expect(Number(jobs.rows[0]!.n)).toBe(2);
    expect((await db().scan.findUniqueOrThrow({ where: { id: scanId } })).status).toBe("queued");
  });

  it("disabling a user is undone when its audit entry is refused: the sessions stay too", async () => {
    await signInAs("admin");
    const target = await createUser({ organizationId, email: `target-${crypto.randomUUID()}@actions.test`, name: "Target", role: "viewer", password: PASSWORD });
    await auth().api.signInEmail({ body: { email: target.email, password: PASSWORD }, headers: new Headers() });
    const sessions = await db().session.count({ where: { userId: target.id } });
    expect(sessions).toBe(1);
    const restore = await refuseAuditRows("user.set_disabled", target.id);
    try {
      expect((await setUserDisabledAction({ userId: target.id, disabled: true })).ok).toBe(false);
    } finally {
      await restore();
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
    expect(await db().session.count({ where: { userId: target.id } })).toBe(1);
  });
});

describe("an action that waits on the network holds no transaction", () => {
  it("testing a connection records its result even when the audit entry cannot be written, and reports the test, not a failure", async () => {
    await signInAs("admin");
    const restore = await refuseAuditRows("connection.test", connectionId);
    let result;
    try {
      result = await testConnectionAction({ connectionId });
    } finally {
      await restore();
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.data.ok).toBe(false); // nothing listens on 127.0.0.1:9
    const connection = await db().cloudConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.lastTestedAt).not.toBeNull();
    expect(connection.lastTestOk).toBe(false);
    expect(await db().auditEvent.count({ where: { action: "connection.test", targetId: connectionId, outcome: "failure" } })).toBe(0);
  });
});
