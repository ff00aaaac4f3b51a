/**
 * Turns device-to-device flows into REPUBLISH rule proposals. One rule per publishing product and
 * source topic (rule ShortTopic `+/user/<short>`, or `<deviceName>/user/<short>` when only one
 * publisher is meant), one REPUBLISH action per receiving topic; at most 10 actions a rule
 * (CreateRuleAction's limit), so more receivers split into numbered rules.
 *
 * A receiver that is a whole fleet (a subscription with a wildcard, or a shared topic) is
 * enumerated device by device when it has at most 10 devices; past that the rule needs a decision
 * (a topic route, a server-side broadcast, or the application fanning out), because one REPUBLISH
 * action writes one topic. Republishing into the very topic the rule reads would trigger it again,
 * so such a target moves to `<short>/in`, for which the receiving product gets a SUB class.
 */
import type {
  CrossDeviceFlow,
  PolicyWarning,
  RepublishAction,
  RepublishRuleProposal,
  TopicClassSource,
} from "@/lib/mapping/policies/policy-translation-types";

export const MAX_ACTIONS_PER_RULE = 10;
/** Our choice: receivers up to this count are listed one REPUBLISH action each. */
export const MAX_ENUMERATED_RECEIVERS = 10;
const RULE_NAME_MAX = 30;

export interface FlowRecord {
  flow: CrossDeviceFlow;
  sourceShort: string;
  sourceDeviceName: string | null;
  targetProductRef: string;
  targetShort: string;
  targetDeviceName: string | null;
  /** The receiving devices (DeviceNames) when the target is the whole receiving side. */
  receiverDeviceNames: readonly string[];
  usesSource: boolean;
}

