import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { buildServiceMapGraph, recountGraphNode } from "@/lib/mapping/service-map/build-service-map-graph";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";

const catalogue = readCurrentCatalogueSeed();
const ACCOUNT = "123456789012";
const arnIn = (region: string, service: string, resource: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
const R1 = "eu-central-1";
const arn = (service: string, resource: string) => arnIn(R1, service, resource);

const row = (kind: string, resourceArn: string, name: string, raw: unknown, region = R1, extra: Partial<ScanResource> = {}): ScanResource => ({
  kind,
  arn: resourceArn,
  name,
  region,
  tags: {},
  raw,
  problem: null,
  ...extra,
});
const thing = (name: string, type: string | null, region = R1, extra: Record<string, unknown> = {}) =>
  row("AWS::IoT::Thing", arnIn(region, "iot", `thing/${name}`), name, { thing: { thingName: name, ...(type ? { thingTypeName: type } : {}), attributes: { site: "berlin" } }, ...extra }, region);
const thingType = (name: string, region = R1) => row("AWS::IoT::ThingType", arnIn(region, "iot", `thingtype/${name}`), name, { thingType: { thingTypeName: name } }, region);
const group = (name: string, parent?: string, region = R1) =>
  row("AWS::IoT::ThingGroup", arnIn(region, "iot", `thinggroup/${name}`), name, {
    group: { thingGroupName: name, ...(parent ? { thingGroupMetadata: { parentGroupName: parent } } : {}) },
    dynamic: false,
  }, region);
const rule = (name: string, sql: string, actions: unknown[], region = R1) =>
  row("AWS::IoT::TopicRule", arnIn(region, "iot", `rule/${name}`), name, { rule: { ruleName: name, sql, awsIotSqlVersion: "2016-03-23", actions } }, region);
const policy = (name: string, region = R1) =>
  row("AWS::IoT::Policy", arnIn(region, "iot", `policy/${name}`), name, {
    policy: {
      policyName: name,
      policyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "iot:Publish", Resource: arnIn(region, "iot", "topic/dt/${iot:Connection.Thing.ThingName}/telemetry") }],
      }),
      defaultVersionId: "1",
    },
    versions: [],
  }, region);
const rel = (fromArn: string, type: string, toArn: string): ScanRelation => ({ fromArn, toArn, type });

