import fs from "node:fs";
import type { APIRequestContext, Browser } from "@playwright/test";
import { test, expect } from "@/e2e/support/fixtures";
import { demoEmail, otherStorageStateOf, storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";
import { E2E_BASE_URL, OTHER_ORG_FILE, OTHER_ORG_USERS, STAND_IN_FILE } from "@/e2e/support/constants";
import type { OtherOrganization } from "@/e2e/support/second-organization";

/**
 * Two organisations on one server (the demo one and the second one the e2e server creates, each
 * with its users, connection, plan and finished scan): every route, action and listing shows one
 * organisation nothing of the other. An id of the other's plan, scan, resource, connection or
 * user answers NOT_FOUND, never FORBIDDEN and never its data; listings hold no row of the other.
 */

interface Ids {
  planId: string;
  planName: string;
  scanId: string;
  resourceId: string;
  connectionId: string;
  userIds: string[];
  emails: string[];
}

const other = (): OtherOrganization => JSON.parse(fs.readFileSync(OTHER_ORG_FILE, "utf8")) as OtherOrganization;

function otherIds(): Ids {
  const o = other();
  return { planId: o.planId, planName: o.planName, scanId: o.scanId, resourceId: o.resourceId, connectionId: o.connectionId, userIds: [o.users.admin.id, o.users.viewer.id], emails: [o.users.admin.email, o.users.viewer.email] };
}

async function waitForScan(request: APIRequestContext, scanId: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/scans/${scanId}`)).json()) as { status: string }).status, { timeout: 240_000, intervals: [1_000, 2_000] })
    .toMatch(/^(complete|partial)$/);
}

/** The demo organisation's own plan, connection and finished scan, made through its admin as a user would. */
async function demoIds(browser: Browser): Promise<Ids> {
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  const request = context.request;
  try {
    const aws = JSON.parse(fs.readFileSync(STAND_IN_FILE, "utf8")) as { url: string; accessKeyId: string; secretAccessKey: string; regions: string[] };
    const stamp = Date.now();
    const connection = await callAction(request, "createConnectionAction", [{ name: `Tenant probe ${stamp}`, authMode: "access-keys", accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, endpointUrl: aws.url, regions: aws.regions.slice(0, 1) }]);
    expect(connection.result?.ok, connection.body.slice(0, 300)).toBe(true);
    const connectionId = (connection.result!.data as { id: string }).id;
    const planName = `Tenant probe plan ${stamp}`;
    const plan = await callAction(request, "createPlanAction", [{ name: planName, description: "", sourceConnectionId: connectionId, sourceRegions: aws.regions.slice(0, 1), targetRegions: ["cn-shanghai"] }]);
    expect(plan.result?.ok, plan.body.slice(0, 300)).toBe(true);
    const planId = (plan.result!.data as { id: string }).id;
    const scan = await callAction(request, "startScanAction", [{ planId, mode: "summary", includeShadows: false }]);
    expect(scan.result?.ok, scan.body.slice(0, 300)).toBe(true);
    const scanId = (scan.result!.data as { scanId: string }).scanId;
    await waitForScan(request, scanId);
    const resources = (await (await request.get(`/api/plans/${planId}/resources?scanId=${scanId}&pageSize=1`)).json()) as { rows: Array<{ id: string }> };
    const users = ((await (await request.get("/api/users")).json()) as { users: Array<{ id: string; email: string }> }).users;
    return { planId, planName, scanId, resourceId: resources.rows[0]!.id, connectionId, userIds: users.map((u) => u.id), emails: users.map((u) => u.email) };
  } finally {
    await context.close();
  }
}

let demo: Ids;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  demo = await demoIds(browser);
});

/** Every route and page that names a plan, scan or resource by id, with the other organisation's ids. */
async function expectNothingOf(request: APIRequestContext, theirs: Ids, mine: Ids, canScan: boolean) {
  const notFound = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const response = method === "POST" ? await request.post(path, { data: body ?? {}, maxRedirects: 0 }) : await request.get(path, { maxRedirects: 0 });
    const text = await response.text();
    expect(response.status(), `${method} ${path}: ${text.slice(0, 200)}`).toBe(404);
    expect((JSON.parse(text) as { error: { code: string } }).error.code, `${method} ${path}`).toBe("NOT_FOUND");
    for (const id of [theirs.planId, theirs.scanId, theirs.connectionId, ...theirs.userIds]) if (!path.includes(id)) expect(text, `${path} says nothing of theirs`).not.toContain(id);
  };
  await notFound("GET", `/api/plans/${theirs.planId}/resources`);
  await notFound("GET", `/api/plans/${theirs.planId}/inventory-summary`);
  await notFound("GET", `/api/plans/${theirs.planId}/scans`);
  await notFound("GET", `/api/plans/${theirs.planId}/export?format=json`);
  await notFound("GET", `/api/plans/${theirs.planId}/export?format=csv`);
  await notFound("GET", `/api/scans/${theirs.scanId}`);
  await notFound("GET", `/api/scans/${theirs.scanId}/diff`);
  await notFound("GET", `/api/resources/${theirs.resourceId}`);
  // Their scan named through my own plan or scan.
  await notFound("GET", `/api/plans/${mine.planId}/resources?scanId=${theirs.scanId}`);
  await notFound("GET", `/api/plans/${mine.planId}/inventory-summary?scanId=${theirs.scanId}`);
  await notFound("GET", `/api/plans/${mine.planId}/export?format=json&scanId=${theirs.scanId}`);
  await notFound("GET", `/api/scans/${mine.scanId}/diff?base=${theirs.scanId}`);
  if (canScan) await notFound("POST", `/api/plans/${theirs.planId}/scan-estimate`, { mode: "summary" });
  for (const path of [`/inventory/scans/${theirs.scanId}`, `/inventory/resources/${theirs.resourceId}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).not.toContain(theirs.planName);
  }
}

