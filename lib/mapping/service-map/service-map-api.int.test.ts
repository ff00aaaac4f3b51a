import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers read the request they are given; the session is a real one, signed in through better-auth.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));

import { db, pool } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { createPlan } from "@/lib/plans/save-plan";
import { loadScopedPlan, type ScopedPlan } from "@/lib/plans/scoped-plan";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { buildServiceMapGraph } from "@/lib/mapping/service-map/build-service-map-graph";
import { readServiceMap } from "@/lib/mapping/service-map/read-service-map";
import { listNodeProposals, type NodeProposalPage } from "@/lib/mapping/service-map/list-node-proposals";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";
import { GET as getServiceMap } from "@/app/api/plans/[planId]/service-map/route";
import { GET as getNodeProposals } from "@/app/api/plans/[planId]/service-map/nodes/[nodeId]/route";
import type { ErrorBody } from "@/lib/errors";

/**
 * The service map's reads: the newest succeeded mapping run of a plan (its graph and counts) and
 * the proposals of one node, paged by id, filtered by status and name; through the lib functions
 * and the route handlers, with another organisation's plan answered as one that does not exist.
 */
useTestDatabase();

const REGION = "eu-central-1";
const arn = (resource: string) => `arn:aws:iot:${REGION}:123456789012:${resource}`;
const thing = (name: string, type: string | null): ScanResource => ({
  kind: "AWS::IoT::Thing",
  arn: arn(`thing/${name}`),
  name,
  region: REGION,
  tags: {},
  raw: { thing: { thingName: name, ...(type ? { thingTypeName: type } : {}) } },
  problem: null,
});

function estate(): { resources: ScanResource[]; relations: ScanRelation[] } {
  const resources: ScanResource[] = [
    { kind: "AWS::IoT::ThingType", arn: arn("thingtype/meter"), name: "meter", region: REGION, tags: {}, raw: { thingType: { thingTypeName: "meter" } }, problem: null },
    ...Array.from({ length: 120 }, (_, i) => thing(`meter-${String(i).padStart(3, "0")}`, "meter")),
    { ...thing("legacy-box", "meter"), raw: { thing: { thingName: "legacy-box", thingTypeName: "meter" }, shadows: { classic: null, named: { a: {} } } } },
    thing("lonely", null),
  ];
  return { resources, relations: [] };
}

