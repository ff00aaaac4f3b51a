import { toneOf } from "@/lib/mapping/service-map/build-service-map-graph";
import crypto from "node:crypto";
import { db, sqlQuery } from "@/lib/db";
import { createPlan } from "@/lib/plans/save-plan";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import type { Role } from "@/lib/auth/permissions";

/**
 * A plan with a stored, succeeded mapping run: a scan row, the run (coverage, counts per kind,
 * target counts and a service-map graph whose nodes carry status counts) and its proposals, written
 * with SQL as the mapping job stores them. What the decision, coverage and export tests work on.
 */
export interface MappingDecisionsFixture {
  organizationId: string;
  planId: string;
  scanId: string;
  runId: string;
}

export interface FixtureProposal {
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: "mapped" | "decision" | "none" | "blocked";
  target?: string | null;
  rosType?: string | null;
  fit?: string | null;
  choices?: Array<{ name: string; rank: number; rosType: string | null; fit: string }>;
  alternatives?: string[];
  reasons?: Array<{ code: string; message: string }>;
  targetResources?: Record<string, number>;
  nodeId?: string | null;
}

const QUEUE_CHOICES = [
  { name: "Simple Message Queue (formerly MNS) queue", rank: 1, rosType: "ALIYUN::MNS::Queue", fit: "equivalent" },
  { name: "ApsaraMQ for RocketMQ", rank: 2, rosType: "ALIYUN::ROCKETMQ5::Instance", fit: "partial" },
];
const STREAM_CHOICES = [
  { name: "DataHub", rank: 1, rosType: "ALIYUN::DATAHUB::Topic", fit: "partial" },
  { name: "Simple Log Service (SLS) Logstore", rank: 2, rosType: "ALIYUN::SLS::Logstore", fit: "partial" },
];

export function sampleProposals(account = "123456789012"): FixtureProposal[] {
  const thing = (n: number): FixtureProposal => ({
    kind: "AWS::IoT::Thing",
    arn: `arn:aws:iot:eu-central-1:${account}:thing/sensor-${n}`,
    name: `sensor-${n}`,
    region: "eu-central-1",
    status: "mapped",
    target: "IoT Platform (Enterprise instance)",
    rosType: "ALIYUN::IOT::Device",
    fit: "partial",
    reasons: [{ code: "gap.policy", message: "AWS IoT policies have no equivalent." }],
    targetResources: { "ALIYUN::IOT::Device": 1 },
    nodeId: "thing-type:sensor",
  });
  const queue = (name: string): FixtureProposal => ({
    kind: "AWS::SQS::Queue",
    arn: `arn:aws:sqs:eu-central-1:${account}:${name}`,
    name,
    region: "eu-central-1",
    status: "decision",
    choices: QUEUE_CHOICES,
    reasons: [{ code: "candidates-disagree", message: "Alibaba's two published mappings disagree: choose a target." }],
    nodeId: "queues",
  });
  return [
    thing(1),
    thing(2),
    thing(3),
    queue("telemetry-queue"),
    queue('=HYPERLINK("http://evil.example","x")'),
    {
      kind: "AWS::Kinesis::Stream",
      arn: `arn:aws:kinesis:us-east-1:${account}:stream/fleet`,
      name: "fleet",
      region: "us-east-1",
      status: "decision",
      choices: STREAM_CHOICES,
      reasons: [{ code: "candidates-disagree", message: "DataHub or Simple Log Service, by consumer." }],
      nodeId: "streams",
    },
    {
      kind: "AWS::IoT::Authorizer",
      arn: `arn:aws:iot:eu-central-1:${account}:authorizer/custom`,
      name: "custom",
      region: "eu-central-1",
      status: "none",
      fit: "none",
      alternatives: ["Device authentication by DeviceSecret"],
      reasons: [{ code: "no-equivalent", message: "Custom authorizers have no equivalent, with a quote \" and, a comma." }],
      nodeId: null,
    },
    {
      kind: "AWS::IoT::Certificate",
      arn: `arn:aws:iot:eu-central-1:${account}:cert/abc`,
      name: "abc",
      region: "eu-central-1",
      status: "blocked",
      reasons: [{ code: "x509-region", message: "X.509 device certificates only in cn-shanghai." }],
      nodeId: "certs",
    },
  ];
}

