/**
 * The target estate as ROS (Resource Orchestration Service) templates, JSON, ROSTemplateFormatVersion
 * "2015-09-01": one template per region (a ROS stack lives in one region), from collect-iac-resources.ts.
 * Pure and deterministic: the same input gives the same bytes.
 *
 * ROS limits (Alibaba's "Limits" page of ROS): a template is at most 512 KB (524,288 bytes), a stack holds
 * at most 300 resources, nested stacks go 5 levels deep. A region that fits is one template
 * `ros-<region>.json`. A bigger one becomes a parent `ros-<region>.json` of ALIYUN::ROS::Stack resources and
 * children `ros-<region>-part-NN.json` (each at most MAX_RESOURCES_PER_PART resources and within the size
 * limit). ALIYUN::ROS::Stack takes TemplateURL (an http(s) or oss:// URL, the file at most 524,288 bytes),
 * so the parent's TemplateBaseUrl parameter says where the children were uploaded, e.g.
 * `oss://my-bucket/silkroute/` (the file name is appended). A reference to a resource of another part
 * becomes an Output of that part and a Parameter of the referencing part, which the parent passes with
 * `Fn::GetAtt: [<part>, "Outputs.<name>"]` (that GetAtt also orders the parts).
 *
 * No template has an output holding a DeviceSecret: devices are never templated, and outputs only carry
 * ProductKey, GroupId and RuleId between parts, and the products' ProductKeys (at most
 * MAX_PRODUCT_OUTPUTS) for the runbook's bulk registration.
 */
import type { IacInput, IacOutput } from "@/lib/mapping/iac/iac-input-types";
import { collectIacResources, cut, getAtt, ref, type IacPlan, type IacRegionPlan, type IacResource, type IacSkipped } from "@/lib/mapping/iac/collect-iac-resources";

export const ROS_MAX_TEMPLATE_BYTES = 524_288;
export const ROS_MAX_RESOURCES_PER_STACK = 300;
/** Below the 300-resource limit, so a part never sits on the edge. */
export const MAX_RESOURCES_PER_PART = 250;
export const PARAM_TEMPLATE_BASE_URL = "TemplateBaseUrl";
const FORMAT_VERSION = "2015-09-01";
/** Products whose ProductKey is an output of the stack (the runbook registers devices under it). */
export const MAX_PRODUCT_OUTPUTS = 100;

/** The ProductKey outputs of a region: output name -> [logical id, attribute]. */
function productOutputs(resources: IacResource[]): Array<[string, [string, string]]> {
  return resources
    .filter((r) => r.type === "ALIYUN::IOT::Product")
    .slice(0, MAX_PRODUCT_OUTPUTS)
    .map((r) => [`${r.logicalId}ProductKey`, [r.logicalId, "ProductKey"]]);
}

export interface RosRegionFiles {
  label: string;
  alibabaRegion: string | null;
  /** The template to deploy (the parent when split). */
  parent: string;
  /** The nested templates the parent loads through TemplateURL (empty when the region fits in one). */
  children: string[];
  /** The parent's parameters, which the deployer supplies (TemplateBaseUrl, trust policy...). */
  parameters: string[];
}

export interface RosOutput extends IacOutput {
  regions: RosRegionFiles[];
}

export interface RosOptions {
  /** ROS types declared elsewhere (Terraform's own resources): left out of the templates. */
  leaveOut?: ReadonlySet<string>;
  /** Overrides for tests; default ROS_MAX_TEMPLATE_BYTES and MAX_RESOURCES_PER_PART. */
  maxTemplateBytes?: number;
  maxResourcesPerPart?: number;
}

type Template = {
  ROSTemplateFormatVersion: string;
  Description: string;
  Parameters?: Record<string, Record<string, unknown>>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs?: Record<string, { Description?: string; Value: unknown }>;
};

const serialize = (template: Template) => `${JSON.stringify(template, null, 2)}\n`;
const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

export function generateRosTemplate(input: IacInput, options: RosOptions = {}): RosOutput {
  const plan = collectIacResources(input);
  return renderRosTemplates(input, plan, options);
}

