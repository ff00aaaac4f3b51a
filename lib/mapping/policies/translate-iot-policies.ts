/**
 * Translates the AWS IoT policies of an estate into Alibaba IoT Platform terms: per product, the
 * custom topic classes its devices need (from the topics the policies allow them), what became of
 * each AWS resource pattern and why, the REPUBLISH rules that traffic between devices needs, a
 * clear error for each policy that cannot be read (the rest still translate), and a warning with
 * a code for everything that has no equivalent. Pure and deterministic: sorted output, no clock.
 *
 * Devices are grouped by product and by the exact set of policies they hold; AWS evaluates all the
 * policies of a device together and a Deny wins over any Allow. A topic class applies to every
 * device of a product, so the product's classes are the union over its groups (and a warning says
 * when its devices held different policies).
 */
import { coverPolicyGlob } from "@/lib/mapping/policies/cover-policy-glob";
import { intersectPolicyGlobs } from "@/lib/mapping/policies/intersect-policy-globs";
import { matchTopicFlow, type FlowSides } from "@/lib/mapping/policies/match-topic-flow";
import { parseIotPolicy } from "@/lib/mapping/policies/parse-iot-policy";
import type {
  PatternTranslation,
  PolicyError,
  PolicyStatement,
  PolicyTranslation,
  PolicyTranslationInput,
  PolicyWarning,
  ProductTopicPlan,
  TopicClassProposal,
  TopicClassSource,
  ThingInput,
} from "@/lib/mapping/policies/policy-translation-types";
import { proposeRepublishRules, type FlowRecord } from "@/lib/mapping/policies/propose-republish-rules";
import { resolvePolicyVariables, type AttributeValue, type VariableContext } from "@/lib/mapping/policies/resolve-policy-variables";
import { translateTopicPattern, type Permission, type TopicToken } from "@/lib/mapping/policies/translate-topic-pattern";

/** CreateProductTopic's Desc: at most 100 characters. */
const MAX_DESCRIPTION = 100;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const spell = (literal: string) => literal.replace(/[^A-Za-z0-9_]/g, "_");

interface Cohort {
  productRef: string;
  policyNames: string[];
  things: ThingInput[];
  thingNames: Set<string>;
  deviceNameOf: Map<string, string>;
  publishes: Array<{ policyName: string; resource: string; short: string; tokens: TopicToken[] }>;
  subscribes: Array<{ policyName: string; resource: string; tokens: TopicToken[] }>;
  receives: TopicToken[][];
  patterns: PatternTranslation[];
  classes: Array<{ short: string; source: TopicClassSource }>;
}

type Entry = { statement: PolicyStatement; permission: Permission; resource: string; pattern: string };

const ACTION_PERMISSIONS: ReadonlyArray<[string, Permission, "topic" | "topicfilter"]> = [
  ["iot:Publish", "publish", "topic"],
  ["iot:Subscribe", "subscribe", "topicfilter"],
  ["iot:Receive", "receive", "topic"],
];

/** The topic part a resource names for a resource type, or null when it names none of that type. */
function patternOf(resource: string, type: "topic" | "topicfilter"): string | null {
  if (resource === "*") return "*";
  const parts = resource.split(":");
  const service = parts[2] ?? "";
  if (!intersectPolicyGlobs(service, "iot")) return null;
  const rest = parts.slice(5).join(":");
  if (rest === "*") return "*";
  const slash = rest.indexOf("/");
  const kind = slash < 0 ? rest : rest.slice(0, slash);
  if (kind.includes("*") || kind.includes("?")) return intersectPolicyGlobs(kind, type) ? "*" : null;
  return kind === type && slash >= 0 ? rest.slice(slash + 1) : null;
}

function attributeLookup(things: readonly ThingInput[]): (name: string) => AttributeValue {
  const cache = new Map<string, AttributeValue>();
  return (name) => {
    const known = cache.get(name);
    if (known) return known;
    const values = new Set<string>();
    let missing = 0;
    for (const thing of things) {
      const value = thing.attributes?.[name];
      if (value === undefined) missing += 1;
      else values.add(value);
    }
    const result: AttributeValue =
      values.size === 0 ? { kind: "missing" } : values.size === 1 && missing === 0 ? { kind: "uniform", value: [...values][0]! } : { kind: "varies", values: values.size + (missing > 0 ? 1 : 0) };
    cache.set(name, result);
    return result;
  };
}

