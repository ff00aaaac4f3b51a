import { describe, expect, it } from "vitest";
import { LITERAL_STAR, SELF } from "@/lib/mapping/policies/resolve-policy-variables";
import { tokenizeTopicGlob, translateTopicPattern } from "@/lib/mapping/policies/translate-topic-pattern";

const S = SELF;

describe("translateTopicPattern", () => {
  it.each([
    [`dt/${S}/telemetry`, "publish", "dt/telemetry", "PUB"],
    [`telemetry/${S}`, "publish", "telemetry", "PUB"],
    [`cmd/${S}/#`, "subscribe", "cmd/#", "SUB"],
    [`cmd/${S}/*`, "subscribe", "cmd/#", "SUB"],
    [`dt/+/telemetry`, "subscribe", "dt/+/telemetry", "SUB"],
    [`fleet/alerts`, "subscribe", "fleet/alerts", "SUB"],
    [`fleet/alerts`, "publish", "fleet/alerts", "PUB"],
    [`site/*`, "subscribe", "site/#", "SUB"],
  ] as const)("%j (%s) -> class %j %s", (glob, permission, short, operation) => {
    const result = translateTopicPattern(glob, permission);
    expect(result).toMatchObject({ kind: "class", topicShortName: short, permission: operation });
  });

  it("notes a trailing * read as #", () => {
    const result = translateTopicPattern(`cmd/${S}/*`, "subscribe");
    expect(result.kind === "class" && result.notes.map((n) => n.code)).toEqual(["IamWildcardAsHash"]);
  });

  it("rewrites levels Alibaba does not accept and drops a leading slash", () => {
    const result = translateTopicPattern(`/sensors/${S}/temp-c.v1`, "publish");
    expect(result).toMatchObject({ kind: "class", topicShortName: "sensors/temp_c_v1" });
    expect(result.kind === "class" && result.notes.map((n) => n.code)).toEqual(["LevelRewritten", "LevelRewritten"]);
    expect(translateTopicPattern(`a/${LITERAL_STAR}`, "publish")).toMatchObject({ kind: "class", topicShortName: "a/_" });
  });

  it.each([
    ["site/*", "publish", "WildcardPublish"],
    [`dt/*/telemetry`, "subscribe", "WildcardNoEquivalent"],
    [`dt/${S}?`, "publish", "VariableInsideLevel"],
    [`dev-${S}/x`, "publish", "VariableInsideLevel"],
    [`cmd/?`, "subscribe", "WildcardNoEquivalent"],
    [`a//b`, "publish", "EmptyLevel"],
    [`a/+/b`, "publish", "MqttWildcardInTopicName"],
    [`a/#/b`, "subscribe", "WildcardNoEquivalent"],
    [`a/b+`, "subscribe", "WildcardNoEquivalent"],
    [`${S}`, "publish", "NoLevelsLeft"],
    ["*", "publish", "AnyTopicPublish"],
    [`$aws/things/${S}/shadow/name/cfg/update`, "publish", "NamedShadowNoEquivalent"],
    [`$aws/things/other/shadow/update`, "publish", "OtherDeviceShadow"],
    [`$aws/things/*/jobs/*`, "subscribe", "JobsNoTopicEquivalent"],
    [`$aws/certificates/create/*`, "publish", "FleetProvisioningNoTopicEquivalent"],
    [`$aws/provisioning-templates/t/provision/*`, "publish", "FleetProvisioningNoTopicEquivalent"],
    [`$aws/rules/ingest/x`, "publish", "BasicIngestNoEquivalent"],
    [`$aws/events/presence/connected/+`, "subscribe", "LifecycleEventsDiffer"],
    [`$aws/sitewise/x`, "publish", "ReservedTopicNoEquivalent"],
    [`$SYS/x`, "subscribe", "ReservedTopicNoEquivalent"],
  ] as const)("%j (%s) has no equivalent: %s", (glob, permission, code) => {
    expect(translateTopicPattern(glob, permission)).toMatchObject({ kind: "none", code });
  });

  it("maps the device's own classic shadow to the predefined shadow topics", () => {
    const result = translateTopicPattern(`$aws/things/${S}/shadow/*`, "publish");
    expect(result).toMatchObject({ kind: "predefined", topics: ["/shadow/update/${productKey}/${deviceName}", "/shadow/get/${productKey}/${deviceName}"] });
    expect(result.kind === "predefined" && result.notes[0]?.message).toContain("Named shadows");
  });

  it("subscribing to every topic becomes # in the device's namespace, with a warning", () => {
    const result = translateTopicPattern("*", "subscribe");
    expect(result).toMatchObject({ kind: "class", topicShortName: "#", permission: "SUB" });
    expect(result.kind === "class" && result.notes[0]?.code).toBe("AnyTopicNarrowed");
  });

  it("drops Receive but keeps its levels for the traffic search", () => {
    const result = translateTopicPattern(`cmd/${S}/*`, "receive");
    expect(result).toMatchObject({ kind: "dropped", tokens: [{ t: "lit", v: "cmd" }, { t: "self" }, { t: "rest" }] });
  });
});

describe("tokenizeTopicGlob", () => {
  it("reads + and # as wildcards only in subscriptions", () => {
    expect(tokenizeTopicGlob("a/+/#", "subscribe")).toEqual({ ok: true, tokens: [{ t: "lit", v: "a" }, { t: "one" }, { t: "rest" }] });
    expect(tokenizeTopicGlob("a/+", "publish")).toMatchObject({ ok: false, code: "MqttWildcardInTopicName" });
    expect(tokenizeTopicGlob("a/x*y/b", "receive")).toEqual({ ok: true, tokens: [{ t: "lit", v: "a" }, { t: "glob", v: "x*y" }, { t: "lit", v: "b" }] });
  });
});
