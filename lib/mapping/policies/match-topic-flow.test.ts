import { describe, expect, it } from "vitest";
import { matchTopicFlow, type FlowSides } from "@/lib/mapping/policies/match-topic-flow";
import type { TopicToken } from "@/lib/mapping/policies/translate-topic-pattern";

const lit = (v: string): TopicToken => ({ t: "lit", v });
const self: TopicToken = { t: "self" };
const one: TopicToken = { t: "one" };
const rest: TopicToken = { t: "rest" };
const sides: FlowSides = {
  isPublisherThing: (n) => n === "sensor-01",
  isReceiverThing: (n) => n === "lamp-01",
  spell: (l) => l.replace(/[^A-Za-z0-9_]/g, "_"),
};

describe("matchTopicFlow", () => {
  it("delivers a device's own telemetry to a fleet-wide subscriber, naming the source", () => {
    expect(matchTopicFlow([lit("dt"), self, lit("telemetry")], [lit("dt"), one, lit("telemetry")], sides, "refuse")).toEqual({ sourceThing: null, targetThing: null, targetLevels: ["dt", "${source}", "telemetry"], usesSource: true });
    expect(matchTopicFlow([lit("dt"), self, lit("telemetry")], [lit("dt"), rest], sides, "refuse")).toEqual({ sourceThing: null, targetThing: null, targetLevels: ["dt", "${source}", "telemetry"], usesSource: true });
  });

  it("never matches one device's own level with another's", () => {
    expect(matchTopicFlow([lit("dt"), self], [lit("dt"), self], sides, "refuse")).toBeNull();
  });

  it("finds a command addressed to a named device", () => {
    expect(matchTopicFlow([lit("cmd"), lit("lamp-01"), lit("req")], [lit("cmd"), self, lit("req")], sides, "refuse")).toEqual({ sourceThing: null, targetThing: "lamp-01", targetLevels: ["cmd", "req"], usesSource: false });
    expect(matchTopicFlow([lit("cmd"), lit("lamp-99"), lit("req")], [lit("cmd"), self, lit("req")], sides, "refuse")).toBeNull();
  });

  it("finds a subscription to one named publisher", () => {
    expect(matchTopicFlow([lit("dt"), self], [lit("dt"), lit("sensor-01")], sides, "refuse")).toEqual({ sourceThing: "sensor-01", targetThing: null, targetLevels: ["dt", "sensor_01"], usesSource: false });
  });

  it("matches shared topics literally and by length", () => {
    expect(matchTopicFlow([lit("fleet"), lit("alerts")], [lit("fleet"), lit("alerts")], sides, "refuse")).toMatchObject({ targetLevels: ["fleet", "alerts"] });
    expect(matchTopicFlow([lit("fleet"), lit("alerts")], [lit("fleet")], sides, "refuse")).toBeNull();
    expect(matchTopicFlow([lit("fleet")], [lit("fleet"), lit("alerts")], sides, "refuse")).toBeNull();
    expect(matchTopicFlow([lit("fleet"), lit("alerts")], [lit("fleet"), lit("other")], sides, "refuse")).toBeNull();
  });

  it("reads glob levels only for Receive permissions", () => {
    const pub = [lit("site"), lit("a1"), lit("x")];
    const recv: TopicToken[] = [lit("site"), { t: "glob", v: "a*" }, lit("x")];
    expect(matchTopicFlow(pub, recv, sides, "refuse")).toBeNull();
    expect(matchTopicFlow(pub, recv, sides, "match")).toMatchObject({ targetLevels: ["site", "a1", "x"] });
    expect(matchTopicFlow([lit("site"), lit("b1"), lit("x")], recv, sides, "match")).toBeNull();
  });
});
