import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { generateTerraform, hclString } from "@/lib/mapping/iac/generate-terraform";
import type { IacFile } from "@/lib/mapping/iac/iac-input-types";
import { buildIacInput, HOSTILE } from "@/lib/testing/iac-fixture";

type Parsed = {
  terraform?: Array<{ required_providers?: Array<Record<string, { source: string; version: string }>> }>;
  provider?: Record<string, Array<{ alias?: string; region?: string }>>;
  variable?: Record<string, unknown[]>;
  resource?: Record<string, Record<string, Array<Record<string, unknown>>>>;
  output?: Record<string, Array<{ value: string }>>;
};

async function parseAll(files: IacFile[]): Promise<Parsed> {
  const merged: Parsed = {};
  for (const file of files.filter((f) => f.path.endsWith(".tf"))) {
    const parsed = (await parse(file.path, file.content)) as Parsed;
    for (const [key, value] of Object.entries(parsed)) {
      const target = merged as Record<string, Record<string, unknown> | unknown[]>;
      if (Array.isArray(value)) target[key] = [...((target[key] as unknown[]) ?? []), ...value];
      else {
        const into = (target[key] ?? {}) as Record<string, unknown>;
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          into[k] = typeof v === "object" && v !== null && !Array.isArray(v) ? { ...((into[k] as object) ?? {}), ...v } : [...((into[k] as unknown[]) ?? []), ...(v as unknown[])];
        }
        target[key] = into;
      }
    }
  }
  return merged;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (typeof value === "object" && value !== null) Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/**
 * The expressions of a parsed string (hcl2json keeps the source form): `${...}` parts. HCL reads `$`
 * before anything but `{` as a literal and `$${` as the escape of `${`, so only a lone `$` opens one.
 */
