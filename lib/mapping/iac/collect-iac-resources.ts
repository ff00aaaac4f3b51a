/**
 * The target resources the IaC exports declare, per region, as ROS resources with their properties:
 * the shared first step of generate-ros-template.ts and generate-terraform.ts. Pure and deterministic.
 *
 * What becomes a resource (only "mapped" proposals; everything else is listed in `skipped` with why):
 * - products (input.products; a thing type's product only when its proposal is mapped), each with its
 *   topic classes as ALIYUN::IOT::ProductTopic;
 * - static device groups with their nesting (SuperGroupId -> the parent's GroupId); dynamic groups have
 *   no ROS type (CreateDeviceDynamicGroup is a runbook step);
 * - topic rules as ALIYUN::IOT::Rule on the one product whose topic classes carry the rule's topic (or
 *   the region's only product); the REPUBLISH rules of the policy translation with their
 *   ALIYUN::IOT::RuleAction (Configuration {"topic","topicType":1}, the ProductKey filled in by Fn::Join).
 *   The other rule actions (FC, OTS, MNS, DATAHUB, ONS, AMQP) are runbook steps: the Configuration keys
 *   of those types are not in the research notes, so none is invented;
 * - OSS buckets, RAM roles (trust policy from the RamRoleTrustPolicy parameter: IAM's is not
 *   translated), KMS keys (Description, KeySpec and KeyUsage where AWS's have an equivalent), SMQ (MNS) queues, DataHub topics (in the project named by
 *   the DataHubProjectName parameter).
 * - Not generated, with a reason: Function Compute functions (code, runtime and handler are not in the
 *   inventory), Tablestore tables (the key schema is not carried), RocketMQ and every other ROS type
 *   whose required properties the mapping does not carry. Devices are never templated (bulk
 *   registration), so no DeviceSecret can reach a template.
 * Names are fitted to each target's documented rules (ROS reference pages), the AWS original kept in a
 * description where the type has one.
 */
import { hashNameSuffix } from "@/lib/mapping/names/hash-name-suffix";
import type { IacInput } from "@/lib/mapping/iac/iac-input-types";
import type { Proposal, ProposedProduct } from "@/lib/mapping/map-scan/map-scan-types";

/** A ROS intrinsic reference: to a resource of the same export or to a template parameter. */
export type RosValue = unknown;

export interface IacResource {
  /** The region label (Alibaba region when chosen, else the AWS source region). */
  region: string;
  logicalId: string;
  type: string;
  properties: Record<string, RosValue>;
  /** Creation layer: a resource only references resources of lower layers, or earlier ones of its layer. */
  layer: number;
  /** Order within the layer (groups: the path from their root, so a subtree stays together after its parent). */
  sortKey?: string;
  /** The AWS resource it stands for (ARN), or a description for generated ones. */
  source: string;
}

export interface IacSkipped {
  kind: string;
  arn: string;
  name: string;
  status: string;
  reason: string;
}

export interface IacRegionPlan {
  label: string;
  sourceRegion: string;
  alibabaRegion: string | null;
  resources: IacResource[];
  /** Template parameters the resources use (name -> ROS parameter definition). */
  parameters: Record<string, Record<string, unknown>>;
}

export interface IacPlan {
  regions: IacRegionPlan[];
  skipped: IacSkipped[];
  warnings: string[];
}

