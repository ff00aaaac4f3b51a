import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { MapScanInput, Proposal, ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { summarizeMapScan } from "@/lib/mapping/map-scan/summarize-map-scan";
import { validateName } from "@/lib/mapping/names/validate-name";

const catalogue = readCurrentCatalogueSeed();
const REGION = "eu-central-1";
const ACCOUNT = "123456789012";
const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

const row = (kind: string, resourceArn: string, name: string, raw: unknown, extra: Partial<ScanResource> = {}): ScanResource => ({
  kind,
  arn: resourceArn,
  name,
  region: REGION,
  tags: {},
  raw,
  problem: null,
  ...extra,
});
const thing = (name: string, type: string | null, extra: Record<string, unknown> = {}) =>
  row("AWS::IoT::Thing", arn("iot", `thing/${name}`), name, { thing: { thingName: name, ...(type ? { thingTypeName: type } : {}), attributes: { site: "berlin" } }, ...extra });
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
const rel = (fromArn: string, type: string, toArn: string): ScanRelation => ({ fromArn, toArn, type });

/** A small realistic estate: typed and untyped things, nested groups, a thing in 11 groups, rules good and bad, policies... */
function estate(): { resources: ScanResource[]; relations: ScanRelation[] } {
  const resources: ScanResource[] = [
    thingType("temp-sensor:v2"),
    thingType("gateway"),
    thing("sensor-001", "temp-sensor:v2"),
    thing("sensor-002", "temp-sensor:v2"),
    thing("gw:berlin:01", "gateway"),
    thing("lonely", null),
    thing("legacy-box", null, { shadows: { classic: null, named: { firmware: {}, config: {} } } }),
    thing("busy-sensor", "temp-sensor:v2"),
    row("AWS::IoT::Thing", arn("iot", "thing/broken"), "broken", null, { problem: { code: "StoredShapeMismatch", issues: "thing: expected object" } }),
    group("factories"),
    group("berlin-plant", "factories"),
    ...Array.from({ length: 11 }, (_, i) => group(`zone-${String(i).padStart(2, "0")}`, "berlin-plant")),
    rule("telemetry_to_fc", "SELECT temperature, topic(2) AS device FROM 'dt/+/telemetry' WHERE temperature > 30", [
      { lambda: { functionArn: arn("lambda", "function:ingest") } },
    ]),
    rule("telemetry_to_s3", "SELECT * FROM 'dt/+/telemetry'", [{ s3: { bucketName: "archive", key: "${topic(2)}/${timestamp()}" } }]),
    rule("broken_sql", "SELECT FROM WHERE", [{ sqs: { queueUrl: "https://sqs/q" } }]),
    policy("sensor-policy", {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "iot:Publish", Resource: `arn:aws:iot:${REGION}:${ACCOUNT}:topic/dt/\${iot:Connection.Thing.ThingName}/telemetry` },
        { Effect: "Allow", Action: "iot:Subscribe", Resource: `arn:aws:iot:${REGION}:${ACCOUNT}:topicfilter/cmd/\${iot:Connection.Thing.ThingName}` },
      ],
    }),
    row("AWS::IoT::Policy", arn("iot", "policy/damaged"), "damaged", null, { problem: { code: "StoredShapeMismatch", issues: "policy: required" } }),
    row("AWS::IoT::Certificate", arn("iot", "cert/abc123"), "abc123", { certificate: { certificateId: "abc123", status: "ACTIVE" } }),
    row("AWS::IAM::Role", `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, "iot-rule-role", {
      role: { RoleName: "iot-rule-role", Arn: `arn:aws:iam::${ACCOUNT}:role/iot-rule-role`, AssumeRolePolicyDocument: "{}" },
      attachedPolicies: [{ PolicyName: "write-s3" }],
    }),
    row("AWS::KMS::Key", arn("kms", "key/k-1"), "k-1", { key: { KeyId: "k-1", Arn: arn("kms", "key/k-1"), KeyState: "Enabled", KeyManager: "CUSTOMER" } }),
    row("AWS::SQS::Queue", arn("sqs", "alerts"), "alerts", { attributes: {} }),
    row("AWS::Lambda::Function", arn("lambda", "function:ingest"), "ingest", { function: {} }),
    row("AWS::Greengrass::Group", arn("greengrass", "groups/gg-1"), "gg-1", {}),
    row("AWS::S3::Bucket", "arn:aws:s3:::archive", "archive", null, { problem: { code: "StoredShapeMismatch", issues: "bucket: required" } }),
  ];
  const relations: ScanRelation[] = [
    rel(arn("iot", "thinggroup/berlin-plant"), "child-of", arn("iot", "thinggroup/factories")),
    rel(arn("iot", "thing/sensor-001"), "member-of", arn("iot", "thinggroup/berlin-plant")),
    ...Array.from({ length: 11 }, (_, i) => rel(arn("iot", "thing/busy-sensor"), "member-of", arn("iot", `thinggroup/zone-${String(i).padStart(2, "0")}`))),
    rel(arn("iot", "policy/sensor-policy"), "attached-to", arn("iot", "cert/abc123")),
    rel(arn("iot", "cert/abc123"), "attached-to", arn("iot", "thing/sensor-001")),
    rel(arn("iot", "rule/telemetry_to_fc"), "invokes", arn("lambda", "function:ingest")),
  ];
  return { resources, relations };
}

const byName = (proposals: Proposal[], name: string) => {
  const found = proposals.find((p) => p.name === name);
  if (!found) throw new Error(`no proposal for ${name}`);
  return found;
};
const codes = (p: Proposal) => p.reasons.map((r) => r.code);
const base = (): MapScanInput => ({ ...estate(), catalogue });

describe("mapScan on a small estate", () => {
  const result = mapScan(base());
  const p = (name: string) => byName(result.proposals, name);

  it("proposes one target per resource, sorted by ARN", () => {
    expect(result.proposals).toHaveLength(base().resources.length);
    const arns = result.proposals.map((x) => x.arn);
    expect(arns).toEqual([...arns].sort());
    expect(result.errors).toEqual([]);
  });

  it("maps things onto the default IoT target, a device with a fitted DeviceName and the original kept", () => {
    const sensor = p("sensor-001");
    expect(sensor).toMatchObject({ status: "mapped", target: "IoT Platform (Enterprise instance)", rosType: "ALIYUN::IOT::Device", fit: "partial" });
    expect(sensor.properties).toMatchObject({
      deviceName: { name: "sensor-001", original: "sensor-001" },
      productName: { name: "temp_sensor_v2", original: "temp-sensor:v2" },
      nickname: { name: "sensor_001", original: "sensor-001" },
      tags: { site: "berlin" },
      groups: [{ name: "berlin_plant", original: "berlin-plant" }],
    });
    expect(codes(sensor)).toContain("partial-fit");
    expect(sensor.targetResources).toEqual({ "ALIYUN::IOT::Device": 1 });
    expect(p("gw:berlin:01").properties.deviceName).toEqual({ name: "gw:berlin:01", original: "gw:berlin:01" });
  });

  it("gives untyped things one default product and typed ones their type's product", () => {
    expect(result.products.map((x) => [x.original, x.productName, x.deviceCount])).toEqual([
      ["Untyped things", "Untyped_things", 2],
      ["gateway", "gateway", 1],
      ["temp-sensor:v2", "temp_sensor_v2", 3],
    ]);
    expect((p("lonely").properties.productName as { name: string }).name).toBe("Untyped_things");
    expect(p("temp-sensor:v2")).toMatchObject({ status: "mapped", rosType: "ALIYUN::IOT::Product", properties: { productName: { name: "temp_sensor_v2" }, deviceCount: 3 } });
  });

  it("keeps group nesting and makes a thing in 11 groups a decision, not a crash", () => {
    expect(p("berlin-plant").properties).toMatchObject({ groupName: { name: "berlin_plant" }, parent: { name: "factories", original: "factories" }, memberCount: 1 });
    expect(p("factories").properties.parent).toBeNull();
    expect(p("zone-03").properties.parent).toEqual({ name: "berlin_plant", original: "berlin-plant" });
    const busy = p("busy-sensor");
    expect(busy.status).toBe("decision");
    expect(codes(busy)).toContain("too-many-groups");
    expect(busy.properties.groups).toHaveLength(10);
    expect(busy.properties.groupsLeftOut).toEqual([{ name: "zone_10", original: "zone-10" }]);
    expect(busy.targetResources).toEqual({});
  });

  it("blocks a thing with named shadows and a thing whose record could not be read", () => {
    expect(p("legacy-box").status).toBe("blocked");
    expect(p("legacy-box").reasons[0]).toMatchObject({ code: "named-shadows", message: expect.stringContaining("config, firmware") });
    expect(p("broken")).toMatchObject({ status: "blocked", properties: {} });
    expect(p("broken").reasons[0]?.message).toContain("thing: expected object");
  });

  it("translates rule SQL: good rules map, a malformed one is blocked, an S3 action asks for a decision", () => {
    const fc = p("telemetry_to_fc");
    expect(fc).toMatchObject({ status: "mapped", rosType: "ALIYUN::IOT::Rule" });
    expect(fc.properties).toMatchObject({
      ruleName: { name: "telemetry_to_fc", original: "telemetry_to_fc" },
      sql: { original: "SELECT temperature, topic(2) AS device FROM 'dt/+/telemetry' WHERE temperature > 30" },
      where: "temperature > 30",
      actions: [{ original: "lambda", alibaba: "FC", fit: "equivalent", errorAction: false }],
      feeds: [arn("lambda", "function:ingest")],
    });
    expect((fc.properties.sql as { translated: string }).translated).toMatch(/^SELECT /);
    expect(fc.targetResources).toEqual({ "ALIYUN::IOT::Rule": 1, "ALIYUN::IOT::RuleAction": 1 });
    const bad = p("broken_sql");
    expect(bad.status).toBe("blocked");
    expect(bad.reasons[0]?.code).toMatch(/^sql\./);
    expect(bad.properties.sql).toEqual({ translated: null, original: "SELECT FROM WHERE" });
    const s3 = p("telemetry_to_s3");
    expect(s3.status).toBe("decision");
    expect(codes(s3)).toContain("action-no-equivalent.s3");
  });

  it("attaches the policies' topic classes to the products and blocks an unreadable policy", () => {
    expect(p("sensor-policy")).toMatchObject({ status: "mapped", target: "Product topic classes", properties: { products: ["temp-sensor:v2"] } });
    const product = result.products.find((x) => x.original === "temp-sensor:v2");
    expect(product?.topicClasses.map((t) => t.operation).sort()).toEqual(["PUB", "SUB"]);
    expect(p("temp-sensor:v2").properties.topicClasses).toBe(product?.topicClasses);
    expect(p("temp-sensor:v2").targetResources).toEqual({ "ALIYUN::IOT::Product": 1, "ALIYUN::IOT::ProductTopic": 2 });
    expect(p("damaged")).toMatchObject({ status: "blocked" });
    expect(codes(p("damaged"))).toContain("policy.MalformedPolicy");
  });

  it("maps IAM roles to RAM roles and KMS keys to KMS keys with their properties", () => {
    expect(p("iot-rule-role")).toMatchObject({ status: "mapped", rosType: "ALIYUN::RAM::Role", properties: { roleName: { name: "iot-rule-role" }, attachedPolicies: ["write-s3"] } });
    expect(p("k-1")).toMatchObject({ status: "mapped", rosType: "ALIYUN::KMS::Key", properties: { keyId: { original: "k-1" } } });
  });

  it("asks for a decision where the catalogue has several candidates, and says when a kind is missing", () => {
    const queue = p("alerts");
    expect(queue.status).toBe("decision");
    expect(queue.choices?.map((c) => c.rosType)).toEqual(["ALIYUN::MNS::Queue", "ALIYUN::ROCKETMQ5::Instance"]);
    expect(p("abc123").status).toBe("decision");
    expect(p("gg-1")).toMatchObject({ status: "none", target: null, alternatives: [] });
    expect(codes(p("gg-1"))).toEqual(["not-in-catalogue"]);
  });

  it("still maps a generic resource whose record could not be read, saying so", () => {
    expect(p("archive")).toMatchObject({ status: "mapped", rosType: "ALIYUN::OSS::Bucket" });
    expect(codes(p("archive"))[0]).toBe("unreadable-record");
  });

  it("sums coverage, kinds and targets consistently", () => {
    const total = Object.values(result.coverage).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.proposals.length);
    expect(result.byKind["AWS::IoT::Thing"]).toEqual({ mapped: 4, decision: 1, none: 0, blocked: 2 });
    expect(result.targetResources["ALIYUN::IOT::Device"]).toBe(4);
    // The default product has no thing type row: counted apart.
    expect(result.targetResources["ALIYUN::IOT::Product"]).toBe(3);
    expect(result.targetResources["ALIYUN::IOT::DeviceGroup"]).toBe(13);
    expect(summarizeMapScan(result.proposals)).toMatchObject({ coverage: result.coverage, byKind: result.byKind });
  });
});

describe("mapScan choices", () => {
  it("follows the chosen candidate of a kind", () => {
    const result = mapScan({ ...base(), choices: { byKind: { "AWS::SQS::Queue": "ApsaraMQ for RocketMQ" } } });
    expect(byName(result.proposals, "alerts")).toMatchObject({ status: "mapped", target: "ApsaraMQ for RocketMQ", rosType: "ALIYUN::ROCKETMQ5::Instance" });
    const unknown = mapScan({ ...base(), choices: { byKind: { "AWS::SQS::Queue": "Amazon SQS" } } });
    expect(byName(unknown.proposals, "alerts")).toMatchObject({ status: "decision" });
    expect(codes(byName(unknown.proposals, "alerts"))).toEqual(["unknown-choice"]);
  });

  it("blocks X.509 certificates outside cn-shanghai and maps them there", () => {
    const choices = { byKind: { "AWS::IoT::Certificate": "X.509 device certificate (IoT Platform)" } };
    const abroad = byName(mapScan({ ...base(), choices, targetRegion: "eu-central-1" }).proposals, "abc123");
    expect(abroad.status).toBe("blocked");
    expect(codes(abroad)).toContain("x509-not-in-region");
    const shanghai = byName(mapScan({ ...base(), choices, targetRegion: "cn-shanghai" }).proposals, "abc123");
    expect(shanghai.status).toBe("mapped");
    expect(shanghai.properties.things).toEqual([arn("iot", "thing/sensor-001")]);
    const unknownRegion = byName(mapScan({ ...base(), choices }).proposals, "abc123");
    expect(unknownRegion.status).toBe("mapped");
    expect(codes(unknownRegion)).toContain("x509-region");
  });

  it("checks each source region against the Alibaba region the plan chose for it", () => {
    const choices = { byKind: { "AWS::IoT::Certificate": "X.509 device certificate (IoT Platform)" } };
    const input = base();
    const region = input.resources.find((r) => r.name === "abc123")!.region;
    const mapped = byName(mapScan({ ...input, choices, targetRegion: "eu-central-1", targetRegionBySource: { [region]: "cn-shanghai" } }).proposals, "abc123");
    expect(mapped.status).toBe("mapped");
    const other = byName(mapScan({ ...input, choices, targetRegion: "cn-shanghai", targetRegionBySource: { "xx-nowhere-1": "cn-shanghai", [region]: "eu-central-1" } }).proposals, "abc123");
    expect(other.status).toBe("blocked");
  });

  it("changes the proposals when the IoT target changes", () => {
    const mqtt = mapScan({ ...base(), choices: { iotTarget: "ApsaraMQ for MQTT" } });
    const sensor = byName(mqtt.proposals, "sensor-001");
    expect(sensor).toMatchObject({ status: "mapped", target: "ApsaraMQ for MQTT", rosType: null, properties: { clientId: { name: "sensor-001" } } });
    expect(sensor.targetResources).toEqual({ "ApsaraMQ for MQTT": 1 });
    expect(byName(mqtt.proposals, "temp-sensor:v2")).toMatchObject({ status: "decision" });
    expect(codes(byName(mqtt.proposals, "telemetry_to_fc"))).toEqual(["iot-target-not-iot-platform"]);
    expect(byName(mqtt.proposals, "iot-rule-role").status).toBe("mapped");
    expect(mqtt.targetResources["ALIYUN::IOT::Device"]).toBeUndefined();
    const publicInstance = mapScan({ ...base(), choices: { iotTarget: "IoT Platform (public instance)" } });
    expect(byName(publicInstance.proposals, "sensor-001")).toMatchObject({ status: "mapped", target: "IoT Platform (public instance)" });
    const nonsense = mapScan({ ...base(), choices: { iotTarget: "Azure IoT Hub" } });
    expect(byName(nonsense.proposals, "sensor-001")).toMatchObject({ status: "decision" });
  });

  it("blocks things where the chosen IoT target is not offered", () => {
    const result = mapScan({ ...base(), targetRegion: "me-central-1" });
    const sensor = byName(result.proposals, "sensor-001");
    expect(sensor.status).toBe("blocked");
    expect(codes(sensor)[0]).toBe("not-in-region");
  });
});

describe("mapScan re-runs", () => {
  it("keeps every name from the previous map and names a new thing without renaming others", () => {
    const first = mapScan(base());
    const next = { ...estate(), catalogue };
    // A new thing whose plain name would collide (case-insensitively) with an existing one.
    next.resources.push(thing("SENSOR-001", "temp-sensor:v2"));
    const second = mapScan({ ...next, previousNameMaps: first.nameMaps });
    for (const before of first.proposals) {
      const after = second.proposals.find((x) => x.arn === before.arn);
      expect(after?.properties.deviceName).toEqual(before.properties.deviceName);
      expect(after?.properties.groupName).toEqual(before.properties.groupName);
      expect(after?.properties.ruleName).toEqual(before.properties.ruleName);
    }
    const added = second.proposals.find((x) => x.name === "SENSOR-001");
    const name = (added?.properties.deviceName as { name: string }).name;
    expect(name.toLowerCase()).not.toBe("sensor-001");
    expect(validateName("device", name).valid).toBe(true);
    // The same input again gives the same maps.
    expect(mapScan({ ...next, previousNameMaps: second.nameMaps }).nameMaps).toEqual(second.nameMaps);
  });

  it("keeps a name reserved when its thing disappears and gives it back when it returns", () => {
    const first = mapScan(base());
    const without = base();
    without.resources = without.resources.filter((r) => r.name !== "gw:berlin:01" && r.name !== "gateway");
    const second = mapScan({ ...without, previousNameMaps: first.nameMaps });
    expect(second.nameMaps["devices:eu-central-1:gateway"]).toEqual({ kind: "device", active: [], retired: [{ original: "gw:berlin:01", name: "gw:berlin:01" }] });
    const third = mapScan({ ...base(), previousNameMaps: second.nameMaps });
    expect(byName(third.proposals, "gw:berlin:01").properties.deviceName).toEqual({ name: "gw:berlin:01", original: "gw:berlin:01" });
  });

  it("reports a damaged previous name map and maps all the same", () => {
    const result = mapScan({ ...base(), previousNameMaps: { "products:eu-central-1": { kind: "product", active: [{ original: 3 } as never], retired: [] } } });
    expect(result.errors.map((e) => e.at)).toEqual(["nameMaps.products:eu-central-1: previous.active[0]"]);
    expect(byName(result.proposals, "sensor-001").status).toBe("mapped");
  });
});

describe("mapScan across source regions", () => {
  it("names each region's fleet in its own scopes, so the same thing name in two regions maps twice", () => {
    const here = thing("pump-1", "pump");
    const there: ScanResource = { ...thing("pump-1", "pump"), region: "us-east-1", arn: "arn:aws:iot:us-east-1:123456789012:thing/pump-1" };
    const result = mapScan({ resources: [here, there], relations: [], catalogue });
    expect(result.proposals.map((x) => (x.properties.deviceName as { name: string }).name)).toEqual(["pump-1", "pump-1"]);
    expect(Object.keys(result.nameMaps)).toEqual(["devices:eu-central-1:pump", "devices:us-east-1:pump", "groups:eu-central-1", "groups:us-east-1", "products:eu-central-1", "products:us-east-1", "rules:eu-central-1", "rules:us-east-1"]);
    expect(result.products.map((x) => [x.region, x.productName])).toEqual([["eu-central-1", "pump"], ["us-east-1", "pump"]]);
    expect(result.summary).toEqual({ coverage: result.coverage, byKind: result.byKind, targets: result.targetResources });
  });
});

describe("mapScan determinism and hostile input", () => {
  const shuffle = <T>(items: readonly T[], seed: number): T[] => {
    const out = [...items];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  it("gives the same output for shuffled input", () => {
    const { resources, relations } = estate();
    const reference = JSON.stringify(mapScan({ resources, relations, catalogue }));
    for (const seed of [1, 2, 3]) {
      expect(JSON.stringify(mapScan({ resources: shuffle(resources, seed), relations: shuffle(relations, seed + 10), catalogue }))).toBe(reference);
    }
  });

  it("reports malformed rows and relations one by one and maps the rest", () => {
    const { resources, relations } = estate();
    const result = mapScan({
      resources: [...resources, { kind: 7 } as never, null as never, resources[2] as ScanResource],
      relations: [...relations, { fromArn: 1 } as never],
      catalogue,
    });
    expect(result.proposals).toHaveLength(resources.length);
    expect(result.errors.map((e) => e.at).sort()).toEqual([`resources: ${resources[2]?.arn}`, "relations", `resources[${resources.length}]`, `resources[${resources.length + 1}]`].sort());
  });

  it("reads a hostile thing record defensively and blocks one that is not a record", () => {
    const hostile = row("AWS::IoT::Thing", arn("iot", "thing/x"), "x", { thing: { thingName: "x", attributes: { a: 1, b: "ok" }, thingTypeName: 5 }, shadows: "no" });
    const result = mapScan({ resources: [hostile, row("AWS::IoT::Thing", arn("iot", "thing/y"), "y", "text")], relations: [], catalogue });
    expect(byName(result.proposals, "x")).toMatchObject({ status: "mapped", properties: { tags: { b: "ok" }, productName: { original: "Untyped things" } } });
    expect(byName(result.proposals, "y").status).toBe("blocked");
  });
});

describe("mapScan at fleet size", () => {
  it("maps 20,000 things with every name valid and unique per scope", () => {
    const resources: ScanResource[] = [thingType("meter"), thingType("valve:v1")];
    for (let i = 0; i < 20_000; i++) {
      // Names that need fitting: long, with refused characters, colliding after rewriting.
      const name = i % 3 === 0 ? `meter-${i}` : i % 3 === 1 ? `Valve:Unit:${i}:${"x".repeat(i % 40)}` : `dev_${i % 5000}`;
      resources.push(thing(`${name}${i % 3 === 2 ? `-${i}` : ""}`, i % 4 === 0 ? null : i % 2 === 0 ? "meter" : "valve:v1"));
    }
    const result = mapScan({ resources, relations: [], catalogue });
    const things = result.proposals.filter((p) => p.kind === "AWS::IoT::Thing");
    expect(things).toHaveLength(20_000);
    expect(things.every((p) => p.status === "mapped")).toBe(true);
    const seen = new Map<string, Set<string>>();
    for (const p of things) {
      const product = (p.properties.productName as { name: string }).name;
      const device = (p.properties.deviceName as { name: string }).name;
      expect(validateName("device", device).valid).toBe(true);
      expect(validateName("nickname", (p.properties.nickname as { name: string }).name).valid).toBe(true);
      const names = seen.get(product) ?? new Set<string>();
      expect(names.has(device.toLowerCase())).toBe(false);
      names.add(device.toLowerCase());
      seen.set(product, names);
    }
    for (const product of result.products) expect(validateName("product", product.productName).valid).toBe(true);
    expect(result.targetResources["ALIYUN::IOT::Device"]).toBe(20_000);
  });
});