function expressions(text: string): string[] {
  const out: string[] = [];
  const re = /(\$+)\{([^}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[1]?.length === 1) out.push(m[2] ?? "");
  return out;
}

async function checkReferences(files: IacFile[]) {
  const parsed = await parseAll(files);
  const declared = new Set<string>();
  for (const [type, byName] of Object.entries(parsed.resource ?? {})) for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
  const variables = new Set(Object.keys(parsed.variable ?? {}));
  const aliases = new Set((parsed.provider?.alicloud ?? []).map((p) => p.alias));
  const paths = new Set(files.map((f) => f.path));
  let seen = 0;
  for (const text of strings({ resource: parsed.resource, output: parsed.output, provider: parsed.provider })) {
    for (const expression of expressions(text)) {
      seen++;
      for (const m of expression.matchAll(/\b(alicloud_[a-z0-9_]+)\.([a-z0-9_-]+)/g)) expect(declared.has(`${m[1]}.${m[2]}`), `reference ${m[0]}`).toBe(true);
      for (const m of expression.matchAll(/\balicloud\.([a-z0-9_-]+)/g)) expect(aliases.has(m[1]), `provider ${m[0]}`).toBe(true);
      for (const m of expression.matchAll(/\bvar\.([a-z0-9_]+)/g)) expect(variables.has(m[1] ?? ""), `variable ${m[0]}`).toBe(true);
      for (const m of expression.matchAll(/\/(ros\/[^"]+\.json)/g)) expect(paths.has(m[1] ?? ""), `file ${m[1]}`).toBe(true);
    }
  }
  expect(seen).toBeGreaterThan(0);
  return parsed;
}

describe("generateTerraform on the mapped sample estate", () => {
  const { input } = buildIacInput();
  const output = generateTerraform(input);

  it("writes the configuration files and the ROS template they deploy", () => {
    expect(output.files.map((f) => f.path)).toEqual(["versions.tf", "variables.tf", "main.tf", "outputs.tf", "ros/ros-eu-central-1.json", "SKIPPED.txt"]);
  });

  it("parses as HCL, requires aliyun/alicloud, and every reference resolves", async () => {
    const parsed = await checkReferences(output.files);
    expect(parsed.terraform?.[0]?.required_providers?.[0]?.alicloud?.source).toBe("aliyun/alicloud");
    expect(Object.keys(parsed.resource ?? {}).sort()).toEqual(["alicloud_iot_device_group", "alicloud_kms_key", "alicloud_oss_bucket", "alicloud_ros_stack"]);
    const groups = Object.values(parsed.resource?.alicloud_iot_device_group ?? {}).map((g) => g[0]);
    const line = groups.find((g) => g?.group_name === "line_1");
    expect(line?.super_group_id).toMatch(/^\$\{alicloud_iot_device_group\.group_berlin_plant_[a-z0-9]+\.id\}$/);
  });

  it("uses only the provider's real IoT resource and leaves what it declares natively out of the ROS template", () => {
    const main = output.files.find((f) => f.path === "main.tf")?.content ?? "";
    expect(main).not.toMatch(/alicloud_iot_(product|device|rule)\b(?!_group)/);
    expect(main).not.toMatch(/"alicloud_iot_(product|device|rule)"/);
    const template = JSON.parse(output.files.find((f) => f.path === "ros/ros-eu-central-1.json")?.content ?? "{}") as { Resources: Record<string, { Type: string }> };
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    expect(types.has("ALIYUN::IOT::DeviceGroup")).toBe(false);
    expect(types.has("ALIYUN::OSS::Bucket")).toBe(false);
    expect(types.has("ALIYUN::IOT::Product")).toBe(true);
  });

  it("never outputs a secret, and is deterministic", () => {
    for (const file of output.files) expect(file.content).not.toMatch(/DeviceSecret|device_secret/i);
    expect(generateTerraform(input)).toEqual(output);
  });
});

describe("generateTerraform at fleet size", () => {
  const { input } = buildIacInput({ size: 5000 });
  const output = generateTerraform(input, { maxResourcesPerPart: 100 });

  it("uploads the parts and deploys the parent through alicloud_ros_stack, each body within 524,288 bytes", async () => {
    const parsed = await checkReferences(output.files);
    const objects = Object.keys(parsed.resource?.alicloud_oss_bucket_object ?? {});
    expect(objects.length).toBeGreaterThan(1);
    expect(Object.keys(parsed.resource?.alicloud_iot_device_group ?? {}).length).toBe(5003);
    for (const file of output.files.filter((f) => f.path.startsWith("ros/"))) expect(Buffer.byteLength(file.content, "utf8")).toBeLessThanOrEqual(524_288);
    const stack = Object.values(parsed.resource?.alicloud_ros_stack ?? {})[0]?.[0] as { parameters: Array<{ parameter_key: string }>; depends_on: string[] };
    expect(stack.parameters.map((p) => p.parameter_key)).toContain("TemplateBaseUrl");
    expect(stack.depends_on.length).toBe(objects.length);
  }, 120_000);
});

describe("HCL strings", () => {
  it("escape quotes, backslashes, newlines and template sequences", async () => {
    const cases = [HOSTILE, "$${already}", "100%{", "tab\there", "\u0001ctl", "end$", "日本語", 'a\\"b'];
    const body = cases.map((c, i) => `  v${i} = ${hclString(c)}`).join("\n");
    const parsed = (await parse("t.tf", `locals {\n${body}\n}\n`)) as { locals: Array<Record<string, string>> };
    cases.forEach((c, i) => {
      const value = parsed.locals[0]?.[`v${i}`] ?? "";
      expect(expressions(value), c).toEqual([]);
      expect(value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"), c).toBe(c);
    });
  });

  it("keep hostile names literal in the whole configuration", async () => {
    const { input } = buildIacInput({ hostile: true });
    const output = generateTerraform(input);
    const parsed = await checkReferences(output.files);
    const descriptions = Object.values(parsed.resource?.alicloud_iot_device_group ?? {}).map((g) => String(g[0]?.group_desc ?? ""));
    const hostile = descriptions.find((d) => d.includes("berlin-plant"));
    expect(hostile?.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")).toBe(`AWS thing group berlin-plant${HOSTILE}`.slice(0, 100));
    expect(expressions(hostile ?? "")).toEqual([]);
  });
});
