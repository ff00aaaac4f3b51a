import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { MapScanResult, ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

/**
 * The mapping step's whole output over a 20,000-thing estate with every feature it handles (typed and
 * untyped things, names to fit and colliding, nested groups and a cycle, too many groups and tags, named
 * shadows, unreadable records, certificates and policies reaching things, rules, generic kinds, two
 * source regions, a second run over the first run's name maps), compared byte for byte (SHA-256 of its
 * JSON) with the output of the mapping step before its speed-ups. A change of output must be deliberate:
 * then this reference is recomputed and the change said in the commit.
 */
const catalogue = readCurrentCatalogueSeed();
const ACCOUNT = "123456789012";
const REGIONS = ["eu-central-1", "us-east-1"] as const;

/** A small deterministic generator (LCG), so the estate is the same on every machine. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function estate(things: number, seed: number): { resources: ScanResource[]; relations: ScanRelation[] } {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const resources: ScanResource[] = [];
  const relations: ScanRelation[] = [];
  const arn = (region: string, service: string, resource: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
  const row = (kind: string, region: string, resourceArn: string, name: string, raw: unknown, extra: Partial<ScanResource> = {}): ScanResource => ({
    kind,
    arn: resourceArn,
    name,
    region,
    tags: {},
    raw,
    problem: null,
    ...extra,
  });
  const rel = (fromArn: string, type: string, toArn: string) => relations.push({ fromArn, toArn, type });

  for (const region of REGIONS) {
    const types = ["AirQualityMonitor", "temp-sensor:v2", "gw", "Pump_Controller_With_A_Very_Long_Type_Name_2024", "valve", "valve_", "温度传感器"];
    for (const type of types) {
      resources.push(row("AWS::IoT::ThingType", region, arn(region, "iot", `thingtype/${type}`), type, { thingType: { thingTypeName: type, ...(type === "gw" ? { thingTypeMetadata: { deprecated: true } } : {}) } }));
    }
    const groups = Array.from({ length: 24 }, (_, i) => (i % 7 === 6 ? `Zone:${i}:área` : `zone-${String(i).padStart(2, "0")}`));
    groups.forEach((group, i) => {
      const parent = i > 0 && i % 3 !== 0 ? groups[i - 1] : null;
      resources.push(
        row("AWS::IoT::ThingGroup", region, arn(region, "iot", `thinggroup/${group}`), group, {
          group: { thingGroupName: group, ...(parent ? { thingGroupMetadata: { parentGroupName: parent } } : {}), ...(i === 5 ? { queryString: "attributes.site:berlin*" } : {}) },
          dynamic: i === 5,
        }),
      );
      if (i % 4 === 1 && i > 1) rel(arn(region, "iot", `thinggroup/${group}`), "child-of", arn(region, "iot", `thinggroup/${groups[i - 2]}`));
    });
    // A cycle between two groups.
    rel(arn(region, "iot", `thinggroup/${groups[22]}`), "child-of", arn(region, "iot", `thinggroup/${groups[23]}`));
    rel(arn(region, "iot", `thinggroup/${groups[23]}`), "child-of", arn(region, "iot", `thinggroup/${groups[22]}`));
    resources.push(row("AWS::IoT::BillingGroup", region, arn(region, "iot", "billinggroup/ops"), "ops", { group: { billingGroupName: "ops" } }));

    const policy = (name: string, statements: object[]) =>
      row("AWS::IoT::Policy", region, arn(region, "iot", `policy/${name}`), name, { policy: { policyName: name, policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: statements }), defaultVersionId: "1" }, versions: [] });
    const topic = (t: string) => arn(region, "iot", `topic/${t}`);
    const filter = (t: string) => arn(region, "iot", `topicfilter/${t}`);
    resources.push(
      policy("device-policy", [
        { Effect: "Allow", Action: "iot:Connect", Resource: arn(region, "iot", "client/${iot:Connection.Thing.ThingName}") },
        { Effect: "Allow", Action: "iot:Publish", Resource: [topic("dt/${iot:Connection.Thing.ThingName}/telemetry"), topic("alerts/${iot:Connection.Thing.ThingName}")] },
        { Effect: "Allow", Action: ["iot:Subscribe", "iot:Receive"], Resource: [filter("cmd/${iot:Connection.Thing.ThingName}"), topic("cmd/${iot:Connection.Thing.ThingName}")] },
      ]),
      policy("gateway-policy", [
        { Effect: "Allow", Action: ["iot:Subscribe", "iot:Receive"], Resource: [filter("alerts/+"), topic("alerts/*")] },
        { Effect: "Allow", Action: "iot:Publish", Resource: topic("cmd/*") },
        { Effect: "Deny", Action: "iot:Publish", Resource: topic("cmd/admin") },
      ]),
      policy("fleet-policy", [
        { Effect: "Allow", Action: "iot:Publish", Resource: topic("fleet/${iot:Connection.Thing.Attributes[site]}/status"), Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } } },
        { Effect: "Allow", Action: ["iot:GetThingShadow", "iot:UpdateThingShadow", "s3:GetObject"], Resource: "*" },
      ]),
      row("AWS::IoT::Policy", region, arn(region, "iot", "policy/BrokenImportPolicy"), "BrokenImportPolicy", { policy: { policyName: "BrokenImportPolicy", policyDocument: '{"Statement":[{"Effect":"Allow"' }, versions: [] }),
      row("AWS::IoT::Policy", region, arn(region, "iot", "policy/damaged"), "damaged", null, { problem: { code: "StoredShapeMismatch", issues: "policy: required" } }),
    );
    rel(arn(region, "iot", "policy/fleet-policy"), "attached-to", arn(region, "iot", `thinggroup/${groups[1]}`));
    rel(arn(region, "iot", "policy/gateway-policy"), "attached-to", arn(region, "iot", `thinggroup/${groups[4]}`));

    const rule = (name: string, sql: string, actions: unknown[], extra: Record<string, unknown> = {}) =>
      row("AWS::IoT::TopicRule", region, arn(region, "iot", `rule/${name}`), name, { rule: { ruleName: name, sql, awsIotSqlVersion: "2016-03-23", actions, ...extra } });
    resources.push(
      rule("telemetry_to_fc", "SELECT temperature, topic(2) AS device FROM 'dt/+/telemetry' WHERE temperature > 30", [{ lambda: { functionArn: arn(region, "lambda", "function:ingest") } }]),
      rule("telemetry_to_s3", "SELECT * FROM 'dt/+/telemetry'", [{ s3: { bucketName: "archive", key: "${topic(2)}/${timestamp()}" } }], { errorAction: { sqs: { queueUrl: "https://sqs/dlq" } } }),
      rule("broken_sql", "SELECT FROM WHERE", [{ sqs: { queueUrl: "https://sqs/q" } }]),
      rule("disabled_rule_with_a_name_longer_than_thirty_chars", "SELECT * FROM 'alerts/#'", [{ kinesis: { streamName: "s", roleArn: "r" } }], { ruleDisabled: true }),
      rule("many_actions", "SELECT * FROM 'x/#'", Array.from({ length: 12 }, (_, i) => ({ dynamoDBv2: { roleArn: "r", putItem: { tableName: `t${i}` } } }))),
      row("AWS::IoT::TopicRule", region, arn(region, "iot", "rule/unreadable"), "unreadable", null, { problem: { code: "StoredShapeMismatch", issues: "rule: required" } }),
    );
    rel(arn(region, "iot", "rule/telemetry_to_fc"), "invokes", arn(region, "lambda", "function:ingest"));
    rel(arn(region, "iot", "rule/telemetry_to_s3"), "writes-to", "arn:aws:s3:::archive");

    const count = region === REGIONS[0] ? Math.floor(things * 0.8) : things - Math.floor(things * 0.8);
    for (let i = 0; i < count; i++) {
      const shape = i % 11;
      const name =
        shape === 0
          ? `Pump:Unit:${i}:${"x".repeat(i % 37)}`
          : shape === 1
            ? `dev_${i % 700}`
            : shape === 2
              ? `ab${i % 3}`
              : shape === 3
                ? `Ｓensor-${i}-é`
                : shape === 4
                  ? `dev_${i % 700}`.toUpperCase() + `-${i}`
                  : shape === 7
                    ? `传感器-${i}`
                    : `airq-${region.slice(0, 2)}-${String(i).padStart(6, "0")}`;
      // Names that collide once fitted (letter case, padding), and now and then the same thing twice.
      const thingName = shape === 5 ? `${i % 2 ? "dup" : "DUP"}-${Math.floor(i / 22) % 300}` : shape === 6 ? `q${i % 10}` : shape === 8 ? `q${i % 10}_0` : `${name}-${i}`;
      const thingArn = arn(region, "iot", `thing/${thingName}`);
      if (i % 997 === 5) {
        resources.push(row("AWS::IoT::Thing", region, thingArn, thingName, null, { problem: { code: "StoredShapeMismatch", issues: "thing: expected object" } }));
        continue;
      }
      const typed = i % 9 !== 0;
      const type = pick(types);
      const attributes: Record<string, unknown> = { site: pick(["berlin-01", "hamburg-03", "graz-17"]), model: `M-${i % 5}`, firmware: "2.0.1" };
      if (i % 1999 === 7) for (let a = 0; a < 105; a++) attributes[`a${a}`] = String(a);
      if (i % 3 === 0) attributes.count = 7;
      resources.push(
        row("AWS::IoT::Thing", region, thingArn, thingName, {
          thing: { thingName, thingArn, ...(typed && i % 13 !== 0 ? { thingTypeName: type } : {}), attributes, version: 1 },
          ...(i % 1499 === 3 ? { shadows: { classic: null, named: { firmware: {}, config: {} } } } : {}),
        }),
      );
      // Typed by relation only, now and then.
      if (typed && i % 13 === 0) rel(thingArn, "has-type", arn(region, "iot", `thingtype/${type}`));
      const memberships = i % 1777 === 11 ? 13 : Math.floor(random() * 3);
      for (let g = 0; g < memberships; g++) rel(thingArn, "member-of", arn(region, "iot", `thinggroup/${groups[(i + g * 5) % groups.length]}`));
      if (i % 2 === 0) rel(thingArn, "member-of", arn(region, "iot", "billinggroup/ops"));
      if (i % 5 !== 4) {
        const certId = crypto.createHash("sha256").update(`${region}${i}`).digest("hex");
        const certArn = arn(region, "iot", `cert/${certId}`);
        resources.push(row("AWS::IoT::Certificate", region, certArn, certId, { certificate: { certificateId: certId, certificateArn: certArn, status: i % 50 === 0 ? "REVOKED" : "ACTIVE" } }));
        rel(certArn, "attached-to", thingArn);
        rel(arn(region, "iot", `policy/${i % 10 === 1 ? "gateway-policy" : "device-policy"}`), "attached-to", certArn);
        if (i % 7 === 0) rel(arn(region, "iot", "policy/BrokenImportPolicy"), "attached-to", certArn);
      }
    }
  }
  resources.push(
    row("AWS::IAM::Role", "global", `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, "iot-rule-role", {
      role: { RoleName: "iot-rule-role", AssumeRolePolicyDocument: "{}", MaxSessionDuration: 3600 },
      attachedPolicies: [{ PolicyName: "write-s3" }, { PolicyName: "a-read" }],
    }),
    row("AWS::KMS::Key", REGIONS[0], arn(REGIONS[0], "kms", "key/k-1"), "k-1", { key: { KeyId: "k-1", KeyState: "PendingDeletion", KeyManager: "CUSTOMER", MultiRegion: true }, aliases: ["alias/b", "alias/a"] }),
    row("AWS::SQS::Queue", REGIONS[0], arn(REGIONS[0], "sqs", "alerts"), "alerts", { attributes: {} }),
    row("AWS::Lambda::Function", REGIONS[0], arn(REGIONS[0], "lambda", "function:ingest"), "ingest", { function: {} }),
    row("AWS::Greengrass::Group", REGIONS[1], arn(REGIONS[1], "greengrass", "groups/gg-1"), "gg-1", {}),
    row("AWS::S3::Bucket", "global", "arn:aws:s3:::archive", "archive", null, { problem: { code: "StoredShapeMismatch", issues: "bucket: required" } }),
  );
  return { resources, relations };
}

const hash = (result: MapScanResult) => crypto.createHash("sha256").update(JSON.stringify(result)).digest("hex");

describe("mapScan output against its reference", () => {
  it("gives byte-identical output over a 20,000-thing estate, first run and re-run", () => {
    const { resources, relations } = estate(20_000, 7);
    const first = mapScan({ resources, relations, catalogue, targetRegionBySource: { "us-east-1": "us-east-1" }, targetRegion: "cn-shanghai" });
    expect(first.proposals).toHaveLength(new Set(resources.map((r) => `${r.kind} ${r.arn}`)).size);
    expect(first.errors.length).toBeGreaterThan(0);
    // The estate exercises the name fitting's harder cases.
    for (const reason of ["deduplicated", "padded", "truncated", "rewrote-characters"]) {
      expect(first.proposals.some((p) => p.kind === "AWS::IoT::Thing" && p.reasons.some((r) => r.message.includes(reason)))).toBe(true);
    }
    expect(hash(first)).toBe("d23fa6ec32e73a78b09a9105860e0e229bef26b2fcfddc4c9367c3847cb1c2bc");

    // A re-run: some things gone, some new, over the first run's name maps (one of them damaged).
    const next = estate(20_500, 7).resources.filter((_, i) => i % 17 !== 3);
    const previous = { ...first.nameMaps, "groups:eu-central-1": { kind: "group" as const, active: [{ original: "zone-00", name: "x" }, 5 as never], retired: [] } };
    const second = mapScan({ resources: next, relations, catalogue, previousNameMaps: previous, choices: { byKind: { "AWS::KMS::Key": "KMS" } } });
    expect(hash(second)).toBe("bdda3f4dfce6698c62e47975def1f97661c8496401cc5316078e97cd2ea483ad");
  }, 120_000);
});