/** Every action that names an id, with the other organisation's ids: NOT_FOUND, and nothing of theirs changes. */
async function expectActionsNotFound(request: APIRequestContext, theirs: Ids, admin: boolean) {
  const notFound = async (name: string, args: unknown) => {
    const call = await callAction(request, name, [args]);
    expect(call.result?.error?.code, `${name}: ${call.body.slice(0, 300)}`).toBe("NOT_FOUND");
  };
  await notFound("selectPlanAction", { planId: theirs.planId });
  if (!admin) return;
  const plan = { name: "Taken over", description: "", sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] };
  const connection = { name: "Taken over", authMode: "access-keys", accessKeyId: "AKIATAKENOVER0000000", secretAccessKey: "taken-over-0123456789", regions: ["eu-central-1"] };
  await notFound("updatePlanAction", { ...plan, planId: theirs.planId });
  await notFound("archivePlanAction", { planId: theirs.planId });
  await notFound("createPlanAction", { ...plan, sourceConnectionId: theirs.connectionId });
  await notFound("startScanAction", { planId: theirs.planId, mode: "summary", includeShadows: false });
  await notFound("cancelScanAction", { scanId: theirs.scanId });
  await notFound("resumeScanAction", { scanId: theirs.scanId });
  await notFound("testConnectionAction", { connectionId: theirs.connectionId });
  await notFound("updateConnectionAction", { connectionId: theirs.connectionId, connection });
  await notFound("deleteConnectionAction", { connectionId: theirs.connectionId });
  for (const userId of theirs.userIds) {
    await notFound("changeUserRoleAction", { userId, role: "admin" });
    await notFound("setUserDisabledAction", { userId, disabled: true });
    await notFound("resetUserPasswordAction", { userId, password: "taken-over-password-0123" });
  }
}

/** Every listing the signed-in user may read, holding no row of the other organisation. */
async function expectListingsOwnOnly(request: APIRequestContext, theirs: Ids, mine: Ids, who: { admin: boolean; email: string; installation: boolean }) {
  const scans = ((await (await request.get(`/api/plans/${mine.planId}/scans`)).json()) as { scans: Array<{ id: string }> }).scans.map((s) => s.id);
  expect(scans).toContain(mine.scanId);
  expect(scans).not.toContain(theirs.scanId);
  const resources = await request.get(`/api/plans/${mine.planId}/resources?scanId=${mine.scanId}&pageSize=200`);
  const rows = ((await resources.json()) as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows).not.toContain(theirs.resourceId);
  const exported = await (await request.get(`/api/plans/${mine.planId}/export?format=json&scanId=${mine.scanId}`)).text();
  expect(exported).toContain(mine.planName);
  expect(exported).not.toContain(theirs.planName);
  expect(exported).not.toContain(theirs.scanId);
  const progress = await (await request.get(`/api/scans/${mine.scanId}`)).text();
  expect(progress).not.toContain(theirs.scanId);
  const diff = await (await request.get(`/api/scans/${mine.scanId}/diff`)).text();
  expect(diff).not.toContain(theirs.scanId);
  const detail = await (await request.get(`/api/resources/${mine.resourceId}`)).text();
  expect(detail).not.toContain(theirs.planId);
  expect(detail).not.toContain(theirs.scanId);

  const plansPage = await (await request.get("/settings/plans")).text();
  expect(plansPage).toContain(mine.planName);
  expect(plansPage).not.toContain(theirs.planName);
  expect(plansPage).not.toContain(theirs.planId);
  const inventoryPage = await (await request.get("/inventory")).text();
  expect(inventoryPage).not.toContain(theirs.planName);

  if (!who.admin) return;
  const users = ((await (await request.get("/api/users")).json()) as { users: Array<{ id: string; email: string }> }).users;
  expect(users.map((u) => u.email)).toContain(who.email);
  expect(users.filter((u) => theirs.userIds.includes(u.id) || theirs.emails.includes(u.email))).toEqual([]);
  const connections = ((await (await request.get("/api/connections")).json()) as { connections: Array<{ id: string }> }).connections.map((c) => c.id);
  expect(connections).toContain(mine.connectionId);
  expect(connections).not.toContain(theirs.connectionId);
  // The audit log: every entry is of this organisation (its own users, or about its own plans);
  // an entry of a failed attempt at one of their ids, by one of us, is ours.
  const audit = ((await (await request.get("/api/audit?limit=200")).json()) as { events: Array<{ actorEmail: string | null; action: string }> }).events;
  expect(audit.length).toBeGreaterThan(0);
  const ours = new Set(users.map((u) => u.email));
  expect(audit.filter((e) => e.actorEmail !== null && theirs.emails.includes(e.actorEmail)).map((e) => `${e.actorEmail} ${e.action}`)).toEqual([]);
  // An actor that is none of ours: only a failed sign-in for an address nobody has, which is the
  // installation's and listed to its own (default) organisation alone.
  const strangers = audit.filter((e) => e.actorEmail !== null && !ours.has(e.actorEmail));
  if (who.installation) expect(strangers.filter((e) => e.action !== "auth.sign_in").map((e) => `${e.actorEmail} ${e.action}`)).toEqual([]);
  else expect(strangers.map((e) => `${e.actorEmail} ${e.action}`)).toEqual([]);
  const finished = ((await (await request.get("/api/audit?action=scan.finish&limit=200")).json()) as { events: Array<{ targetId: string | null }> }).events.map((e) => e.targetId);
  expect(finished).toContain(mine.scanId);
  expect(finished).not.toContain(theirs.scanId);
  const auditByTheirs = ((await (await request.get(`/api/audit?actor=${encodeURIComponent(theirs.emails[0]!)}&limit=200`)).json()) as { events: unknown[] }).events;
  expect(auditByTheirs).toEqual([]);
}

