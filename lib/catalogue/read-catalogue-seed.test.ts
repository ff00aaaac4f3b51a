import { describe, expect, it } from "vitest";
import { collectorPlans } from "@/lib/aws/collector-plans";
import { KIND } from "@/lib/aws/resource-kinds";
import { topicRuleActionSchema } from "@/lib/aws/topic-rule-targets";
import { IOT_DETAIL_SECTIONS, isMainlandRegion } from "@/lib/catalogue/catalogue-schema";
import type { Catalogue, CatalogueEntry } from "@/lib/catalogue/catalogue-types";
import { KNOWN_ROS_TYPES } from "@/lib/catalogue/known-ros-types";
import {
  CURRENT_CATALOGUE_SEED,
  CatalogueSeedError,
  readCatalogueSeed,
  readCurrentCatalogueSeed,
} from "@/lib/catalogue/read-catalogue-seed";

const catalogue = readCurrentCatalogueSeed();

function entry(kind: string): CatalogueEntry {
  const found = catalogue.entries.find((e) => e.kind === kind);
  if (!found) throw new Error(`no entry for ${kind}`);
  return found;
}

function targetNames(kind: string): string[] {
  return [...entry(kind).targets].sort((a, b) => a.rank - b.rank).map((t) => t.name);
}

/** A deep copy of the current seed to break in one place. */
function seedCopy(): { entries: Record<string, unknown>[]; iot: Record<string, Record<string, unknown>[]> } & Record<string, unknown> {
  return structuredClone(CURRENT_CATALOGUE_SEED) as ReturnType<typeof seedCopy>;
}

function entryIndex(seed: ReturnType<typeof seedCopy>, kind: string): number {
  const i = seed.entries.findIndex((e) => e.kind === kind);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

function issuesOf(input: unknown): CatalogueSeedError["issues"] {
  try {
    readCatalogueSeed(input, "test.json");
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueSeedError);
    return (error as CatalogueSeedError).issues;
  }
  throw new Error("the seed was accepted");
}

