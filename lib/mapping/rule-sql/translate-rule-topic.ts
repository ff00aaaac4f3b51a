/**
 * An AWS IoT rule's FROM topic filter -> the source topic of an Alibaba IoT Platform rule, and a map from
 * AWS topic levels (topic(n)) to what stands at that level on Alibaba.
 *
 * Custom topics move under `/${productKey}/${deviceName}/user/` (TopicType 1, ShortTopic `+/user/...`): the
 * device level (the first `+` unless told otherwise) becomes the device position, the other levels follow
 * `/user/` in their order, each level rewritten to letters, digits and `_` (what a topic class allows).
 * Reserved AWS topics: the classic shadow's update topics become the thing model's property post (TopicType 0),
 * presence events the device status topic (TopicType 2, ShortTopic form unconfirmed); the rest cannot move.
 * Facts: rule-sql-translation.md sections 1, 4, 5 and 6.
 */
import type { AlibabaRuleTopic, PayloadShape, RuleSqlBlock, RuleSqlWarning, SourcePosition } from "@/lib/mapping/rule-sql/rule-sql-types";

/** What stands at AWS topic level n on Alibaba. */
export type TopicLevel =
  | { kind: "device" }
  | { kind: "constant"; value: string }
  /** Alibaba's topic(n) for this position. */
  | { kind: "position"; n: number }
  | { kind: "missing" };

export type TranslatedTopic = {
  topic: AlibabaRuleTopic | null;
  level: (n: number) => TopicLevel;
  payload: PayloadShape;
  warnings: RuleSqlWarning[];
  blocks: RuleSqlBlock[];
};

const CUSTOM_OFFSET = 3; // /${productKey}/${deviceName}/user/<level 4...>

export function translateRuleTopic(filter: string, pos: SourcePosition, options: { deviceLevel?: number } = {}): TranslatedTopic {
  const construct = `FROM '${filter}'`;
  const warnings: RuleSqlWarning[] = [];
  const blocks: RuleSqlBlock[] = [];
  const levels = filter.split("/");

  if (filter.startsWith("$aws/")) return reservedTopic(filter, levels, pos);
  if (filter.startsWith("$")) {
    blocks.push({ code: "unsupportedTopic", construct, message: `Topics starting with $ are reserved; "${filter}" has no Alibaba equivalent`, position: pos });
    return { topic: null, level: () => ({ kind: "missing" }), payload: "custom", warnings, blocks };
  }

  const requested = options.deviceLevel;
  let device = requested !== undefined && levels[requested - 1] === "+" ? requested : levels.indexOf("+") + 1;
  if (requested !== undefined && device !== requested) {
    warnings.push({ code: "noDeviceLevel", construct, message: `Level ${requested} of "${filter}" is not a + wildcard, so it cannot stand for the device; the first + is used`, position: pos });
  }
  if (device === 0) {
    device = -1;
    warnings.push({
      code: "noDeviceLevel",
      construct,
      message: `"${filter}" names no device level (+); the rule listens to every device of the product on the levels that follow /user/`,
      position: pos,
    });
  }

  // The levels after /user/: every AWS level but the device's, in order; empty levels dropped.
  const rest: Array<{ aws: number; text: string }> = [];
  levels.forEach((level, i) => {
    if (i + 1 === device) return;
    if (level === "") {
      warnings.push({ code: "topicLevelRewritten", construct, message: `The empty level ${i + 1} of "${filter}" is dropped (Alibaba topic levels cannot be empty)`, position: pos });
      return;
    }
    const fitted = level === "+" || level === "#" ? level : level.replace(/[^A-Za-z0-9_]/g, "_");
    if (fitted !== level) {
      warnings.push({ code: "topicLevelRewritten", construct, message: `Topic level "${level}" becomes "${fitted}" (letters, digits and _ only); devices must publish to the new name`, position: pos });
    }
    if (level === "+") {
      warnings.push({
        code: "wildcardOutsideDeviceLevel",
        construct,
        message: `The + at level ${i + 1} of "${filter}" is not the device level; Alibaba documents + only for the device (unconfirmed elsewhere)`,
        position: pos,
      });
    }
    rest.push({ aws: i + 1, text: fitted });
  });
  if (rest.length === 0) {
    blocks.push({ code: "unsupportedTopic", construct, message: `"${filter}" has no level besides the device; an Alibaba custom topic needs one after /user/`, position: pos });
    return { topic: null, level: () => ({ kind: "missing" }), payload: "custom", warnings, blocks };
  }
  const short = `+/user/${rest.map((r) => r.text).join("/")}`;
  warnings.unshift({
    code: "topicRestructured",
    construct,
    message: `Devices publish to /\${productKey}/\${deviceName}/user/${rest.map((r) => r.text).join("/")} instead of "${filter}"; one rule per product`,
    position: pos,
  });

  const hash = rest.findIndex((r) => r.text === "#");
  const level = (n: number): TopicLevel => {
    if (n === device) return { kind: "device" };
    const lit = levels[n - 1];
    const at = rest.findIndex((r) => r.aws === n);
    if (lit !== undefined && lit !== "+" && lit !== "#") return { kind: "constant", value: lit };
    if (at >= 0) return { kind: "position", n: CUSTOM_OFFSET + at + 1 };
    const hashAws = hash >= 0 ? (rest[hash] as { aws: number }).aws : -1;
    if (hash >= 0 && n > hashAws) return { kind: "position", n: CUSTOM_OFFSET + hash + 1 + (n - hashAws) };
    return { kind: "missing" };
  };
  return { topic: { topicType: 1, shortTopic: short, topic: `/\${productKey}/${short}` }, level, payload: "custom", warnings, blocks };
}