function documentWarnings(statement: PolicyStatement): PolicyWarning[] {
  const base = { productRef: null, policyName: statement.policyName, statementIndex: statement.index, statement: statement.text };
  const out: PolicyWarning[] = [];
  if (statement.hasCondition) {
    out.push({
      ...base,
      code: "ConditionIgnored",
      message:
        statement.effect === "Allow"
          ? "The Condition has no equivalent in a topic class; the statement was translated as if unconditional, which grants more than AWS did."
          : "The Condition has no equivalent; the Deny was applied as if unconditional, which grants less than AWS did.",
    });
  }
  if (statement.usesNotAction) out.push({ ...base, code: "NotActionUnsupported", message: "NotAction has no equivalent; the statement was not translated." });
  if (statement.usesNotResource) out.push({ ...base, code: "NotResourceUnsupported", message: "NotResource has no equivalent; the statement was not translated." });
  if (statement.foreignActions.length > 0) {
    out.push({ ...base, code: "ForeignActionIgnored", message: `Actions of other services (${statement.foreignActions.join(", ")}) are not IoT Core's and were not translated.` });
  }
  if (statement.effect === "Allow" && statement.actions.includes("iot:Connect")) {
    out.push({ ...base, code: "ConnectHasNoEquivalent", message: "iot:Connect has no equivalent: an Alibaba device connects with its own product key, device name and device secret (or certificate), and no policy governs which client IDs may connect." });
  }
  if (statement.effect !== "Allow") return out;
  const has = (...actions: string[]) => actions.filter((a) => statement.actions.includes(a as PolicyStatement["actions"][number]));
  const retained = has("iot:RetainPublish", "iot:GetRetainedMessage", "iot:ListRetainedMessages");
  if (retained.length > 0) out.push({ ...base, code: "RetainedMessagesUnsupported", message: `${retained.join(", ")}: retained messages exist on Alibaba only for MQTT 5 on Enterprise instances.` });
  const shadow = has("iot:GetThingShadow", "iot:UpdateThingShadow", "iot:DeleteThingShadow");
  if (shadow.length > 0) {
    out.push({ ...base, code: "ShadowActionsPredefined", message: `${shadow.join(", ")}: each Alibaba device has one shadow on predefined topics, needing no class; other things' shadows are read and written from the cloud (GetDeviceShadow, UpdateDeviceShadow).` });
  }
  if (has("iot:ListNamedShadowsForThing").length > 0) out.push({ ...base, code: "NamedShadowNoEquivalent", message: "iot:ListNamedShadowsForThing: named shadows have no equivalent; an Alibaba device has one shadow." });
  const jobs = has("iot:DescribeJobExecution", "iot:GetPendingJobExecutions", "iot:StartNextPendingJobExecution", "iot:UpdateJobExecution");
  if (jobs.length > 0) out.push({ ...base, code: "JobsNoTopicEquivalent", message: `${jobs.join(", ")}: jobs have no topic-level equivalent; they become OTA upgrade jobs or CreateJob tasks.` });
  if (has("iot:AssumeRoleWithCertificate").length > 0) {
    out.push({ ...base, code: "CredentialsProviderNoEquivalent", message: "iot:AssumeRoleWithCertificate: the credentials provider (role aliases) has no equivalent found; devices that need cloud credentials must get them another way, for example a temporary STS token handed out by a back end (a suggestion, not a documented mapping)." });
  }
  return out;
}

const NO_POLICIES: readonly string[] = Object.freeze([]);

/**
 * The distinct names of `names` that were read, sorted: a list already sorted without repeats (as
 * collect-thing-policies.ts gives them) is only filtered. The result may be shared: not to be changed.
 */
function readablePolicies(names: readonly string[], statementsOf: ReadonlyMap<string, unknown>): readonly string[] {
  if (names.length === 0) return NO_POLICIES;
  let ordered = true;
  let allRead = true;
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && compare(names[i - 1]!, names[i]!) >= 0) ordered = false;
    if (!statementsOf.has(names[i]!)) allRead = false;
  }
  if (ordered) return allRead ? names : names.filter((n) => statementsOf.has(n));
  return [...new Set(names)].filter((n) => statementsOf.has(n)).sort(compare);
}