/** Renders a collected plan (generate-terraform.ts shares the plan). */
export function renderRosTemplates(input: IacInput, plan: IacPlan, options: RosOptions = {}): RosOutput {
  const maxBytes = options.maxTemplateBytes ?? ROS_MAX_TEMPLATE_BYTES;
  const maxPerPart = Math.min(options.maxResourcesPerPart ?? MAX_RESOURCES_PER_PART, ROS_MAX_RESOURCES_PER_STACK);
  const warnings = [...plan.warnings];
  const files: IacOutput["files"] = [];
  const regions: RosRegionFiles[] = [];
  for (const region of plan.regions) {
    const resources = region.resources.filter((r) => !options.leaveOut?.has(r.type));
    if (resources.length === 0) continue;
    const description = cut(`Silkroute target estate of plan "${input.planName}" (mapping run ${input.runId}), ${region.label} (from AWS ${region.sourceRegion})`, 1000);
    const whole = buildPart(description, resources, region, new Set(resources.map((r) => r.logicalId)));
    if (whole.imports.size > 0) throw new Error(`${region.label}: a template references resources left out of it (${[...whole.imports.keys()].join(", ")})`);
    const parentPath = `ros-${region.label}.json`;
    const products = productOutputs(resources);
    if (resources.filter((r) => r.type === "ALIYUN::IOT::Product").length > MAX_PRODUCT_OUTPUTS) {
      warnings.push(`${region.label}: only the first ${MAX_PRODUCT_OUTPUTS} products' ProductKeys are stack outputs; read the others with QueryProductList.`);
    }
    if (products.length > 0) {
      whole.template.Outputs = {};
      for (const [name, [target, attribute]] of products) whole.template.Outputs[name] = { Description: `${attribute} of ${target}`, Value: getAtt(target, attribute) };
    }
    if (resources.length <= maxPerPart && byteLength(serialize(whole.template)) <= maxBytes) {
      files.push({ path: parentPath, content: serialize(whole.template) });
      regions.push({ label: region.label, alibabaRegion: region.alibabaRegion, parent: parentPath, children: [], parameters: Object.keys(whole.template.Parameters ?? {}) });
      continue;
    }
    const split = splitRegion(description, resources, region, maxBytes, maxPerPart, products);
    for (const message of split.warnings) warnings.push(message);
    files.push({ path: parentPath, content: split.parent });
    for (const child of split.children) files.push(child);
    regions.push({ label: region.label, alibabaRegion: region.alibabaRegion, parent: parentPath, children: split.children.map((c) => c.path), parameters: split.parameters });
  }
  files.push({ path: "SKIPPED.txt", content: describeSkipped(plan.skipped) });
  return { files, warnings, regions };
}

interface Part {
  template: Template;
  /** Values this part needs from other parts: parameter name -> [logical id, attribute or "Ref"]. */
  imports: Map<string, [string, string]>;
  /** Template parameters (of the region) this part uses. */
  templateParameters: Set<string>;
}

/** A template of the given resources; references outside `members` become parameters. */
function buildPart(description: string, resources: IacResource[], region: IacRegionPlan, members: ReadonlySet<string>): Part {
  const imports = new Map<string, [string, string]>();
  const templateParameters = new Set<string>();
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === "Ref" && typeof record.Ref === "string") {
      const target = record.Ref;
      if (Object.hasOwn(region.parameters, target)) {
        templateParameters.add(target);
        return value;
      }
      if (members.has(target)) return value;
      const name = `${target}Ref`;
      imports.set(name, [target, "Ref"]);
      return ref(name);
    }
    if (keys.length === 1 && keys[0] === "Fn::GetAtt" && Array.isArray(record["Fn::GetAtt"])) {
      const [target, attribute] = record["Fn::GetAtt"] as [string, string];
      if (members.has(target)) return value;
      const name = `${target}${attribute.replace(/[^A-Za-z0-9]/g, "")}`;
      imports.set(name, [target, attribute]);
      return ref(name);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = rewrite(record[key]);
    return out;
  };
  const templateResources: Template["Resources"] = {};
  for (const r of resources) templateResources[r.logicalId] = { Type: r.type, Properties: rewrite(r.properties) as Record<string, unknown> };
  const parameters: Record<string, Record<string, unknown>> = {};
  for (const name of [...templateParameters].sort()) parameters[name] = region.parameters[name] as Record<string, unknown>;
  for (const [name, [target, attribute]] of [...imports.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    parameters[name] = { Type: "String", Description: `${attribute} of ${target} (another part of this estate)` };
  }
  const template: Template = {
    ROSTemplateFormatVersion: FORMAT_VERSION,
    Description: description,
    ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}),
    Resources: templateResources,
  };
  return { template, imports, templateParameters };
}

