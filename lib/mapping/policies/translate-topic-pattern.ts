/**
 * Translates one resolved AWS topic pattern (policy variables already substituted, SELF standing
 * for the connecting device) into what a device of the product gets on Alibaba: a custom topic
 * class under `/${productKey}/${deviceName}/user/`, a predefined topic (the device shadow), or
 * nothing, with the reason. Also returns the pattern's levels as tokens, which the search for
 * device-to-device traffic compares.
 *
 * Rules (research note, "Policies -> topic classes"): the SELF level is the device's own namespace
 * and is dropped from the short name; class levels hold letters, digits and `_` only (others are
 * rewritten to `_`); `+` and `#` only in SUB classes; an IAM `*` as the last level of a subscription
 * becomes `#` (which covers it); any other `*` or `?` has no equivalent, nor has a wildcard in a
 * publish permission. Receive has no counterpart: a SUB class authorises delivery.
 */
import type { PolicyWarningCode } from "@/lib/mapping/policies/policy-translation-types";
import { LITERAL_QUESTION, LITERAL_STAR, SELF } from "@/lib/mapping/policies/resolve-policy-variables";

export type TopicToken = { t: "lit"; v: string } | { t: "self" } | { t: "one" } | { t: "rest" } | { t: "glob"; v: string };

export type Permission = "publish" | "subscribe" | "receive";

export type TopicTranslation =
  | { kind: "class"; topicShortName: string; permission: "PUB" | "SUB"; tokens: TopicToken[]; notes: Note[] }
  | { kind: "predefined"; topics: string[]; notes: Note[] }
  | { kind: "dropped"; reason: string; tokens: TopicToken[] | null }
  | { kind: "none"; code: PolicyWarningCode; message: string };

type Note = { code: PolicyWarningCode; message: string };

const LEVEL = /^[A-Za-z0-9_]+$/;
const SHADOW_TOPICS = ["/shadow/update/${productKey}/${deviceName}", "/shadow/get/${productKey}/${deviceName}"];

/** Reads the levels; null and a reason when a level cannot be a topic level at all. */
export function tokenizeTopicGlob(glob: string, permission: Permission): { ok: true; tokens: TopicToken[] } | { ok: false; code: PolicyWarningCode; message: string } {
  const levels = glob.split("/");
  if (levels.length > 1 && levels[0] === "") levels.shift();
  const tokens: TopicToken[] = [];
  for (const [i, level] of levels.entries()) {
    const last = i === levels.length - 1;
    if (level === "") return { ok: false, code: "EmptyLevel", message: "The topic has an empty level; Alibaba topic levels cannot be empty." };
    if (level === SELF) tokens.push({ t: "self" });
    else if (level.includes(SELF)) return { ok: false, code: "VariableInsideLevel", message: "The device's name is part of a level, not a whole level; Alibaba's ${deviceName} is always a level of its own." };
    else if (permission === "subscribe" && level === "+") tokens.push({ t: "one" });
    else if (permission === "subscribe" && level === "#" && last) tokens.push({ t: "rest" });
    else if (level.includes("+") || level.includes("#")) {
      return permission === "subscribe"
        ? { ok: false, code: "WildcardNoEquivalent", message: "An MQTT wildcard is mixed with other characters or `#` is not last; the filter is not valid MQTT." }
        : { ok: false, code: "MqttWildcardInTopicName", message: "`+` and `#` are literal characters in a policy's topic resource, and MQTT topic names cannot hold them, so AWS grants nothing here." };
    } else if (level === "*" && last) tokens.push({ t: "rest" });
    else if (level.includes("*") || level.includes("?")) tokens.push({ t: "glob", v: level });
    else tokens.push({ t: "lit", v: level });
  }
  return { ok: true, tokens };
}