function reservedTopic(filter: string, levels: string[], pos: SourcePosition): TranslatedTopic {
  const construct = `FROM '${filter}'`;
  const warnings: RuleSqlWarning[] = [];
  const blocks: RuleSqlBlock[] = [];
  const [, area, , kind, ...tail] = levels;
  const fixed = (device: number) => (n: number): TopicLevel => {
    if (n === device) return { kind: "device" };
    const lit = levels[n - 1];
    return lit !== undefined && lit !== "+" && lit !== "#" ? { kind: "constant", value: lit } : { kind: "missing" };
  };

  if (area === "things" && kind === "shadow" && ["update", "update/accepted", "update/documents"].includes(tail.join("/"))) {
    warnings.push({
      code: "reservedTopicMapped",
      construct,
      message:
        "Shadow updates are not documented rule topics on Alibaba; the rule reads the thing model's property post instead (needs a TSL property per shadow field and firmware that posts Alink properties; fields arrive as items.<id>.value)",
      position: pos,
    });
    // The forwarded form of /sys/${productKey}/${deviceName}/thing/event/property/post (https://help.aliyun.com/document_detail/73736.html).
    return { topic: { topicType: 0, shortTopic: "+/thing/event/property/post", topic: "/${productKey}/+/thing/event/property/post" }, level: fixed(3), payload: "thingModel", warnings, blocks };
  }
  if (area === "events" && levels[2] === "presence" && levels.length === 5) {
    warnings.push({
      code: "reservedTopicMapped",
      construct,
      message: "Presence events become the device status topic /as/mqtt/status/${productKey}/${deviceName}; its fields differ (status online/offline, deviceName, utcTime, clientIp)",
      position: pos,
    });
    warnings.push({ code: "unconfirmed", construct, message: "The ShortTopic form for device status rules (TopicType 2) was found in no source", position: pos });
    return { topic: { topicType: 2, shortTopic: "+", topic: "/as/mqtt/status/${productKey}/+" }, level: fixed(5), payload: "deviceStatus", warnings, blocks };
  }
  const why =
    area === "rules"
      ? "Basic Ingest ($aws/rules/...) has no Alibaba equivalent"
      : area === "things" && kind === "shadow" && tail[0] === "name"
        ? "named shadows have no Alibaba equivalent"
        : `the reserved topic "${filter}" has no Alibaba rule topic`;
  blocks.push({ code: "unsupportedTopic", construct, message: why[0]?.toUpperCase() + why.slice(1), position: pos });
  return { topic: null, level: () => ({ kind: "missing" }), payload: "custom", warnings, blocks };
}