/** The small estate of map-scan.test.ts, with certificates, a CA and rule destinations. */
function smallEstate(): { resources: ScanResource[]; relations: ScanRelation[] } {
  const resources: ScanResource[] = [
    thingType("temp-sensor:v2"),
    thingType("gateway"),
    thing("sensor-001", "temp-sensor:v2"),
    thing("sensor-002", "temp-sensor:v2"),
    thing("gw:berlin:01", "gateway"),
    thing("lonely", null),
    thing("legacy-box", null, R1, { shadows: { classic: null, named: { firmware: {}, config: {} } } }),
    group("factories"),
    group("berlin-plant", "factories"),
    rule("telemetry_to_fc", "SELECT temperature FROM 'dt/+/telemetry' WHERE temperature > 30", [{ lambda: { functionArn: arn("lambda", "function:ingest") } }]),
    rule("telemetry_to_s3", "SELECT * FROM 'dt/+/telemetry'", [{ s3: { bucketName: "archive", key: "${topic(2)}" } }]),
    rule("broken_sql", "SELECT FROM WHERE", [{ sqs: { queueUrl: "https://sqs/q" } }]),
    policy("sensor-policy"),
    row("AWS::IoT::CACertificate", arn("iot", "cacert/ca-1"), "ca-1", { caCertificate: { certificateId: "ca-1", status: "ACTIVE" } }),
    row("AWS::IoT::Certificate", arn("iot", "cert/abc123"), "abc123", { certificate: { certificateId: "abc123", status: "ACTIVE" } }),
    row("AWS::IoT::Certificate", arn("iot", "cert/def456"), "def456", { certificate: { certificateId: "def456", status: "ACTIVE" } }),
    row("AWS::Lambda::Function", arn("lambda", "function:ingest"), "ingest", { function: {} }),
    row("AWS::S3::Bucket", "arn:aws:s3:::archive", "archive", { bucket: { Name: "archive" } }),
    row("AWS::SQS::Queue", arn("sqs", "alerts"), "alerts", { attributes: {} }),
    row("AWS::Greengrass::Group", arn("greengrass", "groups/gg-1"), "gg-1", {}),
  ];
  const relations: ScanRelation[] = [
    rel(arn("iot", "thing/sensor-001"), "has-type", arn("iot", "thingtype/temp-sensor:v2")),
    rel(arn("iot", "thing/sensor-002"), "has-type", arn("iot", "thingtype/temp-sensor:v2")),
    rel(arn("iot", "thinggroup/berlin-plant"), "child-of", arn("iot", "thinggroup/factories")),
    rel(arn("iot", "thing/sensor-001"), "member-of", arn("iot", "thinggroup/berlin-plant")),
    rel(arn("iot", "thing/sensor-002"), "member-of", arn("iot", "thinggroup/berlin-plant")),
    rel(arn("iot", "thing/lonely"), "member-of", arn("iot", "thinggroup/factories")),
    rel(arn("iot", "policy/sensor-policy"), "attached-to", arn("iot", "cert/abc123")),
    rel(arn("iot", "cert/abc123"), "attached-to", arn("iot", "thing/sensor-001")),
    rel(arn("iot", "cert/abc123"), "issued-by", arn("iot", "cacert/ca-1")),
    rel(arn("iot", "cert/def456"), "attached-to", arn("iot", "thing/lonely")),
    rel(arn("iot", "rule/telemetry_to_fc"), "invokes", arn("lambda", "function:ingest")),
    rel(arn("iot", "rule/telemetry_to_s3"), "writes-to", "arn:aws:s3:::archive"),
    // A relation to something the scan did not read: no edge, no crash.
    rel(arn("iot", "rule/telemetry_to_s3"), "writes-to", "arn:aws:firehose:eu-central-1:123456789012:deliverystream/gone"),
  ];
  return { resources, relations };
}

const build = (estate: { resources: ScanResource[]; relations: ScanRelation[] }) => {
  const mapped = mapScan({ ...estate, catalogue });
  return { mapped, ...buildServiceMapGraph({ proposals: mapped.proposals, products: mapped.products, relations: estate.relations }) };
};

function expectWellFormed(graph: ServiceMapGraph) {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  for (const edge of graph.edges) {
    expect(ids.has(edge.source), `${edge.id}: source`).toBe(true);
    expect(ids.has(edge.target), `${edge.id}: target`).toBe(true);
    expect(edge.source).not.toBe(edge.target);
  }
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const node of graph.nodes) {
    expect(node.id).toMatch(/^(aws|ali)\.[a-z0-9]+\.[0-9a-f]{16}$/);
    const total = node.counts.mapped + node.counts.decision + node.counts.none + node.counts.blocked;
    expect(total).toBe(node.members);
  }
}

const nodeNamed = (graph: ServiceMapGraph, side: "aws" | "alibaba", label: string) => {
  const node = graph.nodes.find((n) => n.side === side && n.label === label);
  if (!node) throw new Error(`no ${side} node ${label}: ${graph.nodes.map((n) => n.label).join(", ")}`);
  return node;
};