export const PARAM_TRUST_POLICY = "RamRoleTrustPolicy";
export const PARAM_DATAHUB_PROJECT = "DataHubProjectName";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const proposedName = (v: unknown): string | null => (isObject(v) ? text(v.name) : null);
/** Cut to at most n UTF-16 units without splitting a surrogate pair. */
export function cut(value: string, n: number): string {
  if (value.length <= n) return value;
  let out = value.slice(0, n);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

export const getAtt = (logicalId: string, attribute: string) => ({ "Fn::GetAtt": [logicalId, attribute] });
export const ref = (name: string) => ({ Ref: name });

/** A logical id: a kind prefix, the name's letters and digits (cut), and a hash of what makes it unique. */
export function logicalIdFor(prefix: string, name: string, unique: string): string {
  const letters = name.replace(/[^A-Za-z0-9]/g, "");
  const body = letters.length > 0 ? letters[0]?.toUpperCase() + letters.slice(1, 40) : "";
  return `${prefix}${body}${hashNameSuffix(unique).toUpperCase()}`;
}

/** The region part of an ARN (empty for global services such as IAM and S3). */
function arnRegion(arn: string): string {
  const parts = arn.split(":");
  return parts.length > 3 ? (parts[3] ?? "") : "";
}

function fitBucketName(name: string): string {
  let out = name.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "");
  if (out.length < 3) out = `${out}-${hashNameSuffix(name)}`.replace(/^-+/, "");
  if (out.length > 63) out = `${out.slice(0, 56).replace(/-+$/, "")}-${hashNameSuffix(name)}`;
  return out;
}

function fitRoleName(name: string): string {
  const out = name.replace(/[^A-Za-z0-9.-]/g, "-");
  return out.length > 64 ? `${out.slice(0, 57)}-${hashNameSuffix(name)}` : out || `role-${hashNameSuffix(name)}`;
}

function fitQueueName(name: string): string {
  let out = name.replace(/[^A-Za-z0-9-]/g, "-").replace(/^-+/, "");
  if (out.length === 0) out = `q-${hashNameSuffix(name)}`;
  return out.length > 256 ? `${out.slice(0, 249)}-${hashNameSuffix(name)}` : out;
}

function fitDataHubTopicName(name: string): string {
  let out = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z]/.test(out)) out = `t_${out}`;
  if (out.length < 3) out = `${out}_${hashNameSuffix(name)}`;
  return out.length > 64 ? `${out.slice(0, 57)}_${hashNameSuffix(name)}` : out;
}

/**
 * AWS KMS key specs and usages -> ALIYUN::KMS::Key KeySpec / KeyUsage (ROS page: Aliyun_AES_256,
 * Aliyun_SM4, RSA_2048, EC_P256, EC_P256K, EC_SM2; ENCRYPT/DECRYPT, SIGN/VERIFY). Others have none.
 */
const KEY_SPECS: Record<string, string> = { SYMMETRIC_DEFAULT: "Aliyun_AES_256", RSA_2048: "RSA_2048", ECC_NIST_P256: "EC_P256", ECC_SECG_P256K1: "EC_P256K" };
const KEY_USAGES: Record<string, string> = { ENCRYPT_DECRYPT: "ENCRYPT/DECRYPT", SIGN_VERIFY: "SIGN/VERIFY" };

/** ROS types of the mapping that this export does not generate, with why. */
const NOT_GENERATED: Record<string, string> = {
  "ALIYUN::FC::Function": "the function's code, runtime and handler are not in the inventory: deploy it with its code (runbook step)",
  "ALIYUN::OTS::Table": "the table's primary key schema is not carried by the mapping: create the Tablestore instance and table by hand (runbook step)",
  "ALIYUN::ROCKETMQ5::Instance": "a RocketMQ instance needs sizing and network choices the mapping does not make (runbook step)",
  "ALIYUN::MNS::Topic": "the SMQ topic's ROS properties were not confirmed in the research notes (runbook step)",
};

/** Kinds whose proposals are carried by other resources (products, republish rules) or never templated. */
const CARRIED_ELSEWHERE = new Set(["AWS::IoT::ThingType", "AWS::IoT::Policy"]);

function firstReason(p: Proposal): string {
  return p.reasons[0]?.message ?? `status ${p.status}`;
}