function splitRegion(
  description: string,
  resources: IacResource[],
  region: IacRegionPlan,
  maxBytes: number,
  maxPerPart: number,
  products: Array<[string, [string, string]]>,
): { parent: string; children: Array<{ path: string; content: string }>; parameters: string[]; warnings: string[] } {
  const warnings: string[] = [];
  // Greedy packing in layer order (a resource only references lower layers, so earlier parts), by count
  // and by an estimate of the bytes; a part over the size limit is packed again with fewer resources.
  let perPart = maxPerPart;
  let byteBudget = Math.floor(maxBytes * 0.8);
  for (;;) {
    const chunks: IacResource[][] = [];
    let current: IacResource[] = [];
    let bytes = 0;
    for (const r of resources) {
      const size = byteLength(JSON.stringify(r.properties)) + r.logicalId.length * 2 + r.type.length + 120;
      if (current.length > 0 && (current.length >= perPart || bytes + size > byteBudget)) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push(r);
      bytes += size;
    }
    if (current.length > 0) chunks.push(current);

    const partIds = chunks.map((_, i) => `Part${String(i + 1).padStart(2, "0")}`);
    const partOf = new Map<string, number>();
    chunks.forEach((chunk, i) => chunk.forEach((r) => partOf.set(r.logicalId, i)));
    const parts = chunks.map((chunk, i) => buildPart(`${description}, part ${i + 1} of ${chunks.length}`, chunk, region, new Set(chunk.map((r) => r.logicalId))));
    // Exports: every value a later part imports becomes an Output of the part that declares it.
    const outputs = parts.map(() => new Map<string, [string, string]>());
    for (const part of parts) {
      for (const [name, [target, attribute]] of part.imports) {
        const owner = partOf.get(target);
        if (owner === undefined) throw new Error(`Reference to undeclared resource ${target}`);
        outputs[owner]?.set(name, [target, attribute]);
      }
    }
    for (const [name, [target, attribute]] of products) outputs[partOf.get(target) as number]?.set(name, [target, attribute]);
    parts.forEach((part, i) => {
      const entries = [...(outputs[i]?.entries() ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      if (entries.length === 0) return;
      part.template.Outputs = {};
      for (const [name, [target, attribute]] of entries) {
        part.template.Outputs[name] = { Description: `${attribute} of ${target}`, Value: attribute === "Ref" ? ref(target) : getAtt(target, attribute) };
      }
    });
    const children = parts.map((part, i) => ({ path: `ros-${region.label}-part-${String(i + 1).padStart(2, "0")}.json`, content: serialize(part.template) }));
    const tooBig = children.some((c) => byteLength(c.content) > maxBytes);
    if (tooBig && perPart > 1) {
      perPart = Math.max(1, Math.floor(perPart / 2));
      byteBudget = Math.floor(byteBudget / 2);
      continue;
    }
    if (tooBig) warnings.push(`A single resource of ${region.label} is larger than ROS's template limit (${maxBytes} bytes); its part will be refused.`);

    // The parent: one nested stack per part.
    const parentParameters: Record<string, Record<string, unknown>> = {
      [PARAM_TEMPLATE_BASE_URL]: {
        Type: "String",
        Description: "Where the part templates were uploaded, ending with / (e.g. oss://my-bucket/silkroute/): each part's file name is appended.",
      },
    };
    const used = new Set<string>();
    for (const part of parts) for (const name of part.templateParameters) used.add(name);
    for (const name of [...used].sort()) parentParameters[name] = region.parameters[name] as Record<string, unknown>;
    const parentResources: Template["Resources"] = {};
    parts.forEach((part, i) => {
      const stackParameters: Record<string, unknown> = {};
      for (const name of [...part.templateParameters].sort()) stackParameters[name] = ref(name);
      for (const [name, [target]] of [...part.imports.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const owner = partOf.get(target) as number;
        stackParameters[name] = getAtt(partIds[owner] as string, `Outputs.${name}`);
      }
      parentResources[partIds[i] as string] = {
        Type: "ALIYUN::ROS::Stack",
        Properties: {
          TemplateURL: { "Fn::Join": ["", [ref(PARAM_TEMPLATE_BASE_URL), children[i]?.path]] },
          TimeoutMins: 60,
          ...(Object.keys(stackParameters).length > 0 ? { Parameters: stackParameters } : {}),
        },
      };
    });
    if (parts.length > ROS_MAX_RESOURCES_PER_STACK) {
      warnings.push(`${region.label} needs ${parts.length} parts, more than the ${ROS_MAX_RESOURCES_PER_STACK} nested stacks a parent can hold: deploy it in several parents.`);
    }
    const parent: Template = { ROSTemplateFormatVersion: FORMAT_VERSION, Description: description, Parameters: parentParameters, Resources: parentResources };
    if (products.length > 0) {
      parent.Outputs = {};
      for (const [name, [target]] of products) parent.Outputs[name] = { Description: `ProductKey of ${target}`, Value: getAtt(partIds[partOf.get(target) as number] as string, `Outputs.${name}`) };
    }
    warnings.push(
      `${region.label}: ${resources.length} resources are split into ${parts.length} nested stacks (ROS allows ${ROS_MAX_RESOURCES_PER_STACK} resources and ${ROS_MAX_TEMPLATE_BYTES} bytes per template): upload the part files and pass their location as ${PARAM_TEMPLATE_BASE_URL}.`,
    );
    return { parent: serialize(parent), children, parameters: Object.keys(parentParameters), warnings };
  }
}

function describeSkipped(skipped: IacSkipped[]): string {
  const lines = [
    "Resources the infrastructure-as-code export does not declare, with the reason (one per line, names as JSON strings).",
    "Devices (AWS things) are never declared: the runbook registers them in bulk.",
    "",
  ];
  for (const s of skipped) lines.push(`${s.status}\t${s.kind}\t${JSON.stringify(s.arn)}\t${JSON.stringify(s.name)}\t${JSON.stringify(s.reason)}`);
  return `${lines.join("\n")}\n`;
}