describe("buildServiceMapGraph on a small estate", () => {
  const { mapped, graph, nodeOf } = build(smallEstate());

  it("gives every proposal a node and counts each proposal once", () => {
    expectWellFormed(graph);
    for (const p of mapped.proposals) expect(nodeOf(p.kind, p.arn), `${p.kind} ${p.arn}`).not.toBeNull();
    const aws = graph.nodes.filter((n) => n.side === "aws");
    expect(aws.reduce((sum, n) => sum + n.members, 0)).toBe(mapped.proposals.length);
    expect(graph.resources).toBe(mapped.proposals.length);
    expect(nodeOf("AWS::IoT::Thing", "arn:aws:iot:eu-central-1:123456789012:thing/nobody")).toBeNull();
  });

  it("draws things per thing type with the type, and the untyped things of a region as one node", () => {
    const sensors = nodeNamed(graph, "aws", "temp-sensor:v2");
    expect(sensors).toMatchObject({ group: "thing-type", kind: "AWS::IoT::ThingType", members: 3, things: 2, region: R1 });
    expect(nodeOf("AWS::IoT::Thing", arn("iot", "thing/sensor-001"))).toBe(sensors.id);
    expect(nodeOf("AWS::IoT::ThingType", arn("iot", "thingtype/temp-sensor:v2"))).toBe(sensors.id);
    const untyped = graph.nodes.find((n) => n.group === "untyped-things");
    expect(untyped).toMatchObject({ kind: "AWS::IoT::Thing", label: R1, things: 2, counts: { mapped: 1, blocked: 1, decision: 0, none: 0 } });
    expect(untyped?.flags).toMatchObject({ blocked: true, decisions: false });
    // The blocked thing's own reason comes first, before those the mapped thing gives too.
    expect(untyped?.reasons[0]).toMatchObject({ code: "named-shadows", status: "blocked", count: 1 });
    expect(sensors.reasons.length).toBeGreaterThan(0);
    expect(sensors.reasons.every((r) => r.status === "mapped")).toBe(true);
    // Alibaba side: the product each becomes, with its fitted name.
    const product = graph.nodes.find((n) => n.sources.includes(sensors.id));
    expect(product).toMatchObject({ side: "alibaba", kind: "ALIYUN::IOT::Product", label: "temp_sensor_v2", counts: sensors.counts });
    expect(graph.nodes.find((n) => n.sources.includes(untyped!.id))?.label).toBe("Untyped_things");
    expect(graph.edges.find((e) => e.source === sensors.id && e.target === product?.id)?.kind).toBe("becomes");
  });

  it("draws certificates per CA and the rest per region, with policy -> certificates -> things", () => {
    const ca = graph.nodes.find((n) => n.side === "aws" && n.kind === "AWS::IoT::CACertificate");
    expect(ca).toMatchObject({ group: "certificates", label: "ca-1", members: 2 });
    const loose = graph.nodes.find((n) => n.side === "aws" && n.kind === "AWS::IoT::Certificate");
    expect(loose).toMatchObject({ group: "certificates", label: R1, members: 1 });
    const policyNode = nodeNamed(graph, "aws", "sensor-policy");
    const sensors = nodeNamed(graph, "aws", "temp-sensor:v2");
    const edge = (from: string, to: string) => graph.edges.find((e) => e.source === from && e.target === to);
    expect(edge(policyNode.id, ca!.id)?.kind).toBe("attached-to");
    expect(edge(ca!.id, sensors.id)?.kind).toBe("attached-to");
  });

  it("joins types to groups, groups to parents and rules to what they feed, on both sides", () => {
    const sensors = nodeNamed(graph, "aws", "temp-sensor:v2");
    const plant = nodeNamed(graph, "aws", "berlin-plant");
    const factories = nodeNamed(graph, "aws", "factories");
    const membership = graph.edges.find((e) => e.source === sensors.id && e.target === plant.id);
    expect(membership).toMatchObject({ kind: "member-of", count: 2 });
    expect(graph.edges.find((e) => e.source === plant.id && e.target === factories.id)?.kind).toBe("child-of");
    const fc = nodeNamed(graph, "aws", "telemetry_to_fc");
    const ingest = nodeNamed(graph, "aws", "ingest");
    expect(graph.edges.find((e) => e.source === fc.id && e.target === ingest.id)?.kind).toBe("invokes");
    const alibabaOf = (id: string) => graph.nodes.find((n) => n.sources.includes(id))!.id;
    expect(graph.edges.find((e) => e.source === alibabaOf(sensors.id) && e.target === alibabaOf(plant.id))).toMatchObject({ kind: "member-of", count: 2 });
    expect(nodeNamed(graph, "alibaba", "berlin_plant").kind).toBe("ALIYUN::IOT::DeviceGroup");
  });

  it("colours by status and flags decisions, blocked, none and gaps", () => {
    expect(nodeNamed(graph, "aws", "broken_sql")).toMatchObject({ tone: "blocked", flags: { blocked: true } });
    expect(nodeNamed(graph, "aws", "telemetry_to_s3")).toMatchObject({ tone: "decision", flags: { decisions: true } });
    const gg = nodeNamed(graph, "aws", "gg-1");
    expect(gg).toMatchObject({ tone: "none", fit: null, target: null, flags: { none: true } });
    // No target: nothing drawn on the Alibaba side for it.
    expect(graph.nodes.some((n) => n.sources.includes(gg.id))).toBe(false);
    const sensors = nodeNamed(graph, "aws", "temp-sensor:v2");
    expect(sensors).toMatchObject({ tone: "mapped", fit: "partial", flags: { gaps: true } });
  });

  it("counts a reason once per resource giving it, however often one resource says it", () => {
    // A rule whose two action templates both get the same warning.
    const proposals = mapped.proposals.map((p) => (p.name === "telemetry_to_s3" ? { ...p, reasons: [...p.reasons, p.reasons[p.reasons.length - 1]!] } : p));
    const again = buildServiceMapGraph({ proposals, products: mapped.products, relations: smallEstate().relations }).graph;
    const rule = nodeNamed(again, "aws", "telemetry_to_s3");
    expect(rule.reasons.length).toBeGreaterThan(1);
    for (const reason of rule.reasons) expect(reason.count).toBe(1);
    expect(rule.reasons[0]?.status).toBe("decision");
  });
});