export interface RepublishProposals {
  rules: RepublishRuleProposal[];
  /** SUB classes the receiving products need for the moved (`/in`) targets. */
  extraClasses: Array<{ productRef: string; topicShortName: string; source: TopicClassSource }>;
  warnings: PolicyWarning[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** FNV-1a, 32 bits: a short, stable suffix that keeps rule names unique. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function ruleName(sourceProductRef: string, shortTopic: string, part: number): string {
  const slug = `rp_${shortTopic.replace(/^\+\/user\//, "").replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const suffix = `_${hash(`${sourceProductRef}\u0000${shortTopic}\u0000${part}`)}`;
  return `${slug.slice(0, RULE_NAME_MAX - suffix.length)}${suffix}`;
}

function action(productRef: string, deviceName: string | null, short: string): RepublishAction {
  const topic = `/\${productKey}/${deviceName ?? "${deviceName}"}/user/${short}`;
  return { type: "REPUBLISH", targetProductRef: productRef, targetDeviceName: deviceName, targetTopicShortName: short, targetTopic: topic, configuration: { topic, topicType: 1 } };
}

export function proposeRepublishRules(records: readonly FlowRecord[]): RepublishProposals {
  const warnings: PolicyWarning[] = [];
  const extraClasses: RepublishProposals["extraClasses"] = [];
  const groups = new Map<string, FlowRecord[]>();
  for (const record of records) {
    const shortTopic = `${record.sourceDeviceName ?? "+"}/user/${record.sourceShort}`;
    const key = `${record.flow.fromProductRef}\u0000${shortTopic}`;
    const list = groups.get(key) ?? [];
    list.push(record);
    groups.set(key, list);
  }
  const rules: RepublishRuleProposal[] = [];
  for (const key of [...groups.keys()].sort(compare)) {
    const group = groups.get(key)!;
    const [sourceProductRef, shortTopic] = key.split("\u0000") as [string, string];
    const actions = new Map<string, RepublishAction>();
    const reasons = new Set<string>();
    let fanOut = false;
    let usesSource = false;
    for (const record of group) {
      usesSource ||= record.usesSource;
      let short = record.targetShort;
      if (record.targetProductRef === sourceProductRef && short === record.sourceShort) {
        short = `${short}/in`;
        reasons.add(`Delivering into "${record.sourceShort}" would trigger the rule again, so receivers get "${short}"; their firmware subscribes there.`);
        extraClasses.push({ productRef: record.targetProductRef, topicShortName: short, source: { policyName: record.flow.toPolicyName, statementIndex: null, awsResource: record.flow.toResource, permission: "SUB", origin: "republish-target" } });
      }
      const devices: Array<string | null> = record.targetDeviceName !== null ? [record.targetDeviceName] : record.receiverDeviceNames.length <= MAX_ENUMERATED_RECEIVERS ? [...record.receiverDeviceNames] : [null];
      if (devices.includes(null)) fanOut = true;
      for (const device of devices) {
        const made = action(record.targetProductRef, device, short);
        actions.set(`${made.targetProductRef}\u0000${device ?? ""}\u0000${short}`, made);
      }
      reasons.add(
        record.targetDeviceName !== null
          ? `AWS lets "${record.flow.fromResource}" (${record.flow.fromPolicyName}) reach the device "${record.targetDeviceName}" through "${record.flow.toResource}" (${record.flow.toPolicyName}); an Alibaba device writes only its own topics, so a rule forwards it.`
          : `AWS lets devices of ${record.flow.toProductRef} (${record.flow.toPolicyName}, "${record.flow.toResource}") receive what devices of ${record.flow.fromProductRef} publish on "${record.flow.fromResource}"; an Alibaba device writes only its own topics, so a rule forwards it.`,
      );
    }
    const sorted = [...actions.entries()].sort(([a], [b]) => compare(a, b)).map(([, a]) => a);
    const flows = dedupeFlows(group.map((r) => r.flow));
    const parts = Math.max(1, Math.ceil(sorted.length / MAX_ACTIONS_PER_RULE));
    if (usesSource) reasons.add("The publishing device's name is carried as `deviceName() as source` and placed in the target topic as ${source}; a substitution in a topic level is not confirmed in Alibaba's documentation.");
    if (parts > 1) reasons.add(`${sorted.length} receiving topics exceed the ${MAX_ACTIONS_PER_RULE} actions a rule may hold, so the forwarding is split into ${parts} rules.`);
    const choices = fanOut
      ? [
          "topic route (CreateTopicRouteTable): custom topics only, up to 100 destinations per source topic",
          "server-side broadcast to /broadcast/${productKey}/... from an application or Function Compute",
          "an application receives the messages (AMQP server-side subscription) and publishes to each device with the Pub API",
        ]
      : [];
    if (fanOut) {
      warnings.push({
        code: "RepublishFanOut",
        productRef: sourceProductRef,
        policyName: flows[0]!.toPolicyName,
        statementIndex: null,
        statement: null,
        message: `Messages on ${shortTopic} go to every device of a large group on AWS; one REPUBLISH action writes one device's topic, so this needs a decision.`,
      });
    }
    for (let part = 0; part < parts; part += 1) {
      rules.push({
        name: ruleName(sourceProductRef, shortTopic, part),
        sourceProductRef,
        topicType: 1,
        shortTopic,
        select: usesSource ? "*, deviceName() as source" : "*",
        where: "",
        dataType: "JSON",
        actions: sorted.slice(part * MAX_ACTIONS_PER_RULE, (part + 1) * MAX_ACTIONS_PER_RULE),
        status: fanOut ? "needs-decision" : "proposed",
        choices,
        reasons: [...reasons].sort(compare),
        confidence: usesSource || fanOut ? "unconfirmed" : "documented",
        flows,
      });
    }
  }
  return { rules, extraClasses, warnings };
}

function dedupeFlows(flows: readonly CrossDeviceFlow[]): CrossDeviceFlow[] {
  const byKey = new Map<string, CrossDeviceFlow>();
  for (const f of flows) byKey.set([f.fromProductRef, f.fromPolicyName, f.fromResource, f.toProductRef, f.toPolicyName, f.toResource].join("\u0000"), f);
  return [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, f]) => f);
}
