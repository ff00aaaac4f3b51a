import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { chooseCatalogueTarget } from "@/lib/mapping/map-scan/choose-catalogue-target";
import { indexScanRelations } from "@/lib/mapping/map-scan/index-scan-relations";
import { DEFAULT_PRODUCT_ORIGINAL, mapIotFleet, MAX_TAGS_PER_DEVICE, type FleetInput } from "@/lib/mapping/map-scan/map-iot-fleet";
import type { ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

const catalogue = readCurrentCatalogueSeed();
const entryOf = (kind: string) => catalogue.entries.find((e) => e.kind === kind);
const thingChoice = chooseCatalogueTarget("AWS::IoT::Thing", entryOf("AWS::IoT::Thing"), { chosen: "IoT Platform (Enterprise instance)", targetRegion: "cn-shanghai" });
const a = (r: string) => `arn:aws:iot:us-east-1:1:${r}`;
const res = (kind: string, name: string, path: string, raw: unknown): ScanResource => ({ kind, arn: a(path), name, region: "us-east-1", tags: {}, raw });

function run(things: ScanResource[], groups: ScanResource[], relations: ScanRelation[], thingTypes: ScanResource[] = [], previous: Record<string, never> = {}) {
  const all = [...things, ...groups, ...thingTypes];
  const input: FleetInput = {
    region: "us-east-1",
    things,
    thingTypes,
    groups,
    relations: indexScanRelations(relations),
    resourceByArn: new Map(all.map((r) => [r.arn, r])),
    catalogue,
    entryOf,
    thingChoice,
    targetRegion: "cn-shanghai",
    previousNameMap: (scope) => previous[scope],
  };
  return mapIotFleet(input);
}

describe("mapIotFleet", () => {
  it("reads a thing's type from its has-type relation when the record names none", () => {
    const type = res("AWS::IoT::ThingType", "pump", "thingtype/pump", { thingType: { thingTypeName: "pump" } });
    const t = res("AWS::IoT::Thing", "p1", "thing/p1", { thing: { thingName: "p1" } });
    const fleet = run([t], [], [{ fromArn: t.arn, toArn: type.arn, type: "has-type" }], [type]);
    expect(fleet.productOfThing.get(t.arn)).toBe("pump");
    expect(fleet.products.map((p) => p.original)).toEqual(["pump"]);
    expect(fleet.nameMaps["devices:us-east-1:pump"]?.active).toEqual([{ original: "p1", name: "p1_0", reasons: ["padded"] }]);
  });

  it("maps dynamic groups without a ROS type and with their query, and flags a parent cycle", () => {
    const g1 = res("AWS::IoT::ThingGroup", "ring-a", "thinggroup/ring-a", { group: {}, dynamic: false });
    const g2 = res("AWS::IoT::ThingGroup", "ring-b", "thinggroup/ring-b", { group: {}, dynamic: false });
    const dyn = res("AWS::IoT::ThingGroup", "hot-devices", "thinggroup/hot", { group: { queryString: "attributes.temp > 40" }, dynamic: true });
    const fleet = run([], [g1, g2, dyn], [
      { fromArn: g1.arn, toArn: g2.arn, type: "child-of" },
      { fromArn: g2.arn, toArn: g1.arn, type: "child-of" },
    ]);
    const byName = new Map(fleet.proposals.map((p) => [p.name, p]));
    expect(byName.get("hot-devices")).toMatchObject({ status: "mapped", rosType: null, properties: { dynamic: true, query: "attributes.temp > 40" } });
    expect(byName.get("hot-devices")?.reasons.map((r) => r.code)).toContain("dynamic-query");
    expect(byName.get("hot-devices")?.targetResources).toEqual({ "IoT Platform device group (static) or dynamic group": 1 });
    expect(byName.get("ring-a")?.status).toBe("decision");
    expect(byName.get("ring-a")?.reasons.map((r) => r.code)).toContain("group-cycle");
  });

  it("makes a thing with more than 100 attributes a decision", () => {
    const attributes = Object.fromEntries(Array.from({ length: MAX_TAGS_PER_DEVICE + 1 }, (_, i) => [`k${i}`, "v"]));
    const fleet = run([res("AWS::IoT::Thing", "many-tags", "thing/many", { thing: { thingName: "many-tags", attributes } })], [], []);
    expect(fleet.proposals[0]?.status).toBe("decision");
    expect(fleet.proposals[0]?.reasons[0]?.code).toBe("too-many-tags");
    expect(fleet.productOfThing.get(a("thing/many"))).toBe(DEFAULT_PRODUCT_ORIGINAL);
  });

  it("explains a fitted DeviceName and keeps the original in the nickname", () => {
    const name = `very-long-thing-name-${"x".repeat(40)}`;
    const fleet = run([res("AWS::IoT::Thing", name, "thing/long", { thing: { thingName: name } })], [], []);
    const device = fleet.proposals[0]?.properties.deviceName as { name: string; original: string };
    expect(device.original).toBe(name);
    expect(device.name.length).toBeLessThanOrEqual(32);
    expect(fleet.proposals[0]?.reasons[0]).toMatchObject({ code: "name-fitted.thing", message: expect.stringContaining("truncated") });
    expect(fleet.proposals[0]?.properties.nickname).toMatchObject({ original: name });
    expect(fleet.deviceNameOf.get(name)).toBe(device.name);
  });
});