async function storeRun(plan: ScopedPlan, options: { status?: string; startedAt?: Date } = {}) {
  const { resources, relations } = estate();
  const mapped = mapScan({ resources, relations, catalogue: readCurrentCatalogueSeed() });
  const { graph, nodeOf } = buildServiceMapGraph({ proposals: mapped.proposals, products: mapped.products, relations });
  const runId = crypto.randomUUID();
  await pool().query(
    `INSERT INTO mapping_runs (id, plan_id, scan_id, status, catalogue_version, coverage, by_kind, graph, proposal_count, started_at, finished_at)
     VALUES ($1, $2, $3, $4, '2026-12', $5, $6, $7, $8, $9, $9)`,
    [runId, plan.id, `scan-${runId}`, options.status ?? "succeeded", mapped.coverage, mapped.byKind, graph, mapped.proposals.length, options.startedAt ?? new Date()],
  );
  for (const p of mapped.proposals) {
    await pool().query(
      `INSERT INTO mapping_proposals (run_id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, properties, reasons, choices, alternatives, node_id)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [runId, p.kind, p.arn, p.name, REGION, p.status, p.target, p.rosType, p.fit, p.properties, JSON.stringify(p.reasons), p.choices ? JSON.stringify(p.choices) : null, p.alternatives ? JSON.stringify(p.alternatives) : null, nodeOf(p.kind, p.arn)],
    );
  }
  return { runId, graph, count: mapped.proposals.length };
}

const PASSWORD = "service-map-api-1";
let ours: ScopedPlan;
let theirs: ScopedPlan;
let empty: ScopedPlan;
let stored: { runId: string; graph: ServiceMapGraph; count: number };

async function organization(name: string) {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name } });
  const plan = async (label: string) => {
    const { id } = await createPlan(organizationId, { name: `${name} ${label}`, description: null, sourceConnectionId: null, sourceRegions: [REGION], targetRegions: [] }, null);
    return loadScopedPlan(organizationId, id);
  };
  return { organizationId, plan };
}

async function signInAs(organizationId: string) {
  const email = `viewer-${crypto.randomUUID()}@service-map.test`;
  await createUser({ organizationId, email, name: "Viewer", role: "viewer", password: PASSWORD });
  const { headers } = await auth().api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  request.headers = new Headers({ cookie, "x-request-id": crypto.randomUUID(), "user-agent": "vitest" });
}

const thingTypeNode = () => stored.graph.nodes.find((n) => n.side === "aws" && n.label === "meter")!;

beforeAll(async () => {
  const a = await organization("Ours");
  ours = await a.plan("fleet");
  empty = await a.plan("empty");
  const b = await organization("Theirs");
  theirs = await b.plan("fleet");
  // An older succeeded run, a newer failed one and the newest succeeded one: the last is read.
  await storeRun(ours, { startedAt: new Date(Date.now() - 60_000) });
  await storeRun(ours, { status: "failed", startedAt: new Date(Date.now() + 60_000) });
  stored = await storeRun(ours);
  await storeRun(theirs);
  await signInAs(a.organizationId);
}, 120_000);

describe("readServiceMap", () => {
  it("reads the newest succeeded run with its graph and counts", async () => {
    const map = await readServiceMap(ours);
    expect(map).toMatchObject({ runId: stored.runId, catalogueVersion: "2026-12", proposalCount: stored.count });
    expect(map?.graph).toEqual(stored.graph);
    expect(map?.coverage).toMatchObject({ mapped: 122, blocked: 1 });
    expect(map?.byKind?.["AWS::IoT::Thing"]).toMatchObject({ mapped: 121, blocked: 1 });
    expect(await readServiceMap(empty)).toBeNull();
  });
});

describe("listNodeProposals", () => {
  it("pages a node's proposals by id, 50 at a time, to the end", async () => {
    const node = thingTypeNode();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = (await listNodeProposals(ours, node.id, { after })) as NodeProposalPage;
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(50);
      seen.push(...page.items.map((p) => p.id));
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(node.members);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((x, y) => (x < y ? -1 : 1)));
  });

  it("filters by status and by name, and reads the Alibaba node as its AWS node", async () => {
    const node = thingTypeNode();
    const blocked = await listNodeProposals(ours, node.id, { status: "blocked" });
    expect(blocked?.items.map((p) => p.name)).toEqual(["legacy-box"]);
    expect(blocked?.items[0]).toMatchObject({ status: "blocked", proposedStatus: "blocked", overridden: false, overrideStale: false, rosType: "ALIYUN::IOT::Device" });
    expect(blocked?.items[0]?.reasons.map((r) => r.code)).toContain("named-shadows");
    const named = await listNodeProposals(ours, node.id, { q: "METER-01" });
    expect(named?.items.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `meter-01${i}`));
    // LIKE's wildcards are searched as text.
    expect((await listNodeProposals(ours, node.id, { q: "%" }))?.items).toEqual([]);
    const alibaba = stored.graph.nodes.find((n) => n.sources.includes(node.id))!;
    expect((await listNodeProposals(ours, alibaba.id, { status: "blocked" }))?.items.map((p) => p.name)).toEqual(["legacy-box"]);
    expect(await listNodeProposals(empty, node.id, {})).toBeNull();
  });
});

describe("the service-map routes", () => {
  const get = (path: string) => new Request(`http://localhost${path}`, { headers: request.headers });

  it("answer the plan's map and a node's proposals, validated", async () => {
    const map = await getServiceMap(get("/api/plans/x/service-map"), { params: Promise.resolve({ planId: ours.id }) });
    expect(map.status).toBe(200);
    const { map: view } = (await map.json()) as { map: { runId: string; graph: ServiceMapGraph } };
    expect(view.runId).toBe(stored.runId);
    expect(view.graph.nodes.length).toBe(stored.graph.nodes.length);
    const none = await getServiceMap(get("/api/plans/x/service-map"), { params: Promise.resolve({ planId: empty.id }) });
    expect(await none.json()).toEqual({ map: null });

    const node = thingTypeNode();
    const page = await getNodeProposals(get(`/api/plans/x/service-map/nodes/x?status=blocked`), { params: Promise.resolve({ planId: ours.id, nodeId: node.id }) });
    expect(page.status).toBe(200);
    expect(((await page.json()) as NodeProposalPage).items.map((p) => p.name)).toEqual(["legacy-box"]);
    const badStatus = await getNodeProposals(get(`/api/plans/x/service-map/nodes/x?status=maybe`), { params: Promise.resolve({ planId: ours.id, nodeId: node.id }) });
    expect(badStatus.status).toBe(400);
    const badNode = await getNodeProposals(get(`/api/plans/x/service-map/nodes/x`), { params: Promise.resolve({ planId: ours.id, nodeId: "../../etc" }) });
    expect(badNode.status).toBe(400);
    const noRun = await getNodeProposals(get(`/api/plans/x/service-map/nodes/x`), { params: Promise.resolve({ planId: empty.id, nodeId: node.id }) });
    expect(noRun.status).toBe(404);
    expect(((await noRun.json()) as ErrorBody).error.reason).toBe("mappingRunNotFound");
  });

  it("answer another organisation's plan exactly as one that does not exist", async () => {
    const foreign = await getServiceMap(get("/api/plans/x/service-map"), { params: Promise.resolve({ planId: theirs.id }) });
    const missing = await getServiceMap(get("/api/plans/x/service-map"), { params: Promise.resolve({ planId: "no-such-plan" }) });
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(((await foreign.json()) as ErrorBody).error.reason).toBe("planNotFound");
    const node = await getNodeProposals(get("/api/plans/x/service-map/nodes/x"), { params: Promise.resolve({ planId: theirs.id, nodeId: thingTypeNode().id }) });
    expect(node.status).toBe(404);
    expect(((await node.json()) as ErrorBody).error.reason).toBe("planNotFound");
  });
});