function count(proposals: readonly FixtureProposal[], filter: (p: FixtureProposal) => boolean) {
  const c = { mapped: 0, decision: 0, none: 0, blocked: 0 };
  for (const p of proposals) if (filter(p)) c[p.status] += 1;
  return c;
}

/** Stores a succeeded mapping run of `proposals` for the plan (newest unless `startedAt` says otherwise). */
export async function storeMappingRun(planId: string, scanId: string, proposals: readonly FixtureProposal[], options: { startedAt?: Date; status?: string } = {}): Promise<string> {
  const runId = crypto.randomUUID();
  const byKind: Record<string, ReturnType<typeof count>> = {};
  for (const kind of new Set(proposals.map((p) => p.kind))) byKind[kind] = count(proposals, (p) => p.kind === kind);
  // Nodes as the service-map graph stores them (counts with the tone, flags and members derived from them).
  const nodes = [...new Set(proposals.map((p) => p.nodeId).filter((n): n is string => !!n))].map((id) => {
    const counts = count(proposals, (p) => p.nodeId === id);
    const tone = toneOf(counts);
    return {
      id,
      label: id,
      side: "aws",
      sources: [],
      gaps: 0,
      counts,
      tone,
      flags: { decisions: counts.decision > 0, blocked: counts.blocked > 0, none: counts.none > 0, gaps: false },
      members: counts.mapped + counts.decision + counts.none + counts.blocked,
    };
  });
  const targets: Record<string, number> = {};
  for (const p of proposals) for (const [k, n] of Object.entries(p.targetResources ?? {})) targets[k] = (targets[k] ?? 0) + n;
  await sqlQuery(
    `INSERT INTO mapping_runs (id, plan_id, scan_id, status, catalogue_version, coverage, by_kind, targets, graph, proposal_count, started_at, finished_at)
     VALUES ($1, $2, $3, $4, '2026-12', $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $10)`,
    [
      runId,
      planId,
      scanId,
      options.status ?? "succeeded",
      JSON.stringify(count(proposals, () => true)),
      JSON.stringify(byKind),
      JSON.stringify(targets),
      JSON.stringify({ nodes, edges: [] }),
      proposals.length,
      options.startedAt ?? new Date(),
    ],
  );
  for (const p of proposals) {
    await sqlQuery(
      `INSERT INTO mapping_proposals (run_id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, reasons, choices, alternatives, target_resources, content_hash, node_id)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15)`,
      [
        runId,
        p.kind,
        p.arn,
        p.name,
        p.region,
        p.status,
        p.target ?? null,
        p.rosType ?? null,
        p.fit ?? null,
        JSON.stringify(p.reasons ?? []),
        p.choices ? JSON.stringify(p.choices) : null,
        p.alternatives ? JSON.stringify(p.alternatives) : null,
        JSON.stringify(p.targetResources ?? {}),
        crypto.createHash("sha256").update(`${p.kind} ${p.arn}`).digest("hex"),
        p.nodeId ?? null,
      ],
    );
  }
  return runId;
}

/** An organisation, a plan of two source regions, a finished scan and a succeeded mapping run of the sample proposals. */
export async function createMappingDecisionsFixture(name = "Mapping decisions"): Promise<MappingDecisionsFixture> {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name } });
  const { id: planId } = await createPlan(
    organizationId,
    { name: `${name} plan`, description: null, sourceConnectionId: null, sourceRegions: ["eu-central-1", "us-east-1"], targetRegions: [] },
    null,
  );
  const scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId, mode: "summary", regions: ["eu-central-1", "us-east-1"], status: "complete" } });
  const runId = await storeMappingRun(planId, scanId, sampleProposals());
  return { organizationId, planId, scanId, runId };
}

/** A user of the role in the organisation, signed in through better-auth: the cookie header of their session. */
export async function signInHeaders(role: Role, organizationId: string, password = "mapping-decisions-1"): Promise<{ email: string; headers: Headers }> {
  const email = `${role}-${crypto.randomUUID()}@decisions.test`;
  await createUser({ organizationId, email, name: role, role, password });
  const { headers } = await auth().api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { email, headers: new Headers({ cookie, "x-request-id": crypto.randomUUID(), "x-forwarded-for": "192.0.2.80", "user-agent": "vitest" }) };
}