export function translateIotPolicies(input: PolicyTranslationInput): PolicyTranslation {
  const errors: PolicyError[] = [];
  const warnings = new Map<string, PolicyWarning>();
  const warn = (w: PolicyWarning) => warnings.set([w.code, w.productRef ?? "", w.policyName, w.statementIndex ?? "", w.message].join("\u0000"), w);

  const statementsOf = new Map<string, PolicyStatement[]>();
  for (const policy of [...input.policies].sort((a, b) => compare(a.name, b.name))) {
    if (statementsOf.has(policy.name) || errors.some((e) => e.policyName === policy.name)) {
      errors.push({ policyName: policy.name, code: "DuplicatePolicyName", message: `A second policy named "${policy.name}" was given; only the first was translated.` });
      continue;
    }
    const parsed = parseIotPolicy(policy);
    if (!parsed.ok) {
      errors.push({ policyName: parsed.name, code: parsed.code, message: parsed.message });
      continue;
    }
    statementsOf.set(parsed.name, parsed.statements);
    parsed.statements.flatMap(documentWarnings).forEach(warn);
  }

  // Devices grouped by product and by the set of readable policies they hold.
  const cohorts = new Map<string, Cohort>();
  for (const thing of input.things) {
    const names = readablePolicies(thing.policyNames, statementsOf);
    const key = names.length === 0 ? `${thing.productRef}\u0000` : `${thing.productRef}\u0000${names.join("\u0000")}`;
    let cohort = cohorts.get(key);
    if (!cohort) {
      cohort = { productRef: thing.productRef, policyNames: [...names], things: [], thingNames: new Set(), deviceNameOf: new Map(), publishes: [], subscribes: [], receives: [], patterns: [], classes: [] };
      cohorts.set(key, cohort);
    }
    cohort.things.push(thing);
    cohort.thingNames.add(thing.thingName);
    cohort.deviceNameOf.set(thing.thingName, thing.deviceName ?? thing.thingName);
  }
  const ordered = [...cohorts.keys()].sort(compare).map((k) => cohorts.get(k)!);

  for (const cohort of ordered) translateCohort(cohort, statementsOf, warn);

  // Device-to-device traffic: a topic one group publishes that another device subscribes to and receives.
  const records: FlowRecord[] = [];
  const receiversOf = new Map<Cohort, string[]>();
  const receivers = (cohort: Cohort) => {
    let names = receiversOf.get(cohort);
    if (!names) receiversOf.set(cohort, (names = [...cohort.deviceNameOf.values()].sort(compare)));
    return names;
  };
  for (const from of ordered) {
    for (const pub of from.publishes) {
      for (const to of ordered) {
        if (from === to && from.things.length < 2) continue;
        const sides: FlowSides = { isPublisherThing: (n) => from.thingNames.has(n), isReceiverThing: (n) => to.thingNames.has(n), spell };
        for (const sub of to.subscribes) {
          // A subscription to every topic is the legacy catch-all: it is warned about, not wired to every publisher.
          if (sub.tokens.length === 1 && sub.tokens[0]!.t === "rest") continue;
          const match = matchTopicFlow(pub.tokens, sub.tokens, sides, "refuse");
          if (!match) continue;
          if (match.sourceThing !== null && match.sourceThing === match.targetThing) continue;
          if (!to.receives.some((r) => matchTopicFlow(pub.tokens, r, sides, "match") !== null)) continue;
          records.push({
            flow: { fromProductRef: from.productRef, fromPolicyName: pub.policyName, fromResource: pub.resource, toProductRef: to.productRef, toPolicyName: sub.policyName, toResource: sub.resource },
            sourceShort: pub.short,
            sourceDeviceName: match.sourceThing === null ? null : (from.deviceNameOf.get(match.sourceThing) ?? match.sourceThing),
            targetProductRef: to.productRef,
            targetShort: match.targetLevels.join("/"),
            targetDeviceName: match.targetThing === null ? null : (to.deviceNameOf.get(match.targetThing) ?? match.targetThing),
            receiverDeviceNames: receivers(to),
            usesSource: match.usesSource,
          });
        }
      }
    }
  }
  const republish = proposeRepublishRules(records);
  republish.warnings.forEach(warn);

  const products = buildProducts(ordered, republish.extraClasses, warn);
  return {
    products,
    republishRules: republish.rules,
    errors: errors.sort((a, b) => compare(a.policyName, b.policyName) || compare(a.code, b.code)),
    warnings: [...warnings.entries()].sort(([a], [b]) => compare(a, b)).map(([, w]) => w),
  };
}

