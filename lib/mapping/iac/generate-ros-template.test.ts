import { describe, expect, it } from "vitest";
import { generateRosTemplate, ROS_MAX_RESOURCES_PER_STACK, ROS_MAX_TEMPLATE_BYTES } from "@/lib/mapping/iac/generate-ros-template";
import type { IacFile } from "@/lib/mapping/iac/iac-input-types";
import { buildIacInput, HOSTILE } from "@/lib/testing/iac-fixture";

type Template = {
  ROSTemplateFormatVersion: string;
  Description?: string;
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown }>;
};

const TOP_LEVEL = new Set(["ROSTemplateFormatVersion", "Description", "Mappings", "Parameters", "Resources", "Outputs"]);
const templates = (files: IacFile[]) => new Map(files.filter((f) => f.path.endsWith(".json")).map((f) => [f.path, JSON.parse(f.content) as Template]));

/** Every Ref / Fn::GetAtt of a value, with where it sits. */
function references(value: unknown, out: Array<{ kind: "Ref" | "GetAtt"; target: string; attribute?: string }> = []) {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.Ref === "string") out.push({ kind: "Ref", target: record.Ref });
    const att = record["Fn::GetAtt"];
    if (Array.isArray(att)) out.push({ kind: "GetAtt", target: String(att[0]), attribute: String(att[1]) });
    Object.values(record).forEach((v) => references(v, out));
  }
  return out;
}

/** Checks one export: every reference resolves, nested stacks pass exactly what their parts declare. */
function checkExport(files: IacFile[]) {
  const all = templates(files);
  const ids = new Set<string>();
  for (const [path, template] of all) {
    expect(template.ROSTemplateFormatVersion, path).toBe("2015-09-01");
    for (const key of Object.keys(template)) expect(TOP_LEVEL.has(key), `${path}: ${key}`).toBe(true);
    const resources = Object.keys(template.Resources);
    expect(resources.length, path).toBeLessThanOrEqual(ROS_MAX_RESOURCES_PER_STACK);
    expect(Buffer.byteLength(files.find((f) => f.path === path)?.content ?? "", "utf8"), path).toBeLessThanOrEqual(ROS_MAX_TEMPLATE_BYTES);
    const parameters = new Set(Object.keys(template.Parameters ?? {}));
    for (const resource of Object.values(template.Resources)) {
      for (const key of Object.keys(resource)) expect(["Type", "Properties", "Metadata", "DependsOn", "DeletionPolicy", "Description"], `${path}: ${key}`).toContain(key);
    }
    for (const id of resources) {
      expect(id, path).toMatch(/^[A-Za-z][A-Za-z0-9]{0,254}$/);
      if (template.Resources[id]?.Type !== "ALIYUN::ROS::Stack") {
        expect(ids.has(id), `duplicate logical id ${id}`).toBe(false);
        ids.add(id);
      }
    }
    const values = [...Object.values(template.Resources).map((r) => r.Properties), ...Object.values(template.Outputs ?? {}).map((o) => o.Value)];
    for (const reference of references(values)) {
      if (reference.kind === "Ref") {
        expect(parameters.has(reference.target) || resources.includes(reference.target) || reference.target.startsWith("ALIYUN::"), `${path}: Ref ${reference.target}`).toBe(true);
      } else {
        expect(resources.includes(reference.target), `${path}: GetAtt ${reference.target}`).toBe(true);
        const target = template.Resources[reference.target];
        if (target?.Type === "ALIYUN::ROS::Stack") {
          // Outputs.<name> of a part: the part declares that output.
          const url = JSON.stringify(target.Properties.TemplateURL);
          const child = [...all.entries()].find(([p]) => url.includes(`"${p}"`))?.[1];
          expect(child, `${path}: part of ${reference.target}`).toBeDefined();
          expect(Object.keys(child?.Outputs ?? {})).toContain(reference.attribute?.replace(/^Outputs\./, ""));
        }
      }
    }
    // A nested stack gets every parameter its part needs, and only those.
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== "ALIYUN::ROS::Stack") continue;
      const url = JSON.stringify(resource.Properties.TemplateURL);
      const child = [...all.entries()].find(([p]) => url.includes(`"${p}"`))?.[1];
      const needed = Object.entries(child?.Parameters ?? {}).filter(([, d]) => d.Default === undefined).map(([n]) => n).sort();
      expect(Object.keys((resource.Properties.Parameters as Record<string, unknown>) ?? {}).sort(), `${path}: ${id}`).toEqual(needed);
    }
  }
  return all;
}

