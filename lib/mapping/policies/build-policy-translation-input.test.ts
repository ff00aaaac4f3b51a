import { describe, expect, it } from "vitest";
import type { IotPolicyRaw } from "@/lib/inventory/raw/iot-policy";
import type { IotThingRaw } from "@/lib/inventory/raw/iot-thing";
import { buildPolicyTranslationInput, type StoredRow } from "@/lib/mapping/policies/build-policy-translation-input";
import { translateIotPolicies } from "@/lib/mapping/policies/translate-iot-policies";

const A = "arn:aws:iot:eu-west-1:123456789012";
const T = "${iot:Connection.Thing.ThingName}";
const doc = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "iot:Publish", Resource: `${A}:topic/dt/${T}` }] });
const policyRow = (name: string, raw: IotPolicyRaw | null): StoredRow<IotPolicyRaw> => ({ arn: `${A}:policy/${name}`, name, raw, problem: raw ? null : { code: "StoredShapeMismatch", issues: "raw.versions: expected array" } });
const thingRow = (name: string, type: string | null, raw = true): StoredRow<IotThingRaw> => ({
  arn: `${A}:thing/${name}`,
  name,
  raw: raw ? { thing: { thingName: name, thingTypeName: type, attributes: { site: "s1" } } } : null,
  problem: raw ? null : { code: "StoredShapeMismatch", issues: "raw.thing: required" },
});

describe("buildPolicyTranslationInput", () => {
  const built = buildPolicyTranslationInput({
    policies: [
      policyRow("Current", { policy: { policyName: "Current", policyDocument: doc }, versions: [] }),
      policyRow("FromVersion", { policy: { policyName: "FromVersion", defaultVersionId: "2" }, versions: [{ versionId: "1", policyDocument: "{}" }, { versionId: "2", policyDocument: doc }] }),
      policyRow("Unreadable", null),
    ],
    things: [thingRow("s1", "Sensor"), thingRow("u1", null), thingRow("bad", "Sensor", false)],
    relations: [
      { fromArn: `${A}:policy/Current`, toArn: `${A}:cert/c1`, type: "attached-to" },
      { fromArn: `${A}:cert/c1`, toArn: `${A}:thing/s1`, type: "attached-to" },
      { fromArn: `${A}:policy/FromVersion`, toArn: `${A}:thinggroup/g`, type: "attached-to" },
      { fromArn: `${A}:thing/u1`, toArn: `${A}:thinggroup/g`, type: "member-of" },
      { fromArn: `${A}:thing/s1`, toArn: `${A}:thingtype/Sensor`, type: "has-type" },
    ],
    productRefOf: (type) => type ?? "default",
    deviceNameOf: (name) => (name === "s1" ? "sensor_1" : undefined),
  });

  it("takes the default document, the thing's product and the policies that reach it", () => {
    expect(built.input.policies.map((p) => [p.name, p.document === doc])).toEqual([
      ["Current", true],
      ["FromVersion", true],
    ]);
    expect(built.input.things).toEqual([
      { thingName: "s1", deviceName: "sensor_1", productRef: "Sensor", thingTypeName: "Sensor", attributes: { site: "s1" }, policyNames: ["Current"] },
      { thingName: "u1", productRef: "default", thingTypeName: null, attributes: { site: "s1" }, policyNames: ["FromVersion"] },
    ]);
  });

  it("reports unreadable rows and leaves them out", () => {
    expect(built.errors).toEqual([expect.objectContaining({ policyName: "Unreadable", code: "MalformedPolicy" })]);
    expect(built.errors[0]!.message).toContain("raw.versions");
    expect(built.unreadableThings).toBe(1);
  });

  it("feeds the translation", () => {
    const result = translateIotPolicies(built.input);
    expect(result.products.map((p) => [p.productRef, p.topicClasses.map((c) => c.topicShortName)])).toEqual([
      ["Sensor", ["dt"]],
      ["default", ["dt"]],
    ]);
  });
});
