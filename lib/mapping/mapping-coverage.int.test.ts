import { beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

import { db, sqlQuery } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { createMappingDecisionsFixture, signInHeaders, type MappingDecisionsFixture } from "@/lib/testing/mapping-decisions-fixture";
import { decideProposalAction } from "@/lib/actions/mapping/decide-proposal";
import { setMappingChoicesAction } from "@/lib/actions/mapping/set-mapping-choices";
import { GET as listDecisions } from "@/app/api/plans/[planId]/mapping/decisions/route";
import { GET as readCoverage } from "@/app/api/plans/[planId]/mapping/coverage/route";
import { GET as readChoices } from "@/app/api/plans/[planId]/mapping/choices/route";
import { GET as exportMapping } from "@/app/api/plans/[planId]/exports/mapping/route";
import type { OpenDecisionsPage } from "@/lib/mapping/list-open-decisions";
import type { MappingCoverage } from "@/lib/mapping/read-mapping-coverage";
import type { Role } from "@/lib/auth/permissions";

/**
 * What the coverage page reads: the coverage with the plan's overrides, the open decisions page by
 * page, the plan's mapping choices (validated, audited, a region change checked for what it
 * breaks), and the mapping's CSV and JSON exports; all within the user's organisation.
 */
useTestDatabase();

let fx: MappingDecisionsFixture;
const queueArn = "arn:aws:sqs:eu-central-1:123456789012:telemetry-queue";

async function signInAs(role: Role, organizationId = fx.organizationId) {
  const { email, headers } = await signInHeaders(role, organizationId);
  request.headers = headers;
  return email;
}

const get = (path: string) => new Request(`http://localhost${path}`, { headers: request.headers });
const params = (planId = fx.planId) => ({ params: Promise.resolve({ planId }) });

beforeAll(async () => {
  fx = await createMappingDecisionsFixture();
});

describe("the coverage and the open decisions", () => {
  it("pages through the open decisions by keyset, filters by kind and status, and shows who decided what", async () => {
    await signInAs("architect");
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response = await listDecisions(get(`/api/plans/x/mapping/decisions?limit=1${after ? `&after=${after}` : ""}`), params());
      expect(response.status).toBe(200);
      const page = (await response.json()) as OpenDecisionsPage;
      expect(page.runId).toBe(fx.runId);
      seen.push(...page.items.map((i) => i.arn));
      after = page.nextAfter;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen.every((arn) => /sqs|kinesis/.test(arn))).toBe(true);

    const streams = (await (await listDecisions(get("/api/plans/x/mapping/decisions?kind=AWS::Kinesis::Stream"), params())).json()) as OpenDecisionsPage;
    expect(streams.items).toHaveLength(1);
    expect(streams.items[0]!.candidates.map((c) => c.name)).toEqual(["DataHub", "Simple Log Service (SLS) Logstore"]);
    const unmapped = (await (await listDecisions(get("/api/plans/x/mapping/decisions?status=none,blocked"), params())).json()) as OpenDecisionsPage;
    expect(unmapped.items.map((i) => i.status).sort()).toEqual(["blocked", "none"]);
    // No candidates in the proposal: the catalogue's targets of the kind are offered.
    expect(unmapped.items.find((i) => i.kind === "AWS::IoT::Certificate")!.candidates.map((c) => c.rank)).toEqual([1, 2]);

    const bad = await listDecisions(get("/api/plans/x/mapping/decisions?status=maybe"), params());
    expect(bad.status).toBe(400);

    const email = await signInAs("architect");
    expect((await decideProposalAction({ planId: fx.planId, runId: fx.runId, kind: "AWS::SQS::Queue", arn: queueArn, status: "mapped", target: "ApsaraMQ for RocketMQ", reason: "RocketMQ is in use." })).ok).toBe(true);
    await sqlQuery(`UPDATE mapping_proposals SET override_stale = true WHERE run_id = $1 AND arn = $2`, [fx.runId, queueArn]);
    const decided = (await (await listDecisions(get("/api/plans/x/mapping/decisions?overridden=true"), params())).json()) as OpenDecisionsPage;
    expect(decided.items).toHaveLength(1);
    expect(decided.items[0]).toMatchObject({ arn: queueArn, overridden: true, overrideStale: true, override: { reason: "RocketMQ is in use.", decidedByEmail: email, status: "mapped", target: "ApsaraMQ for RocketMQ" } });
    const open = (await (await listDecisions(get("/api/plans/x/mapping/decisions"), params())).json()) as OpenDecisionsPage;
    expect(open.items.map((i) => i.arn)).not.toContain(queueArn);

    const coverage = (await (await readCoverage(get("/api/plans/x/mapping/coverage"), params())).json()) as MappingCoverage;
    expect(coverage).toMatchObject({ run: { id: fx.runId, scanId: fx.scanId }, coverage: { mapped: 4, decision: 2, none: 1, blocked: 1 }, total: 8, overrides: 1, staleOverrides: 1, runningNewer: false });
    expect(coverage.byKind[0]).toEqual({ kind: "AWS::IoT::Thing", counts: { mapped: 3, decision: 0, none: 0, blocked: 0 }, total: 3 });
  });

  it("answers another organisation's user as if the plan did not exist", async () => {
    const theirs = await createMappingDecisionsFixture("Theirs");
    await signInAs("admin", theirs.organizationId);
    for (const route of [listDecisions, readCoverage, readChoices, exportMapping]) {
      const response = await route(get("/api/plans/x/mapping"), params(fx.planId));
      expect(response.status).toBe(404);
    }
  });
});

