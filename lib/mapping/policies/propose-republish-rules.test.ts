import { describe, expect, it } from "vitest";
import { proposeRepublishRules, type FlowRecord } from "@/lib/mapping/policies/propose-republish-rules";

const record = (over: Partial<FlowRecord> = {}): FlowRecord => ({
  flow: { fromProductRef: "Sensor", fromPolicyName: "S", fromResource: "arn:aws:iot:r:1:topic/dt/${iot:Connection.Thing.ThingName}", toProductRef: "Gateway", toPolicyName: "G", toResource: "arn:aws:iot:r:1:topicfilter/dt/+" },
  sourceShort: "dt",
  sourceDeviceName: null,
  targetProductRef: "Gateway",
  targetShort: "dt/${source}",
  targetDeviceName: null,
  receiverDeviceNames: ["gw1", "gw2"],
  usesSource: true,
  ...over,
});

describe("proposeRepublishRules", () => {
  it("lists a small receiving side device by device", () => {
    const { rules, warnings, extraClasses } = proposeRepublishRules([record()]);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.actions.map((a) => a.targetTopic)).toEqual(["/${productKey}/gw1/user/dt/${source}", "/${productKey}/gw2/user/dt/${source}"]);
    expect(rules[0]).toMatchObject({ status: "proposed", choices: [], select: "*, deviceName() as source", confidence: "unconfirmed", dataType: "JSON", where: "" });
    expect(warnings).toEqual([]);
    expect(extraClasses).toEqual([]);
  });

  it("asks for a decision when the receiving side is larger than ten devices", () => {
    const receivers = Array.from({ length: 11 }, (_, i) => `gw${i}`);
    const { rules, warnings } = proposeRepublishRules([record({ receiverDeviceNames: receivers })]);
    expect(rules[0]).toMatchObject({ status: "needs-decision", actions: [expect.objectContaining({ targetDeviceName: null, targetTopic: "/${productKey}/${deviceName}/user/dt/${source}" })] });
    expect(rules[0]!.choices.join(" ")).toContain("CreateTopicRouteTable");
    expect(warnings.map((w) => [w.code, w.productRef])).toEqual([["RepublishFanOut", "Sensor"]]);
  });

  it("sends a message for one named device to that device only, as a documented static target", () => {
    const { rules } = proposeRepublishRules([record({ targetDeviceName: "lamp_01", targetShort: "cmd/req", usesSource: false })]);
    expect(rules[0]).toMatchObject({ select: "*", confidence: "documented", actions: [expect.objectContaining({ targetDeviceName: "lamp_01", configuration: { topic: "/${productKey}/lamp_01/user/cmd/req", topicType: 1 } })] });
  });

  it("reads only the named publisher when the receiver names one", () => {
    const { rules } = proposeRepublishRules([record({ sourceDeviceName: "sensor-7", usesSource: false, targetShort: "dt/sensor_7" })]);
    expect(rules[0]!.shortTopic).toBe("sensor-7/user/dt");
  });

  it("merges flows into one rule per source topic and drops duplicate actions", () => {
    const { rules } = proposeRepublishRules([record(), record({ flow: { ...record().flow, toPolicyName: "G2" } }), record({ sourceShort: "other", targetShort: "other" })]);
    expect(rules.map((r) => [r.shortTopic, r.actions.length, r.flows.length])).toEqual([
      ["+/user/dt", 2, 2],
      ["+/user/other", 2, 1],
    ]);
  });

  it("moves a target that would trigger its own rule to /in and asks for the class", () => {
    const { rules, extraClasses } = proposeRepublishRules([record({ targetProductRef: "Sensor", sourceShort: "fleet/alerts", targetShort: "fleet/alerts", usesSource: false })]);
    expect(rules[0]!.actions.map((a) => a.targetTopicShortName)).toEqual(["fleet/alerts/in", "fleet/alerts/in"]);
    expect(extraClasses).toEqual([{ productRef: "Sensor", topicShortName: "fleet/alerts/in", source: expect.objectContaining({ permission: "SUB", origin: "republish-target" }) }]);
  });

  it("gives short, valid, stable and distinct names", () => {
    const long = "a".repeat(60);
    const one = proposeRepublishRules([record({ sourceShort: `${long}/x` }), record({ sourceShort: `${long}/y` })]);
    const again = proposeRepublishRules([record({ sourceShort: `${long}/y` }), record({ sourceShort: `${long}/x` })]);
    const names = one.rules.map((r) => r.name);
    expect(names).toEqual(again.rules.map((r) => r.name));
    expect(new Set(names).size).toBe(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(30);
      expect(name).toMatch(/^[A-Za-z0-9_-]{1,30}$/);
    }
  });

  it("gives nothing for no flows", () => {
    expect(proposeRepublishRules([])).toEqual({ rules: [], extraClasses: [], warnings: [] });
  });
});
