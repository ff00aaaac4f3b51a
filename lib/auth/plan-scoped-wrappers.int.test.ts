import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers read the request they are given; server actions read Next.js's headers and
// cookies: here those are the headers of a real session, signed in through better-auth.
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));

import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { createPlan } from "@/lib/plans/save-plan";
import { POST as scanEstimate } from "@/app/api/plans/[planId]/scan-estimate/route";
import { GET as listPlanScans } from "@/app/api/plans/[planId]/scans/route";
import { GET as scanProgress } from "@/app/api/scans/[scanId]/route";
import { startScanAction } from "@/lib/actions/scans/start-scan";
import { selectPlanAction } from "@/lib/actions/plans/select-plan";
import { setLocaleAction } from "@/lib/actions/preferences/set-locale";
import { PLAN_COOKIE } from "@/lib/plans/current-plan";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { reasonText, type ErrorBody } from "@/lib/errors";
import type { Role } from "@/lib/auth/permissions";

/**
 * The plan-scoped wrappers (withPlan for routes, definePlanAction for actions) over the one
 * authorise(): the plan is loaded within the user's organisation, so another organisation's plan
 * is NOT_FOUND exactly as a plan that does not exist; refusals of the role are FORBIDDEN and
 * audited by both; and errors come back with their reason and its parameters, not only a code.
 */
useTestDatabase();

const PASSWORD = "plan-scoped-wrappers-1";
let ours: { organizationId: string; planId: string };
let theirs: { organizationId: string; planId: string; scanId: string };

async function organization(name: string) {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name } });
  const { id: planId } = await createPlan(organizationId, { name: `${name} plan`, description: null, sourceConnectionId: null, sourceRegions: ["eu-central-1"], targetRegions: [] }, null);
  return { organizationId, planId };
}

async function signInAs(role: Role, organizationId = ours.organizationId) {
  const email = `${role}-${crypto.randomUUID()}@wrappers.test`;
  await createUser({ organizationId, email, name: role, role, password: PASSWORD });
  const { headers } = await auth().api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  request.headers = new Headers({ cookie, "x-request-id": crypto.randomUUID(), "x-forwarded-for": "192.0.2.77", "user-agent": "vitest" });
  request.cookies.clear();
  return email;
}

const routeRequest = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, { ...init, headers: request.headers });
const body = async (response: Response) => (await response.json()) as ErrorBody;

beforeAll(async () => {
  ours = await organization("Ours");
  const other = await organization("Theirs");
  const scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId: other.planId, mode: "summary", regions: ["eu-central-1"], status: "complete" } });
  theirs = { ...other, scanId };
});

describe("withPlan (route handlers)", () => {
  it("answers another organisation's plan or scan exactly as one that does not exist", async () => {
    await signInAs("viewer");
    const missing = await listPlanScans(routeRequest("/api/plans/x/scans"), { params: Promise.resolve({ planId: "no-such-plan" }) });
    const foreign = await listPlanScans(routeRequest("/api/plans/x/scans"), { params: Promise.resolve({ planId: theirs.planId }) });
    expect([missing.status, foreign.status]).toEqual([404, 404]);
    const [a, b] = [await body(missing), await body(foreign)];
    expect({ ...a.error, requestId: null }).toEqual({ ...b.error, requestId: null });
    expect(b.error).toMatchObject({ code: "NOT_FOUND", reason: "planNotFound" });
    const scan = await scanProgress(routeRequest("/api/scans/x"), { params: Promise.resolve({ scanId: theirs.scanId }) });
    expect(scan.status).toBe(404);
    expect((await body(scan)).error.reason).toBe("scanNotFound");
    const own = await listPlanScans(routeRequest("/api/plans/x/scans"), { params: Promise.resolve({ planId: ours.planId }) });
    expect(own.status).toBe(200);
  });

  it("gives the error's reason and the English text of it, so the browser can say exactly what is wrong", async () => {
    await signInAs("engineer");
    const response = await scanEstimate(routeRequest("/api/plans/x/scan-estimate", { method: "POST", body: JSON.stringify({ mode: "summary" }) }), {
      params: Promise.resolve({ planId: ours.planId }),
    });
    expect(response.status).toBe(409);
    const { error } = await body(response);
    expect(error).toMatchObject({ code: "CONFLICT", reason: "planNoConnection", message: reasonText("planNoConnection") });
    expect(error.message).toContain("Settings → Connections");
  });

  it("refuses a role without the permission before the plan is loaded, and audits it", async () => {
    const email = await signInAs("viewer");
    const response = await scanEstimate(routeRequest("/api/plans/x/scan-estimate", { method: "POST", body: "{}" }), { params: Promise.resolve({ planId: ours.planId }) });
    expect(response.status).toBe(403);
    expect((await body(response)).error).toMatchObject({ code: "FORBIDDEN", reason: "roleForbids" });
    const refusal = await db().auditEvent.findFirst({ where: { actorEmail: email, action: "access.api", outcome: "denied" } });
    expect(refusal?.details).toMatchObject({ permission: "scan.run" });
  });
});

describe("definePlanAction (server actions)", () => {
  it("loads the plan within the user's organisation: another's is NOT_FOUND, and nothing is done", async () => {
    await signInAs("engineer");
    const before = await db().scan.count({ where: { planId: theirs.planId } });
    const result = await startScanAction({ planId: theirs.planId, mode: "summary", includeShadows: false });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", reason: "planNotFound" } });
    expect(await db().scan.count({ where: { planId: theirs.planId } })).toBe(before);
  });

  it("returns the reason and its parameters, and audits the failure with the plan", async () => {
    const email = await signInAs("engineer");
    const result = await startScanAction({ planId: ours.planId, mode: "summary", includeShadows: false, regions: ["ap-south-9"] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The plan has no connection: that is said before the regions are looked at.
    expect(result.error).toMatchObject({ code: "CONFLICT", reason: "planNoConnection" });
    const failure = await db().auditEvent.findFirst({ where: { actorEmail: email, action: "scan.start", outcome: "failure" } });
    expect(failure).toMatchObject({ planId: ours.planId, details: { code: "CONFLICT", reason: "planNoConnection" } });
  });

  it("refuses a role without the permission, and audits it", async () => {
    const email = await signInAs("viewer");
    const result = await startScanAction({ planId: ours.planId, mode: "summary", includeShadows: false });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", reason: "roleForbids" } });
    expect(await db().auditEvent.count({ where: { actorEmail: email, action: "scan.start", outcome: "denied" } })).toBe(1);
  });

  it("switches the shell to a plan of the user's organisation only", async () => {
    await signInAs("viewer");
    expect(await selectPlanAction({ planId: theirs.planId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(request.cookies.has(PLAN_COOKIE)).toBe(false);
    expect(await selectPlanAction({ planId: ours.planId })).toEqual({ ok: true, data: { planId: ours.planId } });
    expect(request.cookies.get(PLAN_COOKIE)).toBe(ours.planId);
  });
});

describe("the language switch", () => {
  it("works without a session (the sign-in page), validates its input, and is kept on the account when signed in", async () => {
    request.headers = new Headers({ "x-request-id": crypto.randomUUID() });
    request.cookies.clear();
    expect(await setLocaleAction({ locale: "zh-CN" })).toEqual({ ok: true, data: { locale: "zh-CN" } });
    expect(request.cookies.get(LOCALE_COOKIE)).toBe("zh-CN");
    expect(await setLocaleAction({ locale: "klingon" } as never)).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    const email = await signInAs("viewer");
    expect(await setLocaleAction({ locale: "zh-CN" })).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).locale).toBe("zh-CN");
  });
});