describe("the plan's mapping choices", () => {
  it("saves valid choices with an audit entry, and the choices form reads them back", async () => {
    const email = await signInAs("architect");
    const result = await setMappingChoicesAction({
      planId: fx.planId,
      iotTarget: "ApsaraMQ for MQTT",
      kindTargets: { "AWS::SQS::Queue": "ApsaraMQ for RocketMQ" },
      targetRegionBySource: { "eu-central-1": "eu-central-1" },
      reason: "Devices only need a broker.",
    });
    expect(result).toMatchObject({ ok: true, data: { changed: { iotTarget: true, kinds: ["AWS::SQS::Queue"], sourceRegions: ["eu-central-1"] } } });
    const plan = await db().migrationPlan.findUniqueOrThrow({ where: { id: fx.planId } });
    expect(plan).toMatchObject({ iotTarget: "ApsaraMQ for MQTT", kindTargets: { "AWS::SQS::Queue": "ApsaraMQ for RocketMQ" }, targetRegionBySource: { "eu-central-1": "eu-central-1" } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorEmail: email, action: "mapping.choices", outcome: "success" } });
    expect(audit.details).toMatchObject({ iotTarget: "ApsaraMQ for MQTT", reason: "Devices only need a broker." });

    const options = await (await readChoices(get("/api/plans/x/mapping/choices"), params())).json();
    expect(options.choices).toEqual({ iotTarget: "ApsaraMQ for MQTT", kindTargets: { "AWS::SQS::Queue": "ApsaraMQ for RocketMQ" }, targetRegionBySource: { "eu-central-1": "eu-central-1" } });
    expect(options.iot.targets[0]).toMatchObject({ name: "IoT Platform (Enterprise instance)", rank: 1, caveat: expect.stringContaining("Deprecated") });
    expect(options.kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(["AWS::SQS::Queue", "AWS::Kinesis::Stream"]));
    expect(options.sourceRegions).toEqual([
      { sourceRegion: "eu-central-1", chosen: "eu-central-1", proposed: expect.any(String) },
      { sourceRegion: "us-east-1", chosen: null, proposed: expect.any(String) },
    ]);
  });

  it("refuses unknown targets, kinds and regions, and a breaking region change unless accepted, saving nothing", async () => {
    const email = await signInAs("architect");
    const base = { planId: fx.planId, iotTarget: null, kindTargets: {}, targetRegionBySource: {}, reason: "Try." };
    const before = await db().migrationPlan.findUniqueOrThrow({ where: { id: fx.planId }, select: { iotTarget: true, kindTargets: true, targetRegionBySource: true } });
    expect(await setMappingChoicesAction({ ...base, iotTarget: "AWS IoT Core" })).toMatchObject({ ok: false, error: { reason: "mappingTargetUnknown" } });
    expect(await setMappingChoicesAction({ ...base, kindTargets: { "AWS::SQS::Queue": "DataHub" } })).toMatchObject({ ok: false, error: { reason: "mappingTargetUnknown" } });
    expect(await setMappingChoicesAction({ ...base, kindTargets: { "AWS::Foo::Bar": "DataHub" } })).toMatchObject({ ok: false, error: { reason: "mappingKindUnknown" } });
    expect(await setMappingChoicesAction({ ...base, targetRegionBySource: { "ap-south-1": "ap-southeast-1" } })).toMatchObject({ ok: false, error: { reason: "mappingSourceRegionUnknown" } });
    expect(await setMappingChoicesAction({ ...base, targetRegionBySource: { "eu-central-1": "ap-south-1" } })).toMatchObject({ ok: false, error: { reason: "mappingTargetRegionUnknown" } });
    expect(await setMappingChoicesAction({ ...base, reason: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });

    // IoT Platform has no Middle East region: moving Frankfurt's things to Dubai breaks them.
    const check = await (await readChoices(get("/api/plans/x/mapping/choices?sourceRegion=eu-central-1&targetRegion=me-east-1"), params())).json();
    expect(check.check.safe).toBe(false);
    expect(check.check.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: "service-not-offered", severity: "break" })]));
    const refused = await setMappingChoicesAction({ ...base, iotTarget: "ApsaraMQ for MQTT", targetRegionBySource: { "eu-central-1": "me-east-1" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", reason: "mappingRegionChangeBreaks" } });
    const unchanged = await db().migrationPlan.findUniqueOrThrow({ where: { id: fx.planId }, select: { iotTarget: true, kindTargets: true, targetRegionBySource: true } });
    expect(unchanged).toEqual(before);
    // Refused by the action's input schema (the empty reason) is answered before anything runs, so not audited.
    expect(await db().auditEvent.count({ where: { actorEmail: email, action: "mapping.choices", outcome: "failure" } })).toBe(6);

    const accepted = await setMappingChoicesAction({ ...base, targetRegionBySource: { "eu-central-1": "me-east-1" }, acceptBreaks: true, reason: "Dubai, knowingly." });
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(accepted.data.regionChanges[0]!.findings.some((f) => f.severity === "break")).toBe(true);
  });

  it("refuses a viewer", async () => {
    const email = await signInAs("viewer");
    const result = await setMappingChoicesAction({ planId: fx.planId, iotTarget: null, kindTargets: {}, targetRegionBySource: {}, reason: "Viewer." });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db().auditEvent.count({ where: { actorEmail: email, action: "mapping.choices", outcome: "denied" } })).toBe(1);
  });
});

