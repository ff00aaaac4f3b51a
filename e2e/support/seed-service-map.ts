/**
 * Stores a finished mapping run for the service-map journey: a plan of the demo organisation and a
 * run over a small sample estate (typed and untyped things, nested groups, rules and what they feed,
 * a policy, certificates of a CA), mapped by the real mapScan() and aggregated by the real graph
 * builder, written with SQL as the mapping job will write it. The mapping job itself is not part of
 * this journey.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { buildServiceMapGraph } from "@/lib/mapping/service-map/build-service-map-graph";
import { DATABASE_FILE } from "@/e2e/support/constants";
import { demoEmail } from "@/e2e/support/roles";

const REGION = "eu-central-1";
const ACCOUNT = "123456789012";
const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const row = (kind: string, resourceArn: string, name: string, raw: unknown): ScanResource => ({ kind, arn: resourceArn, name, region: REGION, tags: {}, raw, problem: null });
const rel = (fromArn: string, type: string, toArn: string): ScanRelation => ({ fromArn, toArn, type });

function sampleEstate(): { resources: ScanResource[]; relations: ScanRelation[] } {
  const resources: ScanResource[] = [];
  const relations: ScanRelation[] = [];
  const types = ["temp-sensor:v2", "gateway"];
  for (const type of types) resources.push(row("AWS::IoT::ThingType", arn("iot", `thingtype/${type}`), type, { thingType: { thingTypeName: type } }));
  const groups: Array<[string, string | null]> = [["factories", null], ["berlin-plant", "factories"], ["munich-plant", "factories"]];
  for (const [name, parent] of groups) {
    resources.push(row("AWS::IoT::ThingGroup", arn("iot", `thinggroup/${name}`), name, { group: { thingGroupName: name, ...(parent ? { thingGroupMetadata: { parentGroupName: parent } } : {}) }, dynamic: false }));
    if (parent) relations.push(rel(arn("iot", `thinggroup/${name}`), "child-of", arn("iot", `thinggroup/${parent}`)));
  }
  resources.push(row("AWS::IoT::CACertificate", arn("iot", "cacert/fleet-ca"), "fleet-ca", { caCertificate: { certificateId: "fleet-ca", status: "ACTIVE" } }));
  resources.push(
    row("AWS::IoT::Policy", arn("iot", "policy/sensor-policy"), "sensor-policy", {
      policy: {
        policyName: "sensor-policy",
        policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iot:Publish", Resource: arn("iot", "topic/dt/${iot:Connection.Thing.ThingName}/telemetry") }] }),
        defaultVersionId: "1",
      },
      versions: [],
    }),
  );
  for (let i = 0; i < 60; i++) {
    const type = i % 12 === 0 ? null : types[i % 2]!;
    const name = type === "gateway" ? `gw-${i}` : `sensor-${String(i).padStart(3, "0")}`;
    const thingArn = arn("iot", `thing/${name}`);
    const shadows = i === 0 ? { shadows: { classic: null, named: { firmware: {}, config: {} } } } : {};
    resources.push(row("AWS::IoT::Thing", thingArn, name, { thing: { thingName: name, ...(type ? { thingTypeName: type } : {}), attributes: { site: i % 2 ? "berlin" : "munich" } }, ...shadows }));
    if (type) relations.push(rel(thingArn, "has-type", arn("iot", `thingtype/${type}`)));
    relations.push(rel(thingArn, "member-of", arn("iot", `thinggroup/${i % 2 ? "berlin-plant" : "munich-plant"}`)));
    const cert = arn("iot", `cert/c${i}`);
    resources.push(row("AWS::IoT::Certificate", cert, `c${i}`, { certificate: { certificateId: `c${i}`, status: "ACTIVE" } }));
    relations.push(rel(cert, "attached-to", thingArn), rel(cert, "issued-by", arn("iot", "cacert/fleet-ca")), rel(arn("iot", "policy/sensor-policy"), "attached-to", cert));
  }
  const rule = (name: string, sql: string, actions: unknown[]) =>
    row("AWS::IoT::TopicRule", arn("iot", `rule/${name}`), name, { rule: { ruleName: name, sql, awsIotSqlVersion: "2016-03-23", actions } });
  resources.push(
    rule("telemetry_to_fc", "SELECT temperature, topic(2) AS device FROM 'dt/+/telemetry' WHERE temperature > 30", [{ lambda: { functionArn: arn("lambda", "function:ingest") } }]),
    rule("telemetry_to_s3", "SELECT * FROM 'dt/+/telemetry'", [{ s3: { bucketName: "archive", key: "${topic(2)}/${timestamp()}" } }]),
    rule("alerts_to_sqs", "SELECT * FROM 'alerts/#'", [{ sqs: { queueUrl: "https://sqs/alerts", roleArn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role` } }]),
    rule("broken_sql", "SELECT FROM WHERE", [{ sqs: { queueUrl: "https://sqs/q" } }]),
    row("AWS::Lambda::Function", arn("lambda", "function:ingest"), "ingest", { function: {} }),
    row("AWS::S3::Bucket", "arn:aws:s3:::archive", "archive", { bucket: {} }),
    row("AWS::SQS::Queue", arn("sqs", "alerts"), "alerts", { attributes: {} }),
    row("AWS::IAM::Role", `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, "iot-rule-role", {
      role: { RoleName: "iot-rule-role", Arn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, AssumeRolePolicyDocument: "{}" },
      attachedPolicies: [],
    }),
    row("AWS::Greengrass::Group", arn("greengrass", "groups/gg-1"), "gg-1", {}),
  );
  relations.push(
    rel(arn("iot", "rule/telemetry_to_fc"), "invokes", arn("lambda", "function:ingest")),
    rel(arn("iot", "rule/telemetry_to_s3"), "writes-to", "arn:aws:s3:::archive"),
    rel(arn("iot", "rule/alerts_to_sqs"), "writes-to", arn("sqs", "alerts")),
    rel(arn("iot", "rule/alerts_to_sqs"), "assumes-role", `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`),
  );
  return { resources, relations };
}

export interface SeededServiceMap {
  planId: string;
  emptyPlanId: string;
  planName: string;
  emptyPlanName: string;
  runId: string;
}

async function client() {
  const { url } = JSON.parse(fs.readFileSync(DATABASE_FILE, "utf8")) as { url: string };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

export async function seedServiceMap(): Promise<SeededServiceMap> {
  const db = await client();
  try {
    const { rows } = await db.query<{ organization_id: string }>(`SELECT organization_id FROM users WHERE email = $1`, [demoEmail("architect")]);
    const organizationId = rows[0]?.organization_id;
    if (!organizationId) throw new Error("the demo architect has no organisation");
    const suffix = crypto.randomBytes(3).toString("hex");
    const plan = { id: crypto.randomUUID(), name: `Service map sample ${suffix}` };
    const empty = { id: crypto.randomUUID(), name: `Service map unmapped ${suffix}` };
    for (const p of [plan, empty]) {
      await db.query(`INSERT INTO migration_plans (id, organization_id, name, source_regions, target_regions) VALUES ($1, $2, $3, $4, $5)`, [p.id, organizationId, p.name, [REGION], ["cn-shanghai"]]);
    }
    const { resources, relations } = sampleEstate();
    const mapped = mapScan({ resources, relations, catalogue: readCurrentCatalogueSeed() });
    const { graph, nodeOf } = buildServiceMapGraph({ proposals: mapped.proposals, products: mapped.products, relations });
    const runId = crypto.randomUUID();
    await db.query(
      `INSERT INTO mapping_runs (id, plan_id, scan_id, status, catalogue_version, coverage, by_kind, targets, graph, proposal_count, finished_at)
       VALUES ($1, $2, $3, 'succeeded', '2026-12', $4, $5, $6, $7, $8, now())`,
      [runId, plan.id, `sample-scan-${suffix}`, mapped.coverage, mapped.byKind, mapped.targetResources, graph, mapped.proposals.length],
    );
    for (const p of mapped.proposals) {
      await db.query(
        `INSERT INTO mapping_proposals (run_id, kind, arn, name, region, status, proposed_status, target, ros_type, fit, properties, reasons, choices, alternatives, target_resources, node_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          runId, p.kind, p.arn, p.name, REGION, p.status, p.target, p.rosType, p.fit, p.properties, JSON.stringify(p.reasons),
          p.choices ? JSON.stringify(p.choices) : null, p.alternatives ? JSON.stringify(p.alternatives) : null, p.targetResources, nodeOf(p.kind, p.arn),
        ],
      );
    }
    return { planId: plan.id, emptyPlanId: empty.id, planName: plan.name, emptyPlanName: empty.name, runId };
  } finally {
    await db.end();
  }
}

/** Archives the journey's plans, so the journeys after it see the demo organisation's plans as before. */
export async function archiveSeededPlans(seeded: SeededServiceMap): Promise<void> {
  const db = await client();
  try {
    await db.query(`UPDATE migration_plans SET status = 'archived' WHERE id = ANY($1)`, [[seeded.planId, seeded.emptyPlanId]]);
  } finally {
    await db.end();
  }
}
