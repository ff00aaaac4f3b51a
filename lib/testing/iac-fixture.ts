/**
 * Realistic inputs for the IaC generators' tests: a scanned estate (typed and untyped things, nested
 * groups, policies with device-to-device traffic, topic rules to Function Compute, Tablestore, queues and
 * streams, the supporting services) run through the real mapScan(), then shaped as the IaC input
 * (proposals without things). `size` adds that many extra thing groups and topic rules; `hostile` gives
 * the AWS names quotes, `${`, `%{`, backslashes and newlines where AWS would let them through.
 */
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import type { IacInput } from "@/lib/mapping/iac/iac-input-types";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { MapScanResult, ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

const REGION = "eu-central-1";
const ACCOUNT = "123456789012";
const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const row = (kind: string, resourceArn: string, name: string, raw: unknown): ScanResource => ({ kind, arn: resourceArn, name, region: REGION, tags: {}, raw, problem: null });

export const HOSTILE = 'evil"${var.x}%{if true}\\\nname';

export interface IacFixtureOptions {
  /** Extra thing groups and extra topic rules to add (for the size limits). */
  size?: number;
  hostile?: boolean;
}

export function buildIacEstate(options: IacFixtureOptions = {}): { resources: ScanResource[]; relations: ScanRelation[] } {
  const odd = options.hostile ? HOSTILE : "";
  const thing = (name: string, type: string | null) =>
    row("AWS::IoT::Thing", arn("iot", `thing/${name}`), name, { thing: { thingName: name, ...(type ? { thingTypeName: type } : {}), attributes: { site: "berlin" } } });
  const thingType = (name: string) => row("AWS::IoT::ThingType", arn("iot", `thingtype/${name}`), name, { thingType: { thingTypeName: name } });
  const group = (name: string, parent?: string) =>
    row("AWS::IoT::ThingGroup", arn("iot", `thinggroup/${name}`), name, {
      group: { thingGroupName: name, ...(parent ? { thingGroupMetadata: { parentGroupName: parent } } : {}) },
      dynamic: false,
    });
  const rule = (name: string, sql: string, actions: unknown[]) =>
    row("AWS::IoT::TopicRule", arn("iot", `rule/${name}`), name, { rule: { ruleName: name, sql, awsIotSqlVersion: "2016-03-23", actions } });
  const policy = (name: string, document: object) =>
    row("AWS::IoT::Policy", arn("iot", `policy/${name}`), name, { policy: { policyName: name, policyDocument: JSON.stringify(document), defaultVersionId: "1" }, versions: [] });
  const topicArn = (topic: string) => `arn:aws:iot:${REGION}:${ACCOUNT}:topic/${topic}`;
  const filterArn = (topic: string) => `arn:aws:iot:${REGION}:${ACCOUNT}:topicfilter/${topic}`;

  const resources: ScanResource[] = [
    thingType("temp-sensor:v2"),
    thingType(`gateway${odd}`),
    thing("sensor-001", "temp-sensor:v2"),
    thing("sensor-002", "temp-sensor:v2"),
    thing("gw-berlin-01", `gateway${odd}`),
    thing("lonely-box", null),
    group("factories"),
    group(`berlin-plant${odd}`, "factories"),
    group("line-1", `berlin-plant${odd}`),
    row("AWS::IoT::ThingGroup", arn("iot", "thinggroup/dynamic-fleet"), "dynamic-fleet", {
      group: { thingGroupName: "dynamic-fleet", queryString: "attributes.site:berlin" },
      dynamic: true,
    }),
    policy("sensor-policy", {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "iot:Connect", Resource: "*" },
        { Effect: "Allow", Action: "iot:Publish", Resource: topicArn("dt/${iot:Connection.Thing.ThingName}/telemetry") },
        { Effect: "Allow", Action: "iot:Subscribe", Resource: filterArn("cmd/${iot:Connection.Thing.ThingName}") },
        { Effect: "Allow", Action: "iot:Receive", Resource: topicArn("cmd/${iot:Connection.Thing.ThingName}") },
      ],
    }),
    policy("gateway-policy", {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "iot:Publish", Resource: topicArn("cmd/*") },
        { Effect: "Allow", Action: ["iot:Subscribe"], Resource: filterArn("dt/+/telemetry") },
        { Effect: "Allow", Action: ["iot:Receive"], Resource: topicArn("dt/*") },
      ],
    }),
    row("AWS::IoT::Certificate", arn("iot", "cert/c-sensor"), "c-sensor", { certificate: { certificateId: "c-sensor", status: "ACTIVE" } }),
    row("AWS::IoT::Certificate", arn("iot", "cert/c-gw"), "c-gw", { certificate: { certificateId: "c-gw", status: "ACTIVE" } }),
    rule("telemetry_to_fc", "SELECT temperature, topic(2) AS device FROM 'dt/+/telemetry' WHERE temperature > 30", [{ lambda: { functionArn: arn("lambda", "function:ingest") } }]),
    rule("telemetry_to_ots", "SELECT * FROM 'dt/+/telemetry'", [{ dynamoDBv2: { putItem: { tableName: "readings" }, roleArn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role` } }]),
    rule("alerts_to_queue", "SELECT temperature FROM 'dt/+/telemetry' WHERE temperature > 80", [
      { sqs: { queueUrl: "https://sqs.eu-central-1.amazonaws.com/123456789012/alerts", roleArn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role` } },
      { kinesis: { streamName: "raw-telemetry", roleArn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role` } },
    ]),
    rule("telemetry_to_s3", "SELECT * FROM 'dt/+/telemetry'", [{ s3: { bucketName: "archive", key: "${topic(2)}/${timestamp()}" } }]),
    row("AWS::IAM::Role", `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, "iot-rule-role", {
      role: { RoleName: "iot-rule-role", Arn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, AssumeRolePolicyDocument: "{}", MaxSessionDuration: 3600 },
      attachedPolicies: [{ PolicyName: "write-dynamodb" }],
    }),
    row("AWS::KMS::Key", arn("kms", "key/k-1"), "k-1", { key: { KeyId: "k-1", Arn: arn("kms", "key/k-1"), KeyState: "Enabled", KeyManager: "CUSTOMER", KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT" } }),
    row("AWS::KMS::Key", arn("kms", "key/k-hmac"), "k-hmac", { key: { KeyId: "k-hmac", Arn: arn("kms", "key/k-hmac"), KeyState: "Enabled", KeyManager: "CUSTOMER", KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" } }),
    row("AWS::SQS::Queue", arn("sqs", "alerts"), "alerts", { attributes: {} }),
    row("AWS::Kinesis::Stream", arn("kinesis", "stream/raw-telemetry"), "raw-telemetry", { stream: {} }),
    row("AWS::Lambda::Function", arn("lambda", "function:ingest"), "ingest", { function: {} }),
    row("AWS::DynamoDB::Table", arn("dynamodb", "table/readings"), "readings", { table: {} }),
    row("AWS::S3::Bucket", "arn:aws:s3:::archive", `archive${odd}`, { bucket: {} }),
  ];
  const relations: ScanRelation[] = [
    { fromArn: arn("iot", `thinggroup/berlin-plant${odd}`), type: "child-of", toArn: arn("iot", "thinggroup/factories") },
    { fromArn: arn("iot", "thinggroup/line-1"), type: "child-of", toArn: arn("iot", `thinggroup/berlin-plant${odd}`) },
    { fromArn: arn("iot", "thing/sensor-001"), type: "member-of", toArn: arn("iot", "thinggroup/line-1") },
    { fromArn: arn("iot", "policy/sensor-policy"), type: "attached-to", toArn: arn("iot", "cert/c-sensor") },
    { fromArn: arn("iot", "cert/c-sensor"), type: "attached-to", toArn: arn("iot", "thing/sensor-001") },
    { fromArn: arn("iot", "cert/c-sensor"), type: "attached-to", toArn: arn("iot", "thing/sensor-002") },
    { fromArn: arn("iot", "policy/gateway-policy"), type: "attached-to", toArn: arn("iot", "cert/c-gw") },
    { fromArn: arn("iot", "cert/c-gw"), type: "attached-to", toArn: arn("iot", "thing/gw-berlin-01") },
    { fromArn: arn("iot", "rule/telemetry_to_fc"), type: "invokes", toArn: arn("lambda", "function:ingest") },
  ];
  const size = options.size ?? 0;
  for (let i = 0; i < size; i++) {
    const n = String(i).padStart(5, "0");
    // Groups nest ten deep at most, so the parents spread over layers and parts.
    resources.push(group(`zone-${n}`, i % 10 === 0 ? "factories" : `zone-${String(i - 1).padStart(5, "0")}`));
    resources.push(rule(`fanout_${n}`, `SELECT temperature FROM 'dt/+/telemetry' WHERE temperature > ${i % 100}`, [{ lambda: { functionArn: arn("lambda", "function:ingest") } }]));
  }
  return { resources, relations };
}

export function buildIacInput(options: IacFixtureOptions = {}): { input: IacInput; result: MapScanResult } {
  const choices = {
    byKind: {
      "AWS::SQS::Queue": "Simple Message Queue (formerly MNS) queue",
      "AWS::Kinesis::Stream": "DataHub",
      "AWS::DynamoDB::Table": "Tablestore",
      "AWS::IoT::Certificate": "Re-provisioned device secret (DeviceSecret)",
    },
  };
  const result = mapScan({ ...buildIacEstate(options), catalogue: readCurrentCatalogueSeed(), targetRegion: "eu-central-1", choices });
  const things = result.proposals.filter((p) => p.kind === "AWS::IoT::Thing");
  const input: IacInput = {
    planName: options.hostile ? `Plan ${HOSTILE}` : "Berlin plant move",
    runId: "run-0001",
    regions: [{ sourceRegion: REGION, alibabaRegion: "eu-central-1" }],
    products: result.products,
    republishRules: result.republishRules,
    proposals: result.proposals.filter((p) => p.kind !== "AWS::IoT::Thing"),
    deviceCount: things.length,
  };
  return { input, result };
}