function translateCohort(cohort: Cohort, statementsOf: Map<string, PolicyStatement[]>, warn: (w: PolicyWarning) => void): void {
  const types = new Set(cohort.things.map((t) => t.thingTypeName));
  const context: VariableContext = { thingTypeName: types.size === 1 ? ([...types][0] ?? null) : null, attribute: attributeLookup(cohort.things) };
  const allows: Array<Entry & { glob: string }> = [];
  const denies: Array<Entry & { glob: string }> = [];
  const record = (entry: Entry, outcome: PatternTranslation["outcome"], reason: string) =>
    cohort.patterns.push({ policyName: entry.statement.policyName, statementIndex: entry.statement.index, permission: entry.permission, awsResource: entry.resource, outcome, reason });

  for (const policyName of cohort.policyNames) {
    for (const statement of statementsOf.get(policyName) ?? []) {
      if (statement.usesNotAction || statement.usesNotResource || statement.resources === null) continue;
      for (const [action, permission, type] of ACTION_PERMISSIONS) {
        if (!statement.actions.includes(action as PolicyStatement["actions"][number])) continue;
        for (const resource of statement.resources) {
          const pattern = patternOf(resource, type);
          if (pattern === null) continue;
          const entry: Entry = { statement, permission, resource, pattern };
          const resolved = resolvePolicyVariables(pattern, context);
          const where = { productRef: cohort.productRef, policyName, statementIndex: statement.index, statement: statement.text };
          if (!resolved.ok) {
            if (statement.effect === "Allow") record(entry, { kind: "none", code: resolved.code }, resolved.message);
            warn({ ...where, code: resolved.code, message: statement.effect === "Deny" ? `${resolved.message} The Deny on "${resource}" was not applied.` : resolved.message });
            continue;
          }
          resolved.notes.forEach((n) => warn({ ...where, code: n.code, message: n.message }));
          (statement.effect === "Allow" ? allows : denies).push({ ...entry, glob: resolved.glob });
        }
      }
    }
  }

  for (const allow of allows) {
    const touching = denies.filter((d) => d.permission === allow.permission && intersectPolicyGlobs(d.glob, allow.glob));
    const covering = touching.find((d) => coverPolicyGlob(d.glob, allow.glob));
    if (covering) {
      record(allow, { kind: "dropped" }, `Denied by statement ${covering.statement.index + 1} of ${covering.statement.policyName} ("${covering.resource}"): Deny wins.`);
      continue;
    }
    for (const deny of touching) {
      warn({
        code: "PartialDeny",
        productRef: cohort.productRef,
        policyName: deny.statement.policyName,
        statementIndex: deny.statement.index,
        statement: deny.statement.text,
        message: `The Deny on "${deny.resource}" removes part of what "${allow.resource}" (${allow.statement.policyName}) allows; a topic class cannot hold an exception, so the class grants more than AWS did.`,
      });
    }
    const result = translateTopicPattern(allow.glob, allow.permission);
    const where = { productRef: cohort.productRef, policyName: allow.statement.policyName, statementIndex: allow.statement.index, statement: allow.statement.text };
    if (result.kind === "none") {
      record(allow, { kind: "none", code: result.code }, result.message);
      warn({ ...where, code: result.code, message: `"${allow.resource}": ${result.message}` });
    } else if (result.kind === "dropped") {
      record(allow, { kind: "dropped" }, result.reason);
      if (result.tokens) cohort.receives.push(result.tokens);
    } else if (result.kind === "predefined") {
      record(allow, { kind: "predefined", topics: result.topics }, result.notes.map((n) => n.message).join(" "));
      result.notes.forEach((n) => warn({ ...where, code: n.code, message: `"${allow.resource}": ${n.message}` }));
    } else {
      const verb = result.permission === "PUB" ? "publish" : "subscribe";
      const reason = [`Allows devices to ${verb} "${allow.pattern}": class ${result.topicShortName} (${result.permission}).`, ...result.notes.map((n) => n.message)].join(" ");
      record(allow, { kind: "class", topicShortName: result.topicShortName, permission: result.permission }, reason);
      result.notes.forEach((n) => warn({ ...where, code: n.code, message: `"${allow.resource}": ${n.message}` }));
      cohort.classes.push({ short: result.topicShortName, source: { policyName: allow.statement.policyName, statementIndex: allow.statement.index, awsResource: allow.resource, permission: result.permission, origin: "policy" } });
      if (result.permission === "PUB") cohort.publishes.push({ policyName: allow.statement.policyName, resource: allow.resource, short: result.topicShortName, tokens: result.tokens });
      else {
        cohort.subscribes.push({ policyName: allow.statement.policyName, resource: allow.resource, tokens: result.tokens });
        if (!result.tokens.some((t) => t.t === "self") && !(result.tokens.length === 1 && result.tokens[0]!.t === "rest")) {
          warn({
            ...where,
            code: "SharedTopicPerDevice",
            message: `"${allow.resource}" is shared on AWS: one message reaches every subscriber. On Alibaba each device subscribes to its own copy (${result.topicShortName}), so whoever publishes there must write each device's topic: devices through the republish rules proposed here, cloud applications through the Pub API, a broadcast or a topic route.`,
          });
        }
      }
    }
  }
}

