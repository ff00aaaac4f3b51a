import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers read the request they are given: here the headers of a real session (better-auth).
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));

import { db } from "@/lib/db";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { createPlan } from "@/lib/plans/save-plan";
import { GET as terraformExport } from "@/app/api/plans/[planId]/exports/terraform/route";
import { GET as rosExport } from "@/app/api/plans/[planId]/exports/ros/route";
import type { ErrorBody } from "@/lib/errors";
import { buildIacInput } from "@/lib/testing/iac-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/** The IaC download routes: a viewer may download (servicemap.read), another organisation's plan is NOT_FOUND. */
useTestDatabase();

const PASSWORD = "iac-export-routes-1";
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as object;
let organizationId: string;
let planId: string;
let unmappedPlanId: string;
let foreignPlanId: string;

async function signInAsViewer() {
  const email = `viewer-${crypto.randomUUID()}@iac.test`;
  await createUser({ organizationId, email, name: "viewer", role: "viewer", password: PASSWORD });
  const { headers } = await auth().api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const cookie = headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  request.headers = new Headers({ cookie, "x-request-id": crypto.randomUUID(), "x-forwarded-for": "192.0.2.78", "user-agent": "vitest" });
}

const get = (handler: typeof terraformExport, id: string, query = "") =>
  handler(new Request(`http://localhost/api/plans/${id}/exports/x${query}`, { headers: request.headers }), { params: Promise.resolve({ planId: id }) });

beforeAll(async () => {
  organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "IaC routes" } });
  const plan = (name: string, org = organizationId) => createPlan(org, { name, description: null, sourceConnectionId: null, sourceRegions: ["eu-central-1"], targetRegions: [] }, null);
  planId = (await plan("Mapped")).id;
  unmappedPlanId = (await plan("Not mapped")).id;
  const otherOrg = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: otherOrg, name: "Theirs" } });
  foreignPlanId = (await plan("Theirs", otherOrg)).id;
  const { result } = buildIacInput();
  for (const target of [planId, foreignPlanId]) {
    const runId = crypto.randomUUID();
    await db().mappingRun.create({ data: { id: runId, planId: target, scanId: crypto.randomUUID(), status: "succeeded", products: toJson(result.products), republishRules: toJson(result.republishRules) } });
    await db().mappingProposal.createMany({
      data: result.proposals.map((p) => ({ runId, kind: p.kind, arn: p.arn, name: p.name, region: "eu-central-1", status: p.status, proposedStatus: p.status, target: p.target, rosType: p.rosType, fit: p.fit, properties: toJson(p.properties), reasons: toJson(p.reasons), targetResources: toJson(p.targetResources) })),
    });
  }
  await signInAsViewer();
});

describe("IaC download routes", () => {
  it("give a viewer the Terraform files as one JSON bundle, as an attachment", async () => {
    const response = await get(terraformExport, planId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="silkroute-terraform-[A-Za-z0-9-]+\.json"$/);
    const bundle = (await response.json()) as { format: string; files: Array<{ path: string; content: string }>; warnings: string[] };
    expect(bundle.format).toBe("terraform");
    expect(bundle.files.map((f) => f.path)).toEqual(expect.arrayContaining(["main.tf", "variables.tf", "versions.tf", "ros/ros-eu-central-1.json"]));
  });

  it("give the ROS templates the same way", async () => {
    const response = await get(rosExport, planId);
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as { files: Array<{ path: string; content: string }> };
    const template = JSON.parse(bundle.files.find((f) => f.path === "ros-eu-central-1.json")?.content ?? "{}") as { ROSTemplateFormatVersion: string };
    expect(template.ROSTemplateFormatVersion).toBe("2015-09-01");
  });

  it("answer NOT_FOUND for another organisation's plan, for a plan without a mapping run, and refuse unknown query parameters", async () => {
    const foreign = await get(rosExport, foreignPlanId);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as ErrorBody).error.reason).toBe("planNotFound");
    const unmapped = await get(terraformExport, unmappedPlanId);
    expect(unmapped.status).toBe(404);
    expect(((await unmapped.json()) as ErrorBody).error.reason).toBe("iacNoMappingRun");
    expect((await get(rosExport, planId, "?evil=1")).status).toBe(400);
  });
});