export function collectIacResources(input: IacInput): IacPlan {
  const warnings: string[] = [];
  const skipped: IacSkipped[] = [];
  const regionInfo = new Map(input.regions.map((r) => [r.sourceRegion, r]));
  const sourceRegions = new Set<string>(input.regions.map((r) => r.sourceRegion));
  for (const p of input.products) sourceRegions.add(p.region);
  for (const r of input.republishRules) sourceRegions.add(r.region);
  for (const p of input.proposals) {
    const region = arnRegion(p.arn);
    if (region) sourceRegions.add(region);
  }
  const sorted = [...sourceRegions].sort();
  const globalRegion = sorted[0] ?? "global";
  if (sorted.length > 1) {
    warnings.push(`Global resources (IAM roles, S3 buckets) are declared in the first region's template (${globalRegion}); move them if another region should own them.`);
  }
  const plans = new Map<string, IacRegionPlan>();
  const planOf = (sourceRegion: string): IacRegionPlan => {
    let plan = plans.get(sourceRegion);
    if (!plan) {
      const alibaba = regionInfo.get(sourceRegion)?.alibabaRegion ?? null;
      if (!alibaba) warnings.push(`No Alibaba region is chosen for ${sourceRegion}: its files are named after the AWS region; choose the target region before deploying.`);
      // The label names files and Terraform aliases: kept to letters, digits and `-`.
      const label = (alibaba ?? sourceRegion).replace(/[^A-Za-z0-9-]+/g, "-") || "region";
      plan = { label, sourceRegion, alibabaRegion: alibaba, resources: [], parameters: {} };
      plans.set(sourceRegion, plan);
    }
    return plan;
  };
  for (const region of sorted) planOf(region);
  const regionOfProposal = (p: Proposal) => arnRegion(p.arn) || globalRegion;
  const add = (sourceRegion: string, resource: Omit<IacResource, "region">) => {
    const plan = planOf(sourceRegion);
    plan.resources.push({ ...resource, region: plan.label });
  };

  // Products and their topic classes.
  const typeProposals = new Map(input.proposals.filter((p) => p.kind === "AWS::IoT::ThingType").map((p) => [p.arn, p]));
  const productIds = new Map<string, { logicalId: string; product: ProposedProduct }>(); // key: region \0 original
  const products = [...input.products].sort((a, b) => compare(a.region, b.region) || compare(a.original, b.original));
  for (const product of products) {
    const proposal = product.thingTypeArn ? typeProposals.get(product.thingTypeArn) : undefined;
    if (proposal && proposal.status !== "mapped") continue; // listed with the proposal below
    const logicalId = logicalIdFor("Product", product.productName, `product\u0000${product.region}\u0000${product.original}`);
    productIds.set(`${product.region}\u0000${product.original}`, { logicalId, product });
    add(product.region, {
      logicalId,
      type: "ALIYUN::IOT::Product",
      layer: 0,
      source: product.thingTypeArn ?? `default product (${product.original})`,
      properties: {
        ProductName: product.productName,
        NodeType: 0,
        AliyunCommodityCode: "iothub_senior",
        DataFormat: 1,
        AuthType: "secret",
        Description: cut(`AWS thing type ${product.original} (${product.deviceCount} devices)`, 100),
      },
    });
    const seen = new Set<string>();
    for (const topicClass of product.topicClasses) {
      if (seen.has(topicClass.topicShortName)) continue;
      seen.add(topicClass.topicShortName);
      add(product.region, {
        logicalId: logicalIdFor("Topic", topicClass.topicShortName, `topic\u0000${product.region}\u0000${product.original}\u0000${topicClass.topicShortName}`),
        type: "ALIYUN::IOT::ProductTopic",
        layer: 1,
        source: `topic class ${topicClass.topic} of ${product.original}`,
        properties: {
          ProductKey: getAtt(logicalId, "ProductKey"),
          TopicShortName: topicClass.topicShortName,
          Operation: topicClass.operation,
          ...(topicClass.description ? { Desc: cut(topicClass.description, 100) } : {}),
        },
      });
    }
  }
  const productsOfRegion = (region: string) => [...productIds.entries()].filter(([key]) => key.startsWith(`${region}\u0000`)).map(([, v]) => v);

  // Device groups, by depth so that a parent is always in a lower layer.
  const groups = input.proposals.filter((p) => p.kind === "AWS::IoT::ThingGroup" && p.status === "mapped" && p.rosType === "ALIYUN::IOT::DeviceGroup");
  const groupByName = new Map<string, Proposal>();
  for (const g of groups) {
    const name = proposedName(g.properties.groupName);
    if (name) groupByName.set(`${regionOfProposal(g)}\u0000${g.name}`, g);
  }
  const groupId = (g: Proposal) => logicalIdFor("Group", proposedName(g.properties.groupName) ?? g.name, `group\u0000${g.arn}`);
  /** The logical ids from the root down to the group: a parent's path is a prefix of its children's. */
  const pathOf = (g: Proposal): string => {
    const chain: string[] = [];
    let current: Proposal | undefined = g;
    const seen = new Set<string>();
    while (current && !seen.has(current.arn)) {
      seen.add(current.arn);
      chain.unshift(groupId(current));
      const parentName: string | null = isObject(current.properties.parent) ? text(current.properties.parent.original) : null;
      current = parentName ? groupByName.get(`${regionOfProposal(g)}\u0000${parentName}`) : undefined;
    }
    return chain.join("\u0000");
  };
  /** True when the parents of g lead back to g (an override can map such a group): it is declared without a parent. */
  const loops = (g: Proposal): boolean => {
    const seen = new Set<string>();
    let current: Proposal | undefined = g;
    while (current) {
      const parentName: string | null = isObject(current.properties.parent) ? text(current.properties.parent.original) : null;
      current = parentName ? groupByName.get(`${regionOfProposal(g)}\u0000${parentName}`) : undefined;
      if (current?.arn === g.arn) return true;
      if (!current || seen.has(current.arn)) return false;
      seen.add(current.arn);
    }
    return false;
  };
  for (const g of groups) {
    const name = proposedName(g.properties.groupName);
    if (!name) {
      skipped.push({ kind: g.kind, arn: g.arn, name: g.name, status: g.status, reason: "no GroupName was proposed" });
      continue;
    }
    const region = regionOfProposal(g);
    const parentOriginal = isObject(g.properties.parent) ? text(g.properties.parent.original) : null;
    const cyclic = loops(g);
    const parent = parentOriginal && !cyclic ? groupByName.get(`${region}\u0000${parentOriginal}`) : undefined;
    if (cyclic) warnings.push(`Device group ${JSON.stringify(g.name)} is declared at the top level: its parents loop back to it.`);
    else if (parentOriginal && !parent) {
      warnings.push(`Device group ${JSON.stringify(g.name)} is declared at the top level: its parent ${JSON.stringify(parentOriginal)} is not mapped.`);
    }
    add(region, {
      logicalId: groupId(g),
      type: "ALIYUN::IOT::DeviceGroup",
      layer: 10,
      sortKey: pathOf(g),
      source: g.arn,
      properties: {
        GroupName: name,
        GroupDesc: cut(`AWS thing group ${g.name}`, 100),
        ...(parent ? { SuperGroupId: getAtt(groupId(parent), "GroupId") } : {}),
      },
    });
  }

  // Topic rules: one product each.
  const runbookActions = new Map<string, number>();
  for (const p of input.proposals) {
    if (p.kind !== "AWS::IoT::TopicRule" || p.status !== "mapped" || p.rosType !== "ALIYUN::IOT::Rule") continue;
    const region = regionOfProposal(p);
    const name = proposedName(p.properties.ruleName);
    const topic = isObject(p.properties.topic) ? p.properties.topic : null;
    const select = text(p.properties.select);
    if (!name || !topic || select === null) {
      skipped.push({ kind: p.kind, arn: p.arn, name: p.name, status: p.status, reason: "the rule's translated SQL or Name is missing" });
      continue;
    }
    const candidates = productsOfRegion(region);
    const wanted = String(topic.topic ?? "").replace("/+/", "/${deviceName}/");
    const matching = candidates.filter((c) => c.product.topicClasses.some((t) => t.topic === wanted));
    const product = matching.length === 1 ? matching[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!product) {
      skipped.push({
        kind: p.kind,
        arn: p.arn,
        name: p.name,
        status: p.status,
        reason: `an Alibaba rule applies to one product; ${matching.length === 0 ? candidates.length : matching.length} products of ${region} could carry ${String(topic.topic)}: create one rule per product (runbook step)`,
      });
      continue;
    }
    const where = text(p.properties.where);
    const logicalId = logicalIdFor("Rule", name, `rule\u0000${p.arn}`);
    add(region, {
      logicalId,
      type: "ALIYUN::IOT::Rule",
      layer: 2,
      source: p.arn,
      properties: {
        Name: name,
        ProductKey: getAtt(product.logicalId, "ProductKey"),
        TopicType: topic.topicType,
        ShortTopic: topic.shortTopic,
        Select: select,
        ...(where ? { Where: where } : {}),
        DataType: text(p.properties.dataType) ?? "JSON",
        RuleDesc: cut(`AWS topic rule ${p.name}`, 100),
      },
    });
    const actions = Array.isArray(p.properties.actions) ? p.properties.actions : [];
    for (const action of actions) {
      if (!isObject(action) || action.alibaba === null) continue;
      const type = String(action.alibaba);
      runbookActions.set(type, (runbookActions.get(type) ?? 0) + 1);
    }
  }
  for (const [type, n] of [...runbookActions.entries()].sort((a, b) => compare(a[0], b[0]))) {
    warnings.push(`${n} rule action(s) of topic rules become ${type} actions: a runbook step (CreateRuleAction), their Configuration is not generated.`);
  }

  // REPUBLISH rules of the policy translation.
  for (const rule of input.republishRules) {
    const source = productIds.get(`${rule.region}\u0000${rule.sourceProductRef}`);
    if (rule.status !== "proposed" || !source) {
      skipped.push({
        kind: "republish rule",
        arn: `${rule.region}/${rule.name}`,
        name: rule.name,
        status: rule.status,
        reason: rule.status !== "proposed" ? (rule.reasons[0] ?? "needs a decision") : `its source product ${JSON.stringify(rule.sourceProductRef)} is not declared`,
      });
      continue;
    }
    const ruleId = logicalIdFor("Republish", rule.name, `republish\u0000${rule.region}\u0000${rule.name}`);
    add(rule.region, {
      logicalId: ruleId,
      type: "ALIYUN::IOT::Rule",
      layer: 2,
      source: `republish rule ${rule.name}`,
      properties: {
        Name: rule.name,
        ProductKey: getAtt(source.logicalId, "ProductKey"),
        TopicType: rule.topicType,
        ShortTopic: rule.shortTopic,
        Select: rule.select,
        ...(rule.where ? { Where: rule.where } : {}),
        DataType: rule.dataType,
        RuleDesc: cut(`Device-to-device traffic of ${rule.sourceProductRef}`, 100),
      },
    });
    rule.actions.forEach((action, index) => {
      const target = productIds.get(`${rule.region}\u0000${action.targetProductRef}`);
      if (!target) {
        warnings.push(`Republish rule ${rule.name}: action ${index + 1} targets product ${JSON.stringify(action.targetProductRef)}, which is not declared; it is left out.`);
        return;
      }
      add(rule.region, {
        logicalId: logicalIdFor("RepublishAction", `${rule.name}${index + 1}`, `republish-action\u0000${rule.region}\u0000${rule.name}\u0000${index}`),
        type: "ALIYUN::IOT::RuleAction",
        layer: 3,
        source: `republish rule ${rule.name}, action ${index + 1}`,
        properties: {
          RuleId: getAtt(ruleId, "RuleId"),
          Type: "REPUBLISH",
          Configuration: republishConfiguration(action.configuration.topic, target.logicalId),
        },
      });
    });
  }

  // The supporting services.
  for (const p of input.proposals) {
    if (p.kind === "AWS::IoT::Thing") continue;
    if (p.status !== "mapped") {
      skipped.push({ kind: p.kind, arn: p.arn, name: p.name, status: p.status, reason: firstReason(p) });
      continue;
    }
    if (CARRIED_ELSEWHERE.has(p.kind) || p.kind === "AWS::IoT::ThingGroup" || p.kind === "AWS::IoT::TopicRule") {
      if (p.kind === "AWS::IoT::ThingGroup" && p.rosType !== "ALIYUN::IOT::DeviceGroup") {
        skipped.push({ kind: p.kind, arn: p.arn, name: p.name, status: p.status, reason: "a dynamic group has no ROS type: create it with CreateDeviceDynamicGroup (runbook step)" });
      }
      continue;
    }
    const region = regionOfProposal(p);
    const resource = supportingResource(p);
    if (resource.skip) {
      skipped.push({ kind: p.kind, arn: p.arn, name: p.name, status: p.status, reason: resource.skip });
      continue;
    }
    if (resource.parameter) planOf(region).parameters[resource.parameter.name] = resource.parameter.definition;
    add(region, { logicalId: resource.logicalId, type: resource.type, layer: 0, source: p.arn, properties: resource.properties });
  }

  if (plansHaveRules()) warnings.push("Rules are created stopped (StartRule is not set): start each once its actions exist (StartRule, runbook step).");
  if (input.deviceCount && input.deviceCount > 0) {
    warnings.push(`${input.deviceCount} devices are not in the templates: they are registered in bulk by the runbook (BatchRegisterDeviceWithApplyId), and their DeviceSecrets never pass through a template or an output.`);
  }
  warnings.push("IotInstanceId is not set on the IoT resources (a public instance): on an Enterprise instance add it to every ALIYUN::IOT resource.");

  function plansHaveRules(): boolean {
    return [...plans.values()].some((plan) => plan.resources.some((r) => r.type === "ALIYUN::IOT::Rule"));
  }
  const regions = [...plans.values()].sort((a, b) => compare(a.label, b.label));
  for (const plan of regions) plan.resources.sort((a, b) => a.layer - b.layer || compare(a.sortKey ?? a.logicalId, b.sortKey ?? b.logicalId) || compare(a.logicalId, b.logicalId));
  // Logical ids must be unique per export; the hash makes a clash a bug, so fail loudly.
  const seen = new Set<string>();
  for (const plan of regions) {
    for (const r of plan.resources) {
      if (seen.has(r.logicalId)) throw new Error(`Duplicate logical id ${r.logicalId} (${r.source})`);
      seen.add(r.logicalId);
    }
  }
  skipped.sort((a, b) => compare(a.kind, b.kind) || compare(a.arn, b.arn));
  return { regions, skipped, warnings };
}