describe("the 2026-12 catalogue seed", () => {
  it("validates and carries its version and date", () => {
    expect(catalogue.version).toBe("2026-12");
    expect(catalogue.date).toMatch(/^2026-12-\d{2}$/);
    expect(catalogue.entries.length).toBeGreaterThan(60);
  });

  it("has an entry for every kind a collector plan lists", () => {
    const planned = Object.values(collectorPlans).flatMap((plan) => [...plan.kinds]);
    expect(planned.length).toBeGreaterThan(25);
    const kinds = new Set(catalogue.entries.map((e) => e.kind));
    expect(planned.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it("has an entry for every kind the inventory names, referenced-only kinds included", () => {
    const kinds = new Set(catalogue.entries.map((e) => e.kind));
    expect(Object.values(KIND).filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it("covers the wider estate: identity, network, storage, compute, data, AI", () => {
    const categories = new Set(catalogue.entries.map((e) => e.category));
    for (const category of ["identity", "network", "storage", "compute", "data", "ai", "messaging", "iot", "security", "observability"]) {
      expect(categories, category).toContain(category);
    }
    for (const kind of ["AWS::EC2::Instance", "AWS::EC2::VPC", "AWS::RDS::DBInstance", "AWS::EKS::Cluster", "AWS::SageMaker::Model", "AWS::IAM::Role"]) {
      expect(catalogue.entries.map((e) => e.kind)).toContain(kind);
    }
  });

  it("holds both of Alibaba's disagreeing candidates for SQS, Kinesis and DynamoDB, ranked, with why", () => {
    const cases: [string, string, string][] = [
      ["AWS::SQS::Queue", "Simple Message Queue", "ApsaraMQ for RocketMQ"],
      ["AWS::Kinesis::Stream", "DataHub", "Simple Log Service"],
      ["AWS::DynamoDB::Table", "Tablestore", "Lindorm"],
    ];
    for (const [kind, first, second] of cases) {
      const names = targetNames(kind);
      const a = names.findIndex((n) => n.startsWith(first));
      const b = names.findIndex((n) => n.startsWith(second));
      expect(a, `${kind} ${first}`).toBeGreaterThanOrEqual(0);
      expect(b, `${kind} ${second}`).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThan(b);
      expect(entry(kind).note).toMatch(/disagree/);
      const top = entry(kind).targets.find((t) => t.rank === 1);
      expect(top?.confidenceNote).toMatch(/Ranked first because/);
    }
  });

  it("gives IoT Core its alternatives, each with fit and gaps, and the uncertainty as the note states it", () => {
    const thing = entry("AWS::IoT::Thing");
    const byName = (prefix: string) => thing.targets.find((t) => t.name.startsWith(prefix));
    const enterprise = byName("IoT Platform (Enterprise instance)");
    const publicInstance = byName("IoT Platform (public instance)");
    const mqtt = byName("ApsaraMQ for MQTT");
    const emqx = byName("EMQX");
    const thingsboard = byName("ThingsBoard");
    for (const target of [enterprise, publicInstance, mqtt, emqx, thingsboard]) {
      expect(target).toBeDefined();
      expect(target?.gaps.length).toBeGreaterThan(0);
      expect(target?.fit).not.toBe("none");
    }
    expect(enterprise?.rank).toBe(1);
    expect(emqx?.name).toMatch(/ECS or ACK/);
    expect(thingsboard?.name).toMatch(/ECS or ACK/);
    for (const target of [enterprise, publicInstance]) {
      expect(target?.caveat).toMatch(/\(Deprecated\)/);
      expect(target?.caveat).toMatch(/was not found/);
      expect(target?.caveat).toMatch(/still maps IoT Core to IoT Platform/);
      expect(target?.confidence).not.toBe("high");
    }
    expect(mqtt?.caveat).toMatch(/No Alibaba source names ApsaraMQ for MQTT as IoT Platform's replacement/);
    expect(publicInstance?.gaps.map((g) => g.key)).toContain("caps");
    expect(enterprise?.availability.mainlandChina).toEqual({ status: "regions", regions: ["cn-shanghai", "cn-beijing", "cn-shenzhen"] });
  });

  it("records where a candidate's regions were read and whether the list was cut short", () => {
    const thing = entry("AWS::IoT::Thing");
    const mqtt = thing.targets.find((t) => t.name === "ApsaraMQ for MQTT")!;
    const enterprise = thing.targets.find((t) => t.rank === 1)!;
    expect(mqtt.availability.source).toMatch(/^https:\/\//);
    expect(mqtt.availability.mainlandChina).toMatchObject({ status: "regions", incomplete: true });
    const regionsOf = (world: (typeof mqtt)["availability"]["international"]) => (world.status === "regions" ? world.regions : []);
    // The Middle East: ApsaraMQ for MQTT lists a region there, IoT Platform none.
    expect(regionsOf(mqtt.availability.international)).toContain("me-central-1");
    expect(regionsOf(enterprise.availability.international).some((r) => r.startsWith("me-"))).toBe(false);
    const tablestore = entry("AWS::DynamoDB::Table").targets.find((t) => t.rank === 1)!;
    expect(tablestore.availability.mainlandChina.status).toBe("regions");
    expect(tablestore.availability.international.status).toBe("regions");
  });

  it("leaves availability it did not verify unknown", () => {
    const timestream = entry("AWS::Timestream::Database").targets[0]!;
    expect(timestream.availability.mainlandChina.status).toBe("unknown");
    expect(timestream.availability.international.status).toBe("unknown");
    expect(timestream.availability.mainlandChina.note).toBeTruthy();
  });

  it("ranks every entry's targets 1..n without gaps", () => {
    for (const e of catalogue.entries) {
      const ranks = e.targets.map((t) => t.rank).sort((a, b) => a - b);
      expect(ranks, e.kind).toEqual(ranks.map((_, i) => i + 1));
    }
  });

  it("uses only known ROS types, each with a source", () => {
    const used = catalogue.entries.flatMap((e) => e.targets.map((t) => t.rosType)).filter((t) => t !== null);
    expect(used.length).toBeGreaterThan(30);
    const known: string[] = Object.keys(KNOWN_ROS_TYPES);
    for (const rosType of used) expect(known, rosType).toContain(rosType);
    for (const [rosType, source] of Object.entries(KNOWN_ROS_TYPES)) {
      expect(rosType).toMatch(/^ALIYUN::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      expect(source.length).toBeGreaterThan(0);
    }
  });

  it("keeps mainland China and international regions apart everywhere", () => {
    const worlds = catalogue.entries.flatMap((e) => e.targets.map((t) => t.availability));
    worlds.push(...catalogue.iot.certificates.map((c) => c.availability));
    for (const { mainlandChina, international } of worlds) {
      if (mainlandChina.status === "regions") expect(mainlandChina.regions.every(isMainlandRegion)).toBe(true);
      if (international.status === "regions") expect(international.regions.some(isMainlandRegion)).toBe(false);
    }
  });

  it("has a rule-action detail for every AWS rule action the inventory reads", () => {
    const actions = Object.keys(topicRuleActionSchema.shape);
    const covered = new Set(catalogue.iot.ruleActions.map((a) => a.aws));
    expect(actions.filter((a) => !covered.has(a))).toEqual([]);
    const lambda = catalogue.iot.ruleActions.find((a) => a.aws === "lambda");
    expect(lambda?.alibaba).toBe("FC");
    expect(catalogue.iot.ruleActions.find((a) => a.aws === "s3")?.fit).toBe("none");
  });

  it("holds the IoT details: SQL functions, name limits, shadows, certificates, topic model", () => {
    for (const section of IOT_DETAIL_SECTIONS) expect(catalogue.iot[section].length, section).toBeGreaterThan(0);
    const product = catalogue.iot.nameLimits.find((n) => n.key === "thing-type-to-product");
    expect(product?.alibabaRule).toMatchObject({ minLength: 4, maxLength: 30 });
    expect(product?.chineseCountsTwo).toBe(true);
    const device = catalogue.iot.nameLimits.find((n) => n.key === "thing-to-device");
    expect(device?.alibabaRule).toMatchObject({ minLength: 4, maxLength: 32 });
    expect(catalogue.iot.nameLimits.find((n) => n.key === "topic-rule-to-rule")?.alibabaRule).toMatchObject({ minLength: 1, maxLength: 30 });
    const named = catalogue.iot.shadowKinds.find((s) => s.key === "named");
    expect(named).toMatchObject({ alibaba: null, fit: "none" });
    const x509 = catalogue.iot.certificates.find((c) => c.key === "device-x509");
    expect(x509?.availability.mainlandChina).toEqual({ status: "regions", regions: ["cn-shanghai"] });
    expect(x509?.availability.international.status).toBe("none");
    expect(catalogue.iot.sqlFunctions.find((f) => f.key === "clientid")?.alibaba).toBe("deviceName()");
  });

  it("marks low confidence with the reason", () => {
    const low = catalogue.entries.flatMap((e) => e.targets).filter((t) => t.confidence === "low");
    expect(low.length).toBeGreaterThan(0);
    for (const target of low) expect(target.confidenceNote, target.name).toBeTruthy();
  });
});

describe("readCatalogueSeed on a bad file", () => {
  it("refuses text that is not JSON, naming the file", () => {
    const issues = issuesOf("{ not json");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entry: null, field: "(file)" });
    expect(issues[0]?.message).toMatch(/not valid JSON/);
  });

  it("accepts the same seed as JSON text", () => {
    const parsed: Catalogue = readCatalogueSeed(JSON.stringify(CURRENT_CATALOGUE_SEED));
    expect(parsed.entries.length).toBe(catalogue.entries.length);
  });

  it.each([null, 42, [], "[]", "null", { version: "2026-12" }])("refuses %j without crashing", (input) => {
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(0);
  });

  it("names the entry and the field of a bad fit", () => {
    const seed = seedCopy();
    const i = entryIndex(seed, "AWS::SQS::Queue");
    (seed.entries[i]!.targets as Record<string, unknown>[])[1]!.fit = "perfect";
    const issues = issuesOf(seed);
    expect(issues).toEqual([expect.objectContaining({ entry: "AWS::SQS::Queue", field: "targets[1].fit" })]);
  });

  it("refuses an unknown ROS type", () => {
    const seed = seedCopy();
    const i = entryIndex(seed, "AWS::IoT::Thing");
    (seed.entries[i]!.targets as Record<string, unknown>[])[0]!.rosType = "ALIYUN::IOT::Thing";
    const issues = issuesOf(seed);
    expect(issues).toEqual([expect.objectContaining({ entry: "AWS::IoT::Thing", field: "targets[0].rosType" })]);
    expect(issues[0]?.message).toMatch(/not a known ROS type/);
  });

  it("refuses ranks with a gap or a repeat", () => {
    const seed = seedCopy();
    const i = entryIndex(seed, "AWS::DynamoDB::Table");
    (seed.entries[i]!.targets as Record<string, unknown>[])[1]!.rank = 3;
    const issues = issuesOf(seed);
    expect(issues).toEqual([expect.objectContaining({ entry: "AWS::DynamoDB::Table", field: "targets" })]);
    expect(issues[0]?.message).toMatch(/1\.\.3/);

    const repeat = seedCopy();
    (repeat.entries[i]!.targets as Record<string, unknown>[])[1]!.rank = 1;
    expect(issuesOf(repeat)[0]?.message).toMatch(/without gaps or repeats/);
  });

  it("refuses a mainland region among international ones and the reverse", () => {
    const seed = seedCopy();
    const i = entryIndex(seed, "AWS::IoT::Thing");
    const target = (seed.entries[i]!.targets as Record<string, { international: unknown; mainlandChina: unknown }>[])[0]!;
    target.availability = {
      mainlandChina: { status: "regions", regions: ["cn-hongkong"] },
      international: { status: "regions", regions: ["eu-central-1", "cn-beijing"] },
    };
    const issues = issuesOf(seed);
    expect(issues.map((x) => x.field).sort()).toEqual([
      "targets[0].availability.international.regions[1]",
      "targets[0].availability.mainlandChina.regions[0]",
    ]);
  });

  it("refuses an availability source that is not an https link and an incomplete flag set to false", () => {
    const seed = seedCopy();
    const i = entryIndex(seed, "AWS::IoT::Thing");
    const target = (seed.entries[i]!.targets as { availability: Record<string, unknown> }[])[2]!;
    target.availability.source = "javascript:alert(1)";
    (target.availability.mainlandChina as Record<string, unknown>).incomplete = false;
    expect(issuesOf(seed).map((x) => x.field).sort()).toEqual([
      "targets[2].availability.mainlandChina.incomplete",
      "targets[2].availability.source",
    ]);
  });

  it("refuses a duplicate kind, a missing field and an entry without targets, each named", () => {
    const seed = seedCopy();
    seed.entries.push(structuredClone(seed.entries[0]!));
    const s3 = entryIndex(seed, "AWS::S3::Bucket");
    delete (seed.entries[s3]!.targets as Record<string, unknown>[])[0]!.source;
    const lambda = entryIndex(seed, "AWS::Lambda::Function");
    seed.entries[lambda]!.targets = [];
    const issues = issuesOf(seed);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entry: "AWS::S3::Bucket", field: "targets[0].source" }),
        expect.objectContaining({ entry: "AWS::Lambda::Function", field: "targets" }),
        expect.objectContaining({ entry: String(seed.entries[0]!.kind), field: "kind", message: expect.stringMatching(/duplicate kind/) }),
      ]),
    );
  });

  it("names an entry without a usable kind by its position", () => {
    const seed = seedCopy();
    seed.entries[2]!.kind = 7;
    expect(issuesOf(seed)).toEqual([expect.objectContaining({ entry: "entries[2]", field: "kind" })]);
  });

  it("names a bad IoT detail by its section and key", () => {
    const seed = seedCopy();
    const lambda = seed.iot.ruleActions!.findIndex((a) => a.key === "lambda");
    seed.iot.ruleActions![lambda]!.confidence = "certain";
    seed.iot.nameLimits![0]!.alibabaRule = { minLength: 40, maxLength: 30, characters: "letters" };
    const issues = issuesOf(seed);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entry: "iot.ruleActions.lambda", field: "confidence" }),
        expect.objectContaining({ entry: `iot.nameLimits.${String(seed.iot.nameLimits![0]!.key)}`, field: "alibabaRule.minLength" }),
      ]),
    );
  });

  it("refuses an unknown field instead of dropping it", () => {
    const seed = seedCopy();
    seed.entries[0]!.colour = "red";
    expect(issuesOf(seed)[0]).toMatchObject({ entry: String(seed.entries[0]!.kind), field: "(entry)" });
  });

  it("puts every problem in one message with the seed's name", () => {
    const seed = seedCopy();
    seed.version = "december";
    seed.date = "2026/12/02";
    try {
      readCatalogueSeed(seed, "catalogue-bad.json");
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogueSeedError);
      const message = (error as Error).message;
      expect(message).toMatch(/^Catalogue seed catalogue-bad\.json is invalid: /);
      expect(message).toMatch(/version/);
      expect(message).toMatch(/date/);
      expect((error as CatalogueSeedError).code).toBe("CatalogueSeedInvalid");
    }
  });
});
