import { describe, expect, it } from "vitest";
import { readThingGroupRecord, readThingRecord } from "@/lib/mapping/map-scan/read-iot-records";

describe("readThingRecord", () => {
  it("reads the type, the string attributes (sorted) and the named shadows", () => {
    expect(
      readThingRecord({ thing: { thingName: "t", thingTypeName: "meter", attributes: { z: "1", a: "2", n: 3 } }, shadows: { classic: {}, named: { b: {}, a: {} } } }),
    ).toEqual({ thingTypeName: "meter", attributes: { a: "2", z: "1" }, namedShadows: ["a", "b"] });
  });

  it("reads a thing without type, attributes or shadows", () => {
    expect(readThingRecord({ thing: { thingName: "t", thingTypeName: "" } })).toEqual({ thingTypeName: null, attributes: {}, namedShadows: [] });
  });

  it("refuses what is not a thing record", () => {
    for (const raw of [null, "thing", [], { thing: null }, { thing: { thingName: 4 } }]) expect(readThingRecord(raw)).toBeNull();
  });
});

describe("readThingGroupRecord", () => {
  it("reads the parent, the dynamic flag and the query", () => {
    expect(readThingGroupRecord({ group: { thingGroupMetadata: { parentGroupName: "p" }, queryString: "attributes.site:berlin" }, dynamic: true })).toEqual({
      dynamic: true,
      parentGroupName: "p",
      queryString: "attributes.site:berlin",
    });
    expect(readThingGroupRecord({ group: {}, dynamic: "yes" })).toEqual({ dynamic: false, parentGroupName: null, queryString: null });
    expect(readThingGroupRecord({ dynamic: true })).toBeNull();
  });
});