describe("buildServiceMapGraph ids and determinism", () => {
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

  it("gives the same graph for shuffled input", () => {
    const estate = smallEstate();
    const { mapped, graph } = build(estate);
    for (const seed of [1, 2]) {
      const again = buildServiceMapGraph({ proposals: shuffle(mapped.proposals, seed), products: shuffle(mapped.products, seed), relations: shuffle(estate.relations, seed) });
      expect(JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
    }
  });

  it("keeps a node's id when other resources come and go", () => {
    const before = build(smallEstate()).graph;
    const estate = smallEstate();
    estate.resources.push(thingType("pump"), thing("pump-1", "pump"), group("aaa-first"));
    estate.resources = estate.resources.filter((r) => r.name !== "gateway" && r.name !== "gw:berlin:01");
    const after = build(estate).graph;
    for (const label of ["temp-sensor:v2", "berlin-plant", "telemetry_to_fc", "sensor-policy", "ingest"]) {
      expect(nodeNamed(after, "aws", label).id).toBe(nodeNamed(before, "aws", label).id);
    }
    expect(after.nodes.some((n) => n.label === "gateway")).toBe(false);
  });
});

describe("recountGraphNode", () => {
  const { graph } = build(smallEstate());
  const s3 = nodeNamed(graph, "aws", "telemetry_to_s3");

  it("replaces one node's counts, tone and flags, and its Alibaba node's, without changing the graph given", () => {
    const before = JSON.stringify(graph);
    const next = recountGraphNode(graph, s3.id, { mapped: 1, decision: 0, none: 0, blocked: 0 });
    expect(JSON.stringify(graph)).toBe(before);
    const node = next.nodes.find((n) => n.id === s3.id)!;
    expect(node).toMatchObject({ counts: { mapped: 1, decision: 0 }, tone: "mapped", flags: { decisions: false, blocked: false } });
    const alibaba = next.nodes.find((n) => n.sources.includes(s3.id));
    expect(alibaba?.counts).toEqual(node.counts);
    expect(alibaba?.tone).toBe("mapped");
    const untouched = next.nodes.filter((n) => n.id !== s3.id && !n.sources.includes(s3.id));
    expect(untouched).toEqual(graph.nodes.filter((n) => n.id !== s3.id && !n.sources.includes(s3.id)));
  });

  it("returns the graph as it is for an unknown node", () => {
    expect(recountGraphNode(graph, "aws.nothing.0000000000000000", { mapped: 1, decision: 0, none: 0, blocked: 0 })).toBe(graph);
  });
});

/** 100,000 things in two regions with the rest of a realistic estate around them. */
function fleetEstate(): { resources: ScanResource[]; relations: ScanRelation[] } {
  const resources: ScanResource[] = [];
  const relations: ScanRelation[] = [];
  const regions = [R1, "us-east-1"];
  const destinations: Array<[string, string, (region: string, i: number) => string, unknown, (target: string) => unknown]> = [
    ["AWS::Lambda::Function", "lambda", (r, i) => arnIn(r, "lambda", `function:fn-${i}`), { function: {} }, (t) => ({ lambda: { functionArn: t } })],
    ["AWS::DynamoDB::Table", "dynamodb", (r, i) => arnIn(r, "dynamodb", `table/t-${i}`), { table: {} }, () => ({ dynamoDBv2: { putItem: { tableName: "t" }, roleArn: "r" } })],
    ["AWS::Kinesis::Stream", "kinesis", (r, i) => arnIn(r, "kinesis", `stream/s-${i}`), { stream: {} }, () => ({ kinesis: { streamName: "s", roleArn: "r" } })],
    ["AWS::SQS::Queue", "sqs", (r, i) => arnIn(r, "sqs", `q-${i}`), { attributes: {} }, () => ({ sqs: { queueUrl: "https://sqs/q", roleArn: "r" } })],
    ["AWS::SNS::Topic", "sns", (r, i) => arnIn(r, "sns", `topic-${i}`), { attributes: {} }, (t) => ({ sns: { targetArn: t, roleArn: "r" } })],
    ["AWS::S3::Bucket", "s3", (_r, i) => `arn:aws:s3:::bucket-${i}`, { bucket: {} }, () => ({ s3: { bucketName: "b", key: "k", roleArn: "r" } })],
  ];
  let n = 0;
  const added = new Set<string>();
  for (const region of regions) {
    const types = Array.from({ length: 30 }, (_, i) => `type-${String(i).padStart(2, "0")}`);
    resources.push(...types.map((t) => thingType(t, region)));
    const groups = Array.from({ length: 60 }, (_, i) => `group-${String(i).padStart(2, "0")}`);
    resources.push(...groups.map((g, i) => group(g, i >= 6 ? groups[i % 6] : undefined, region)));
    groups.forEach((g, i) => i >= 6 && relations.push(rel(arnIn(region, "iot", `thinggroup/${g}`), "child-of", arnIn(region, "iot", `thinggroup/${groups[i % 6]}`))));
    const cas = ["ca-a", "ca-b"].map((c) => arnIn(region, "iot", `cacert/${region}-${c}`));
    resources.push(...cas.map((c) => row("AWS::IoT::CACertificate", c, c.split("/").pop()!, { caCertificate: {} }, region)));
    const policies = Array.from({ length: 25 }, (_, i) => policy(`policy-${i}`, region));
    resources.push(...policies);
    for (let i = 0; i < 50_000; i++, n++) {
      const type = i % 50 === 0 ? null : types[i % types.length]!;
      const t = thing(`dev-${region}-${i}`, type, region);
      resources.push(t);
      if (type) relations.push(rel(t.arn, "has-type", arnIn(region, "iot", `thingtype/${type}`)));
      relations.push(rel(t.arn, "member-of", arnIn(region, "iot", `thinggroup/${groups[i % groups.length]}`)));
      const cert = arnIn(region, "iot", `cert/c-${n}`);
      resources.push(row("AWS::IoT::Certificate", cert, `c-${n}`, { certificate: { certificateId: `c-${n}`, status: "ACTIVE" } }, region));
      relations.push(rel(cert, "attached-to", t.arn));
      if (i % 10 !== 0) relations.push(rel(cert, "issued-by", cas[i % 2]!));
      relations.push(rel(policies[i % policies.length]!.arn, "attached-to", cert));
    }
    for (let i = 0; i < 40; i++) {
      const [kind, , arnOf, raw, action] = destinations[i % destinations.length]!;
      const target = arnOf(region, i);
      if (!added.has(target)) {
        added.add(target);
        resources.push(row(kind, target, target.split(/[:/]/).pop()!, raw, region));
      }
      resources.push(rule(`rule_${i}`, `SELECT * FROM 'dt/${i}/+'`, [action(target)], region));
      relations.push(rel(arnIn(region, "iot", `rule/rule_${i}`), kind === "AWS::Lambda::Function" ? "invokes" : "writes-to", target));
      relations.push(rel(arnIn(region, "iot", `rule/rule_${i}`), "assumes-role", `arn:aws:iam::${ACCOUNT}:role/role-${i % 12}`));
    }
    for (let i = 0; i < 8; i++) resources.push(row("AWS::Logs::LogGroup", arnIn(region, "logs", `log-group:/aws/iot/${i}`), `/aws/iot/${i}`, { logGroup: {} }, region));
    for (let i = 0; i < 5; i++) resources.push(row("AWS::KMS::Key", arnIn(region, "kms", `key/k-${i}`), `k-${i}`, { key: { KeyId: `k-${i}` } }, region));
    resources.push(row("AWS::IoT::Logging", arnIn(region, "iot", "logging"), "logging", {}, region));
  }
  for (let i = 0; i < 12; i++) {
    const role = `arn:aws:iam::${ACCOUNT}:role/role-${i}`;
    resources.push(row("AWS::IAM::Role", role, `role-${i}`, { role: { RoleName: `role-${i}`, Arn: role, AssumeRolePolicyDocument: "{}" }, attachedPolicies: [] }, "global"));
  }
  return { resources, relations };
}

describe("buildServiceMapGraph at fleet size", () => {
  let result: ReturnType<typeof build> & { estate: ReturnType<typeof fleetEstate> };
  const fleet = () => {
    if (!result) {
      const estate = fleetEstate();
      result = { ...build(estate), estate };
    }
    return result;
  };

  it("draws 100,000 things and the rest of the estate in under 300 nodes, every edge between drawn nodes", () => {
    const { graph, mapped, nodeOf } = fleet();
    expect(mapped.proposals.filter((p) => p.kind === "AWS::IoT::Thing")).toHaveLength(100_000);
    expect(graph.nodes.length).toBeLessThan(300);
    expect(graph.nodes.length).toBeGreaterThan(100);
    expectWellFormed(graph);
    for (const p of mapped.proposals) expect(nodeOf(p.kind, p.arn)).not.toBeNull();
    const things = graph.nodes.filter((n) => n.side === "aws" && (n.group === "thing-type" || n.group === "untyped-things" || (n.group === "aggregate" && n.kind === "AWS::IoT::ThingType")));
    expect(things.reduce((s, n) => s + n.things, 0)).toBe(100_000);
    // Limits per kind: the rest of a kind is one node.
    const perKind = (kind: string, group: string) => graph.nodes.filter((n) => n.side === "aws" && n.kind === kind && n.group === group).length;
    expect(perKind("AWS::IoT::ThingGroup", "resource")).toBe(19);
    expect(perKind("AWS::IoT::ThingGroup", "aggregate")).toBe(1);
    expect(perKind("AWS::IAM::Role", "aggregate")).toBe(1);
    expect(perKind("AWS::IAM::Role", "resource")).toBe(0);
    expect(perKind("AWS::IoT::Logging", "resource")).toBe(2);
    expect(perKind("AWS::IoT::CACertificate", "certificates")).toBe(4);
    expect(perKind("AWS::IoT::Certificate", "certificates")).toBe(2);
    expect(JSON.stringify(graph).length).toBeLessThan(1_000_000);
  }, 120_000);

  it("is deterministic at fleet size", () => {
    const { mapped, graph, estate } = fleet();
    const again = buildServiceMapGraph({ proposals: [...mapped.proposals].reverse(), products: [...mapped.products].reverse(), relations: [...estate.relations].reverse() });
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
  }, 120_000);
});

