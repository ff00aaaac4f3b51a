import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { chooseCatalogueTarget } from "@/lib/mapping/map-scan/choose-catalogue-target";
import { mapIotPolicies } from "@/lib/mapping/map-scan/map-iot-policies";
import type { ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

const catalogue = readCurrentCatalogueSeed();
const choice = chooseCatalogueTarget("AWS::IoT::Policy", catalogue.entries.find((e) => e.kind === "AWS::IoT::Policy"), { chosen: "Product topic classes", targetRegion: "cn-shanghai" });
const a = (r: string) => `arn:aws:iot:us-east-1:1:${r}`;
const res = (kind: string, name: string, path: string, raw: unknown): ScanResource => ({ kind, arn: a(path), name, region: "us-east-1", tags: {}, raw });
const doc = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("mapIotPolicies", () => {
  const things = [res("AWS::IoT::Thing", "m1", "thing/m1", { thing: { thingName: "m1", thingTypeName: "meter" } })];
  const policies = [
    res("AWS::IoT::Policy", "meter-pub", "policy/meter-pub", {
      policy: { policyName: "meter-pub", policyDocument: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: a("topic/meters/${iot:Connection.Thing.ThingName}/reading") }]) },
      versions: [],
    }),
    res("AWS::IoT::Policy", "not-json", "policy/not-json", { policy: { policyName: "not-json", policyDocument: "{oops" }, versions: [] }),
    res("AWS::IoT::Policy", "unused", "policy/unused", { policy: { policyName: "unused", policyDocument: doc([{ Effect: "Allow", Action: "iot:Connect", Resource: "*" }]) }, versions: "bad" }),
  ];
  const relations = [{ fromArn: a("policy/meter-pub"), toArn: a("thinggroup/g"), type: "attached-to" }, { fromArn: a("thing/m1"), toArn: a("thinggroup/g"), type: "member-of" }];
  const result = mapIotPolicies({ policies, things, productOfThing: new Map([[a("thing/m1"), "meter"]]), deviceNameOf: new Map([["m1", "m1_0"]]), relations, choice });
  const byName = new Map(result.proposals.map((p) => [p.name, p]));

  it("gives each readable policy the products it reaches and the topic classes to those products", () => {
    expect(byName.get("meter-pub")).toMatchObject({ status: "mapped", properties: { products: ["meter"], republishRules: [] }, targetResources: {} });
    const meter = result.products.find((p) => p.productRef === "meter");
    expect(meter?.topicClasses.map((t) => t.operation)).toEqual(["PUB"]);
  });

  it("blocks a policy whose document is not JSON and one whose record is damaged, and maps the rest", () => {
    expect(byName.get("not-json")?.status).toBe("blocked");
    expect(byName.get("not-json")?.reasons[0]?.code).toBe("policy.MalformedPolicy");
    expect(byName.get("unused")?.status).toBe("blocked");
    expect(result.proposals).toHaveLength(3);
  });
});