function reserved(glob: string, permission: Permission): TopicTranslation {
  const levels = glob.split("/");
  const thing = levels[2];
  const area = levels[3];
  if (levels[1] === "things" && area === "shadow") {
    if (levels[4] === "name") return { kind: "none", code: "NamedShadowNoEquivalent", message: "Named shadows have no equivalent: an Alibaba device has one shadow." };
    if (thing !== SELF) return { kind: "none", code: "OtherDeviceShadow", message: "The policy reaches the shadows of other things; an Alibaba device reads and writes only its own shadow (other devices' shadows go through the GetDeviceShadow / UpdateDeviceShadow API from the cloud side)." };
    if (permission === "receive") return { kind: "dropped", reason: "Receive has no counterpart; the device shadow topics are predefined.", tokens: null };
    const named = levels.slice(4).some((l) => l.includes("*")) ? " Named shadows, which the wildcard also matches, have no equivalent." : "";
    return { kind: "predefined", topics: SHADOW_TOPICS, notes: [{ code: "NamedShadowNoEquivalent", message: `The classic shadow maps to Alibaba's predefined shadow topics; their payload format differs and firmware must change.${named}` }] };
  }
  if (levels[1] === "things" && (area === "jobs" || area?.includes("*"))) {
    return { kind: "none", code: "JobsNoTopicEquivalent", message: "Job topics have no topic-level equivalent: jobs become OTA upgrade jobs or CreateJob tasks." };
  }
  if (levels[1] === "certificates" || levels[1] === "provisioning-templates") {
    return { kind: "none", code: "FleetProvisioningNoTopicEquivalent", message: "Fleet provisioning topics have no equivalent: Alibaba registers devices in bulk or by per-product dynamic registration with the ProductSecret." };
  }
  if (levels[1] === "rules") return { kind: "none", code: "BasicIngestNoEquivalent", message: "Basic Ingest ($aws/rules/...) has no equivalent: devices publish to a custom topic and a rule reads it." };
  if (levels[1] === "events") return { kind: "none", code: "LifecycleEventsDiffer", message: "Lifecycle events differ: Alibaba reports device status on /as/mqtt/status/${productKey}/${deviceName}, which rules read; devices do not subscribe to it." };
  return { kind: "none", code: "ReservedTopicNoEquivalent", message: "This AWS reserved topic has no Alibaba counterpart." };
}

export function translateTopicPattern(glob: string, permission: Permission): TopicTranslation {
  if (glob.startsWith("$aws/")) return reserved(glob, permission);
  if (glob.startsWith("$")) return { kind: "none", code: "ReservedTopicNoEquivalent", message: "Topics starting with $ are reserved; this one has no Alibaba counterpart." };
  if (glob === "*") {
    if (permission === "publish") return { kind: "none", code: "AnyTopicPublish", message: "The policy allows publishing to every topic; Alibaba needs each topic as a class, so the topics devices really use must be listed (from firmware or rules)." };
    if (permission === "receive") return { kind: "dropped", reason: "Receive has no counterpart: a SUB class authorises delivery.", tokens: [{ t: "rest" }] };
    return { kind: "class", topicShortName: "#", permission: "SUB", tokens: [{ t: "rest" }], notes: [{ code: "AnyTopicNarrowed", message: "Subscribing to every topic becomes `#` under the device's own /user/ namespace: other devices' traffic and system topics are no longer reached without republish rules." }] };
  }
  const read = tokenizeTopicGlob(glob, permission);
  if (!read.ok) return { kind: "none", code: read.code, message: read.message };
  const { tokens } = read;
  if (permission === "receive") return { kind: "dropped", reason: "Receive has no counterpart: a SUB class authorises delivery.", tokens };
  if (tokens.some((t) => t.t === "glob")) return { kind: "none", code: "WildcardNoEquivalent", message: "`*` or `?` inside or across levels has no equivalent in a topic class; list the concrete topics instead." };
  if (permission === "publish" && tokens.some((t) => t.t === "rest")) return { kind: "none", code: "WildcardPublish", message: "Publishing under a wildcard has no equivalent: PUB classes take no wildcards, so each concrete topic must be listed." };
  const notes: Note[] = [];
  const rawLevels = glob.split("/");
  if (rawLevels.length > 1 && rawLevels[0] === "") notes.push({ code: "LevelRewritten", message: "The leading `/` was dropped: the class sits under /user/." });
  const lastLevel = rawLevels[rawLevels.length - 1];
  if (lastLevel === "*") notes.push({ code: "IamWildcardAsHash", message: "The policy's trailing `*` became `#`, which covers the same topics below this level." });
  const short: string[] = [];
  for (const token of tokens) {
    if (token.t === "self") continue;
    if (token.t === "one") short.push("+");
    else if (token.t === "rest") short.push("#");
    else if (token.t === "lit") {
      const literal = token.v.replaceAll(LITERAL_STAR, "*").replaceAll(LITERAL_QUESTION, "?");
      if (LEVEL.test(literal)) short.push(literal);
      else {
        const rewritten = literal.replace(/[^A-Za-z0-9_]/g, "_");
        notes.push({ code: "LevelRewritten", message: `The level "${literal}" became "${rewritten}": class levels hold letters, digits and _ only.` });
        short.push(rewritten);
      }
    }
  }
  if (short.length === 0) return { kind: "none", code: "NoLevelsLeft", message: "Nothing is left once the device's own level is removed; a class needs at least one level after /user/." };
  if (short[0] === "#" && tokens.length > 1) notes.push({ code: "AnyTopicNarrowed", message: "The class covers only the device's own /user/ topics." });
  return { kind: "class", topicShortName: short.join("/"), permission: permission === "publish" ? "PUB" : "SUB", tokens, notes };
}