for (const side of ["demo", "other"] as const) {
  for (const role of ["admin", "viewer"] as const) {
    test.describe(`the ${side} organisation's ${role}`, () => {
      test.use({ storageState: side === "demo" ? storageStateOf(role) : otherStorageStateOf(role) });
      const pick = () => (side === "demo" ? { mine: demo, theirs: otherIds() } : { mine: otherIds(), theirs: demo });
      const email = side === "demo" ? demoEmail(role) : OTHER_ORG_USERS[role];

      test("gets NOT_FOUND for every id of the other organisation, on every route and page", async ({ page }) => {
        const { mine, theirs } = pick();
        await expectNothingOf(page.request, theirs, mine, role === "admin");
      });

      test("gets NOT_FOUND from every action given an id of the other organisation", async ({ page }) => {
        await expectActionsNotFound(page.request, pick().theirs, role === "admin");
      });

      test("cannot move itself into the other organisation, nor raise its role, through the sign-in library's own endpoint", async ({ page }) => {
        const { theirs } = pick();
        const before = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { role: string; organizationId: string } };
        const theirOrganization = side === "demo" ? other().organizationId : "default";
        // Refused or ignored: either way, nothing of the user's organisation or role changes.
        await page.request.post("/api/auth/update-user", { data: { organizationId: theirOrganization, role: "admin" }, headers: { origin: E2E_BASE_URL } });
        const after = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { role: string; organizationId: string } };
        expect([after.user.role, after.user.organizationId]).toEqual([before.user.role, before.user.organizationId]);
        expect(after.user.organizationId).not.toBe(theirOrganization);
        expect((await page.request.get(`/api/plans/${theirs.planId}/scans`)).status()).toBe(404);
      });

      test("lists nothing of the other organisation", async ({ page }) => {
        const { mine, theirs } = pick();
        await expectListingsOwnOnly(page.request, theirs, mine, { admin: role === "admin", email, installation: side === "demo" });
      });
    });
  }
}

test("after all that, nothing of either organisation changed", async ({ browser }) => {
  const o = other();
  const context = await browser.newContext({ storageState: otherStorageStateOf("admin") });
  try {
    const users = ((await (await context.request.get("/api/users")).json()) as { users: Array<{ id: string; role: string; disabled: boolean }> }).users;
    expect(users.map((u) => [u.id, u.role, u.disabled]).sort()).toEqual([[o.users.admin.id, "admin", false], [o.users.viewer.id, "viewer", false]].sort());
    const connections = ((await (await context.request.get("/api/connections")).json()) as { connections: Array<{ id: string; name: string }> }).connections;
    expect(connections.map((c) => [c.id, c.name])).toEqual([[o.connectionId, o.connectionName]]);
    const plansPage = await (await context.request.get("/settings/plans")).text();
    expect(plansPage).toContain(o.planName);
    expect(plansPage).not.toContain("Taken over");
  } finally {
    await context.close();
  }
  const demoAdmin = await browser.newContext({ storageState: storageStateOf("admin") });
  try {
    const connections = ((await (await demoAdmin.request.get("/api/connections")).json()) as { connections: Array<{ id: string; name: string }> }).connections;
    expect(connections.find((c) => c.id === demo.connectionId)?.name).toMatch(/^Tenant probe/);
    const users = ((await (await demoAdmin.request.get("/api/users")).json()) as { users: Array<{ email: string; role: string; disabled: boolean }> }).users;
    expect(users.filter((u) => u.email.endsWith("@demo.silkroute.local")).every((u) => !u.disabled)).toBe(true);
    expect(users.find((u) => u.email === demoEmail("viewer"))?.role).toBe("viewer");
  } finally {
    await demoAdmin.close();
  }
});
