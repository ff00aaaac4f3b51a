import { describe, expect, it } from "vitest";
import { translateRuleTopic } from "@/lib/mapping/rule-sql/translate-rule-topic";

const POS = { offset: 14, line: 1, column: 15 };
const codes = (r: { warnings: Array<{ code: string }> }) => r.warnings.map((w) => w.code);

describe("translateRuleTopic: custom topics", () => {
  it("puts the + device level first and the other levels after /user/", () => {
    const r = translateRuleTopic("dt/+/telemetry", POS);
    expect(r.topic).toEqual({ topicType: 1, shortTopic: "+/user/dt/telemetry", topic: "/${productKey}/+/user/dt/telemetry" });
    expect(r.payload).toBe("custom");
    expect(codes(r)).toEqual(["topicRestructured"]);
    expect(r.warnings[0]?.position).toEqual(POS);
    expect(r.blocks).toEqual([]);
  });

  it("maps topic(n) levels: the device, fixed levels as constants, wildcards to their new positions", () => {
    const r = translateRuleTopic("site/berlin/+/telemetry", POS);
    expect(r.topic?.shortTopic).toBe("+/user/site/berlin/telemetry");
    expect(r.level(3)).toEqual({ kind: "device" });
    expect(r.level(1)).toEqual({ kind: "constant", value: "site" });
    expect(r.level(2)).toEqual({ kind: "constant", value: "berlin" });
    expect(r.level(5)).toEqual({ kind: "missing" });
  });

  it("keeps a trailing # and maps levels inside it", () => {
    const r = translateRuleTopic("fleet/+/events/#", POS);
    expect(r.topic?.shortTopic).toBe("+/user/fleet/events/#");
    // /${pk}/${dn}/user/fleet/events/<#...>: AWS level 4 (first under #) is Alibaba level 6
    expect(r.level(4)).toEqual({ kind: "position", n: 6 });
    expect(r.level(6)).toEqual({ kind: "position", n: 8 });
  });

  it("flags a + that is not the device level and maps it to its position", () => {
    const r = translateRuleTopic("a/+/b/+", POS);
    expect(r.topic?.shortTopic).toBe("+/user/a/b/+");
    expect(codes(r)).toContain("wildcardOutsideDeviceLevel");
    expect(r.level(4)).toEqual({ kind: "position", n: 6 });
  });

  it("uses a chosen device level", () => {
    const r = translateRuleTopic("+/site/+/data", POS, { deviceLevel: 3 });
    expect(r.topic?.shortTopic).toBe("+/user/+/site/data");
    expect(r.level(3)).toEqual({ kind: "device" });
    expect(r.level(1)).toEqual({ kind: "position", n: 4 });
    const wrong = translateRuleTopic("a/+/b", POS, { deviceLevel: 1 });
    expect(codes(wrong)).toContain("noDeviceLevel");
    expect(wrong.level(2)).toEqual({ kind: "device" });
  });

  it("listens to every device when the filter names none", () => {
    const r = translateRuleTopic("telemetry/#", POS);
    expect(r.topic?.shortTopic).toBe("+/user/telemetry/#");
    expect(codes(r)).toEqual(["topicRestructured", "noDeviceLevel"]);
    expect(r.level(1)).toEqual({ kind: "constant", value: "telemetry" });
    expect(r.level(2)).toEqual({ kind: "position", n: 5 });
    expect(translateRuleTopic("#", POS).topic?.shortTopic).toBe("+/user/#");
  });

  it("rewrites level names to letters, digits and _ and drops empty levels", () => {
    const r = translateRuleTopic("/site/eu-west-1//+/tele.metry", POS);
    expect(r.topic?.shortTopic).toBe("+/user/site/eu_west_1/tele_metry");
    expect(codes(r).filter((c) => c === "topicLevelRewritten")).toHaveLength(4);
    // topic(3) is "eu-west-1" in AWS: the constant keeps the original value
    expect(r.level(3)).toEqual({ kind: "constant", value: "eu-west-1" });
  });

  it("cannot translate a topic that is only the device level", () => {
    const r = translateRuleTopic("+", POS);
    expect(r.topic).toBeNull();
    expect(r.blocks.map((b) => b.code)).toEqual(["unsupportedTopic"]);
  });
});

describe("translateRuleTopic: reserved topics", () => {
  it("reads classic shadow updates from the thing model's property post", () => {
    for (const filter of ["$aws/things/+/shadow/update/accepted", "$aws/things/+/shadow/update", "$aws/things/+/shadow/update/documents"]) {
      const r = translateRuleTopic(filter, POS);
      expect(r.topic).toEqual({ topicType: 0, shortTopic: "+/thing/event/property/post", topic: "/${productKey}/+/thing/event/property/post" });
      expect(r.payload).toBe("thingModel");
      expect(codes(r)).toEqual(["reservedTopicMapped"]);
      expect(r.level(3)).toEqual({ kind: "device" });
      expect(r.level(4)).toEqual({ kind: "constant", value: "shadow" });
    }
  });

  it("reads presence events from the device status topic (ShortTopic form unconfirmed)", () => {
    const r = translateRuleTopic("$aws/events/presence/connected/+", POS);
    expect(r.topic).toEqual({ topicType: 2, shortTopic: "+", topic: "/as/mqtt/status/${productKey}/+" });
    expect(r.payload).toBe("deviceStatus");
    expect(codes(r)).toEqual(["reservedTopicMapped", "unconfirmed"]);
    expect(r.level(5)).toEqual({ kind: "device" });
    expect(r.level(4)).toEqual({ kind: "constant", value: "connected" });
    expect(translateRuleTopic("$aws/events/presence/+/+", POS).level(4)).toEqual({ kind: "missing" });
  });

  it.each([
    ["$aws/rules/ingest_rule", "Basic Ingest"],
    ["$aws/things/+/shadow/name/+/update/accepted", "named shadows"],
    ["$aws/things/+/shadow/get/accepted", "has no Alibaba rule topic"],
    ["$aws/events/thing/+/updated", "has no Alibaba rule topic"],
    ["$aws/things/+/jobs/notify", "has no Alibaba rule topic"],
    ["$custom/x", "reserved"],
  ])("refuses %s", (filter, why) => {
    const r = translateRuleTopic(filter, POS);
    expect(r.topic).toBeNull();
    expect(r.blocks).toHaveLength(1);
    expect(r.blocks[0]).toMatchObject({ code: "unsupportedTopic", construct: `FROM '${filter}'`, position: POS });
    expect(r.blocks[0]?.message.toLowerCase()).toContain(why.toLowerCase());
  });
});