describe("the mapping export", () => {
  it("streams every proposal as CSV with formula-looking cells kept as text, and as one JSON document", async () => {
    await signInAs("viewer");
    const csvResponse = await exportMapping(get("/api/plans/x/exports/mapping?format=csv"), params());
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("content-disposition")).toMatch(/^attachment; filename="silkroute-mapping-.*\.csv"$/);
    const csv = await csvResponse.text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("# Silkroute mapping export (AWS to Alibaba Cloud). Regulatory guidance, not legal advice.");
    expect(lines[1]).toBe("kind,arn,name,region,status,proposed_status,target,ros_type,fit,reasons,overridden,override_stale");
    expect(lines).toHaveLength(2 + 8);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(csv).toContain(`"Custom authorizers have no equivalent, with a quote "" and, a comma."`);
    expect(lines.filter((l) => l.startsWith("AWS::SQS::Queue,"))).toHaveLength(2);

    const jsonResponse = await exportMapping(get("/api/plans/x/exports/mapping?format=json"), params());
    const document = JSON.parse(await jsonResponse.text());
    expect(document.note).toMatch(/not legal advice/);
    expect(document.run).toMatchObject({ id: fx.runId, scanId: fx.scanId });
    expect(document.proposals).toHaveLength(8);
    expect(document.proposals.find((p: { arn: string }) => p.arn === queueArn)).toMatchObject({ status: "mapped", proposedStatus: "decision", overridden: true });

    expect((await exportMapping(get("/api/plans/x/exports/mapping?format=xml"), params())).status).toBe(400);
  });
});