/** The REPUBLISH Configuration JSON with `${productKey}` replaced by the target product's ProductKey. */
function republishConfiguration(topic: string, productLogicalId: string): RosValue {
  const marker = "\u0000PRODUCT_KEY\u0000";
  const json = JSON.stringify({ topic: topic.split("${productKey}").join(marker), topicType: 1 });
  const pieces = json.split(JSON.stringify(marker).slice(1, -1));
  if (pieces.length === 1) return json;
  const parts: RosValue[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(getAtt(productLogicalId, "ProductKey"));
    if (piece) parts.push(piece);
  });
  return { "Fn::Join": ["", parts] };
}

interface SupportingResource {
  skip?: string;
  logicalId: string;
  type: string;
  properties: Record<string, RosValue>;
  parameter?: { name: string; definition: Record<string, unknown> };
}

function supportingResource(p: Proposal): SupportingResource {
  const base = { logicalId: "", type: p.rosType ?? "", properties: {} };
  const unique = `${p.kind}\u0000${p.arn}`;
  switch (p.rosType) {
    case "ALIYUN::OSS::Bucket": {
      const bucket = fitBucketName(p.name);
      return { logicalId: logicalIdFor("Bucket", p.name, unique), type: p.rosType, properties: { BucketName: bucket } };
    }
    case "ALIYUN::RAM::Role": {
      const roleName = fitRoleName(proposedName(p.properties.roleName) ?? p.name);
      const attached = Array.isArray(p.properties.attachedPolicies) ? p.properties.attachedPolicies.filter((x): x is string => typeof x === "string") : [];
      const duration = typeof p.properties.maxSessionDuration === "number" ? p.properties.maxSessionDuration : null;
      return {
        logicalId: logicalIdFor("Role", roleName, unique),
        type: p.rosType,
        properties: {
          RoleName: roleName,
          AssumeRolePolicyDocument: ref(PARAM_TRUST_POLICY),
          Description: cut(`AWS IAM role ${p.name}${attached.length ? `; rewrite its policies: ${attached.join(", ")}` : ""}`, 1024),
          ...(duration !== null && duration >= 3600 && duration <= 43200 ? { MaxSessionDuration: duration } : {}),
        },
        parameter: {
          name: PARAM_TRUST_POLICY,
          definition: {
            Type: "Json",
            Description: "The trust policy (RAM policy language) of the RAM roles: IAM trust policies are not translated; review each role.",
          },
        },
      };
    }
    case "ALIYUN::KMS::Key": {
      if (p.reasons.some((r) => r.code === "aws-managed-key")) return { ...base, skip: "an AWS-managed key: the Alibaba service's own default key is used instead" };
      const keyId = isObject(p.properties.keyId) ? text(p.properties.keyId.original) : null;
      const awsSpec = text(p.properties.keySpec);
      const awsUsage = text(p.properties.keyUsage);
      const spec = awsSpec ? KEY_SPECS[awsSpec] : undefined;
      const usage = awsUsage ? KEY_USAGES[awsUsage] : undefined;
      if ((awsSpec && !spec) || (awsUsage && !usage)) {
        return { ...base, skip: `AWS key spec ${String(awsSpec)} / usage ${String(awsUsage)} has no KMS equivalent in ROS's KeySpec and KeyUsage values: choose one (runbook step)` };
      }
      return {
        logicalId: logicalIdFor("Key", p.name, unique),
        type: p.rosType,
        properties: { Description: cut(`AWS KMS key ${keyId ?? p.name}`, 8192), ...(spec ? { KeySpec: spec } : {}), ...(usage ? { KeyUsage: usage } : {}) },
      };
    }
    case "ALIYUN::MNS::Queue":
      return { logicalId: logicalIdFor("Queue", p.name, unique), type: p.rosType, properties: { QueueName: fitQueueName(p.name) } };
    case "ALIYUN::DATAHUB::Topic":
      return {
        logicalId: logicalIdFor("Stream", p.name, unique),
        type: p.rosType,
        properties: { ProjectName: ref(PARAM_DATAHUB_PROJECT), TopicName: fitDataHubTopicName(p.name), RecordType: "BLOB", Comment: cut(`AWS Kinesis stream ${p.name}`, 1024) },
        parameter: { name: PARAM_DATAHUB_PROJECT, definition: { Type: "String", Description: "The DataHub project that holds the topics (create it first)." } },
      };
    case "ALIYUN::IOT::Device":
      return { ...base, skip: "devices and their credentials are registered in bulk by the runbook, never templated" };
    case null:
      return { ...base, skip: `the target ${JSON.stringify(p.target)} has no ROS type: a runbook step` };
    default:
      return { ...base, skip: NOT_GENERATED[p.rosType] ?? `${p.rosType} is not generated: its required properties are not carried by the mapping (runbook step)` };
  }
}