/** The documented constraints of the properties we write (ROS reference pages, research note). */
const CONSTRAINTS: Record<string, Record<string, (v: unknown) => boolean>> = {
  "ALIYUN::IOT::Product": { ProductName: (v) => typeof v === "string" && /^[A-Za-z0-9_\u4e00-\u9fa5]+$/.test(v) && v.length >= 2 && v.length <= 30, Description: (v) => String(v).length <= 100 },
  "ALIYUN::IOT::ProductTopic": { TopicShortName: (v) => typeof v === "string" && v.split("/").every((l) => /^([A-Za-z0-9_]+|\+|#)$/.test(l)), Operation: (v) => ["PUB", "SUB", "ALL"].includes(String(v)), Desc: (v) => String(v).length <= 100 },
  "ALIYUN::IOT::DeviceGroup": { GroupName: (v) => typeof v === "string" && /^[A-Za-z0-9_\u4e00-\u9fa5]{2,30}$/.test(v), GroupDesc: (v) => String(v).length <= 100 },
  "ALIYUN::IOT::Rule": { Name: (v) => typeof v === "string" && /^[A-Za-z0-9_\-\u4e00-\u9fa5]{1,30}$/.test(v), RuleDesc: (v) => String(v).length <= 100, DataType: (v) => ["JSON", "BINARY"].includes(String(v)), TopicType: (v) => [0, 1, 2].includes(Number(v)) },
  "ALIYUN::OSS::Bucket": { BucketName: (v) => typeof v === "string" && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(v) },
  "ALIYUN::RAM::Role": { RoleName: (v) => typeof v === "string" && /^[A-Za-z0-9.-]{1,64}$/.test(v), Description: (v) => String(v).length <= 1024 },
  "ALIYUN::MNS::Queue": { QueueName: (v) => typeof v === "string" && /^[A-Za-z0-9][A-Za-z0-9-]{0,255}$/.test(v) },
  "ALIYUN::DATAHUB::Topic": { TopicName: (v) => typeof v === "string" && /^[A-Za-z][A-Za-z0-9_]{2,63}$/.test(v), Comment: (v) => String(v).length >= 3 && String(v).length <= 1024 },
};

function checkConstraints(files: IacFile[]) {
  let checked = 0;
  for (const [id, resource] of resourcesOf(files)) {
    for (const [property, ok] of Object.entries(CONSTRAINTS[resource.Type] ?? {})) {
      const value = resource.Properties[property];
      if (value === undefined) continue;
      checked++;
      expect(ok(value), `${id}.${property} = ${JSON.stringify(value)}`).toBe(true);
    }
  }
  expect(checked).toBeGreaterThan(0);
}

const resourcesOf = (files: IacFile[]) => [...templates(files).values()].flatMap((t) => Object.entries(t.Resources));

describe("generateRosTemplate on the mapped sample estate", () => {
  const { input } = buildIacInput();
  const output = generateRosTemplate(input);
  const byType = (type: string) => resourcesOf(output.files).filter(([, r]) => r.Type === type);

  it("writes one template for the region and the list of what it leaves out", () => {
    expect(output.files.map((f) => f.path)).toEqual(["ros-eu-central-1.json", "SKIPPED.txt"]);
    checkExport(output.files);
    checkConstraints(output.files);
  });

  it("declares products with their topic classes, nested static groups, rules and the REPUBLISH action", () => {
    expect(byType("ALIYUN::IOT::Product").map(([, r]) => r.Properties.ProductName).sort()).toEqual(["Untyped_things", "gateway", "temp_sensor_v2"]);
    const topics = byType("ALIYUN::IOT::ProductTopic").map(([, r]) => `${String(r.Properties.TopicShortName)}:${String(r.Properties.Operation)}`);
    expect(topics.sort()).toEqual(["cmd:SUB", "dt/+/telemetry:SUB", "dt/telemetry:PUB"]);
    const groups = new Map(byType("ALIYUN::IOT::DeviceGroup").map(([id, r]) => [id, r]));
    const line = [...groups.values()].find((g) => g.Properties.GroupName === "line_1");
    const parentId = (line?.Properties.SuperGroupId as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"];
    expect(parentId[1]).toBe("GroupId");
    expect(groups.get(parentId[0])?.Properties.GroupName).toBe("berlin_plant");
    // The dynamic group has no ROS type.
    expect([...groups.values()].some((g) => g.Properties.GroupName === "dynamic_fleet")).toBe(false);
    const rules = byType("ALIYUN::IOT::Rule").map(([, r]) => r.Properties.Name);
    expect(rules).toContain("telemetry_to_fc");
    expect(rules).not.toContain("telemetry_to_s3"); // a decision: not templated
    const [action] = byType("ALIYUN::IOT::RuleAction");
    expect(action?.[1].Properties.Type).toBe("REPUBLISH");
    const join = (action?.[1].Properties.Configuration as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
    const configuration = join[1].map((part) => (typeof part === "string" ? part : "PK")).join("");
    expect(JSON.parse(configuration)).toEqual({ topic: "/PK/gw-berlin-01/user/dt/${source}/telemetry", topicType: 1 });
  });

  it("declares the supporting services it has the properties for, and lists the rest with a reason", () => {
    expect(byType("ALIYUN::OSS::Bucket").map(([, r]) => r.Properties.BucketName)).toEqual(["archive"]);
    expect(byType("ALIYUN::MNS::Queue").map(([, r]) => r.Properties.QueueName)).toEqual(["alerts"]);
    expect(byType("ALIYUN::DATAHUB::Topic").map(([, r]) => r.Properties.TopicName)).toEqual(["raw_telemetry"]);
    expect(byType("ALIYUN::RAM::Role").map(([, r]) => r.Properties.AssumeRolePolicyDocument)).toEqual([{ Ref: "RamRoleTrustPolicy" }]);
    expect(byType("ALIYUN::KMS::Key").map(([, r]) => [r.Properties.KeySpec, r.Properties.KeyUsage])).toEqual([["Aliyun_AES_256", "ENCRYPT/DECRYPT"]]);
    expect(byType("ALIYUN::FC::Function")).toHaveLength(0);
    const skipped = output.files.find((f) => f.path === "SKIPPED.txt")?.content ?? "";
    expect(skipped).toContain("function:ingest");
    expect(skipped).toContain("telemetry_to_s3");
    expect(skipped).toContain("table/readings");
    expect(skipped).toMatch(/key\/k-hmac.*HMAC_256/); // no KMS equivalent for an HMAC key
    expect(output.warnings.some((w) => w.includes("FC actions"))).toBe(true);
  });

  it("outputs each product's ProductKey for the runbook's bulk registration, in one template and through the parent", () => {
    const single = templates(output.files).get("ros-eu-central-1.json");
    const keys = Object.values(single?.Outputs ?? {}).map((o) => JSON.stringify(o.Value));
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.includes('"ProductKey"'))).toBe(true);
    const parent = templates(generateRosTemplate(input, { maxResourcesPerPart: 4 }).files).get("ros-eu-central-1.json");
    expect(Object.keys(parent?.Outputs ?? {}).sort()).toEqual(Object.keys(single?.Outputs ?? {}).sort());
  });

  it("never declares a device nor exposes a DeviceSecret", () => {
    expect(byType("ALIYUN::IOT::Device")).toHaveLength(0);
    for (const file of output.files.filter((f) => f.path.endsWith(".json"))) expect(file.content).not.toMatch(/DeviceSecret/i);
    for (const template of templates(output.files).values()) {
      for (const out of Object.values(template.Outputs ?? {})) expect(JSON.stringify(out.Value)).not.toMatch(/Secret/i);
    }
  });

  it("is deterministic: the same input gives the same bytes, whatever the order of the proposals", () => {
    expect(generateRosTemplate(input)).toEqual(output);
    const shuffled = { ...input, proposals: [...input.proposals].reverse(), products: [...input.products].reverse() };
    expect(generateRosTemplate(shuffled).files).toEqual(output.files);
  });

  it("splits into nested stacks with outputs and parameters when the parts are small", () => {
    const split = generateRosTemplate(input, { maxResourcesPerPart: 4 });
    const all = checkExport(split.files);
    const parent = all.get("ros-eu-central-1.json");
    expect(Object.values(parent?.Resources ?? {}).every((r) => r.Type === "ALIYUN::ROS::Stack")).toBe(true);
    expect(Object.keys(parent?.Parameters ?? {})).toContain("TemplateBaseUrl");
    // Something crosses parts (a rule in one part, its product in another).
    expect([...all.values()].some((t) => Object.keys(t.Outputs ?? {}).length > 0)).toBe(true);
    expect(resourcesOf(split.files).filter(([, r]) => r.Type !== "ALIYUN::ROS::Stack").length).toBe(resourcesOf(output.files).length);
  });
});

describe("generateRosTemplate at fleet size", () => {
  const { input } = buildIacInput({ size: 5000 });
  const output = generateRosTemplate(input);

  it("keeps every template within ROS's limits through nested stacks whose references resolve", () => {
    const all = checkExport(output.files);
    checkConstraints(output.files);
    const parts = [...all.keys()].filter((p) => p.includes("-part-"));
    expect(parts.length).toBeGreaterThan(20);
    const declared = resourcesOf(output.files).filter(([, r]) => r.Type !== "ALIYUN::ROS::Stack");
    expect(declared.filter(([, r]) => r.Type === "ALIYUN::IOT::DeviceGroup").length).toBe(5000 + 3);
    expect(declared.filter(([, r]) => r.Type === "ALIYUN::IOT::Rule").length).toBeGreaterThanOrEqual(5000);
    expect(output.warnings.some((w) => w.includes("nested stacks"))).toBe(true);
  }, 120_000);

  it("shrinks parts when a byte limit is tighter than the resource count", () => {
    const tight = generateRosTemplate(input, { maxTemplateBytes: 120_000 });
    for (const file of tight.files.filter((f) => f.path.endsWith(".json"))) expect(Buffer.byteLength(file.content, "utf8")).toBeLessThanOrEqual(120_000);
  }, 120_000);
});

describe("generateRosTemplate with hostile AWS names", () => {
  const { input } = buildIacInput({ hostile: true });
  const output = generateRosTemplate(input);

  it("writes valid JSON that keeps the original names as data", () => {
    const all = checkExport(output.files);
    checkConstraints(output.files);
    const descriptions = [...all.values()].flatMap((t) => Object.values(t.Resources).map((r) => r.Properties.GroupDesc ?? r.Properties.Description));
    expect(descriptions.some((d) => typeof d === "string" && d.includes(HOSTILE.slice(0, 20)))).toBe(true);
    expect(all.get("ros-eu-central-1.json")?.Description).toContain('"${var.x}');
    for (const [, r] of resourcesOf(output.files)) {
      if (r.Type === "ALIYUN::IOT::DeviceGroup") expect(String(r.Properties.GroupName)).toMatch(/^[A-Za-z0-9_\u4e00-\u9fa5]{4,30}$/);
      if (r.Type === "ALIYUN::OSS::Bucket") expect(String(r.Properties.BucketName)).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    }
  });
});

describe("generateRosTemplate over several regions and odd nesting", () => {
  const { input } = buildIacInput();
  const east = (arn: string) => arn.replace(":eu-central-1:", ":us-east-1:");
  const twoRegions = {
    ...input,
    regions: [...input.regions, { sourceRegion: "us-east-1", alibabaRegion: null }],
    products: [...input.products, ...input.products.map((p) => ({ ...p, region: "us-east-1", thingTypeArn: p.thingTypeArn ? east(p.thingTypeArn) : null }))],
    republishRules: [...input.republishRules, ...input.republishRules.map((r) => ({ ...r, region: "us-east-1" }))],
    proposals: [...input.proposals, ...input.proposals.filter((p) => p.arn.includes(":eu-central-1:")).map((p) => ({ ...p, arn: east(p.arn) }))],
  };

  it("writes one template per region, named after the Alibaba region or, when none is chosen, the AWS one", () => {
    const output = generateRosTemplate(twoRegions);
    expect(output.files.map((f) => f.path)).toEqual(["ros-eu-central-1.json", "ros-us-east-1.json", "SKIPPED.txt"]);
    checkExport(output.files);
    expect(output.warnings.some((w) => w.includes("No Alibaba region is chosen for us-east-1"))).toBe(true);
    expect(output.warnings.some((w) => w.includes("Global resources"))).toBe(true);
    const east1 = templates(output.files).get("ros-us-east-1.json");
    expect(Object.values(east1?.Resources ?? {}).some((r) => r.Type === "ALIYUN::RAM::Role")).toBe(false); // global: in the first region
    expect(Object.values(east1?.Resources ?? {}).filter((r) => r.Type === "ALIYUN::IOT::Product")).toHaveLength(3);
  });

  it("declares a group whose parents loop back (an architect's override) at the top level, so no reference is circular", () => {
    const groups = input.proposals.filter((p) => p.kind === "AWS::IoT::ThingGroup");
    const factories = groups.find((g) => g.name === "factories");
    const looped = {
      ...input,
      proposals: input.proposals.map((p) => (p === factories ? { ...p, properties: { ...p.properties, parent: { name: "line_1", original: "line-1" } } } : p)),
    };
    const output = generateRosTemplate(looped);
    checkExport(output.files);
    const declared = resourcesOf(output.files).filter(([, r]) => r.Type === "ALIYUN::IOT::DeviceGroup");
    const withoutParent = declared.filter(([, r]) => r.Properties.SuperGroupId === undefined).map(([, r]) => r.Properties.GroupName);
    expect(withoutParent).toEqual(expect.arrayContaining(["factories", "berlin_plant", "line_1"]));
    expect(output.warnings.filter((w) => w.includes("loop back"))).toHaveLength(3);
  });
});