function buildProducts(cohorts: readonly Cohort[], extra: ReadonlyArray<{ productRef: string; topicShortName: string; source: TopicClassSource }>, warn: (w: PolicyWarning) => void): ProductTopicPlan[] {
  const byProduct = new Map<string, Cohort[]>();
  for (const cohort of cohorts) byProduct.set(cohort.productRef, [...(byProduct.get(cohort.productRef) ?? []), cohort]);
  const sourceKey = (s: TopicClassSource) => [s.origin, s.policyName, String(s.statementIndex ?? -1).padStart(6, "0"), s.awsResource ?? "", s.permission].join("\u0000");
  const plans: ProductTopicPlan[] = [];
  for (const productRef of [...byProduct.keys()].sort(compare)) {
    const group = byProduct.get(productRef)!;
    const classes = new Map<string, Map<string, TopicClassSource>>();
    const add = (short: string, source: TopicClassSource) => {
      const sources = classes.get(short) ?? new Map<string, TopicClassSource>();
      sources.set(sourceKey(source), source);
      classes.set(short, sources);
    };
    group.forEach((c) => c.classes.forEach(({ short, source }) => add(short, source)));
    extra.filter((e) => e.productRef === productRef).forEach((e) => add(e.topicShortName, e.source));
    const topicClasses: TopicClassProposal[] = [...classes.keys()].sort(compare).map((short) => {
      const sources = [...classes.get(short)!.entries()].sort(([a], [b]) => compare(a, b)).map(([, s]) => s);
      const pub = sources.some((s) => s.permission === "PUB");
      const sub = sources.some((s) => s.permission === "SUB");
      const names = [...new Set(sources.map((s) => s.policyName))];
      const text = `From AWS IoT ${names.length === 1 ? "policy" : "policies"} ${names.join(", ")}`;
      const description = text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 3)}...` : text;
      return { topicShortName: short, topic: `/\${productKey}/\${deviceName}/user/${short}`, operation: pub && sub ? "ALL" : pub ? "PUB" : "SUB", description, sources };
    });
    const patterns = new Map<string, PatternTranslation>();
    for (const c of group) for (const p of c.patterns) patterns.set([p.policyName, String(p.statementIndex).padStart(6, "0"), p.permission, p.awsResource, JSON.stringify(p.outcome), p.reason].join("\u0000"), p);
    const policySets = group
      .map((c) => ({ policyNames: c.policyNames, deviceCount: c.things.length }))
      .sort((a, b) => b.deviceCount - a.deviceCount || compare(a.policyNames.join(","), b.policyNames.join(",")));
    if (policySets.length > 1) {
      warn({
        code: "PolicySetsDifferWithinProduct",
        productRef,
        policyName: policySets.flatMap((s) => s.policyNames).sort(compare)[0] ?? "",
        statementIndex: null,
        statement: null,
        message: `Devices of this product hold ${policySets.length} different sets of policies (${policySets.map((s) => `${s.policyNames.join(" + ") || "none"}: ${s.deviceCount}`).join("; ")}); topic classes apply to every device of a product, so each device gets the union.`,
      });
    }
    plans.push({
      productRef,
      deviceCount: group.reduce((n, c) => n + c.things.length, 0),
      policySets,
      topicClasses,
      patterns: [...patterns.entries()].sort(([a], [b]) => compare(a, b)).map(([, p]) => p),
    });
  }
  return plans;
}
