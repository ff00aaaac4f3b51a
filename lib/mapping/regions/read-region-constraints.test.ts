import { describe, expect, it } from "vitest";
import { readRegionConstraints } from "@/lib/mapping/regions/read-region-constraints";

const rule = { id: "GDPR-01", appliesTo: { sourceAreas: ["EU"] }, keepWithin: ["EEA"], strength: "required" };

describe("readRegionConstraints", () => {
  it("accepts each world, with or without residency rules", () => {
    for (const world of ["mainland-china", "international", "either"]) {
      expect(readRegionConstraints({ world })).toEqual({ constraints: { world, residency: [] }, issues: [] });
    }
    expect(readRegionConstraints({ world: "either", residency: [rule] }).constraints?.residency).toEqual([rule]);
  });

  it("names every bad field and returns no constraints", () => {
    const result = readRegionConstraints({
      world: "both",
      residency: [
        rule,
        { ...rule, strength: "maybe" },
        { ...rule, keepWithin: [] },
        { ...rule, appliesTo: {} },
        { ...rule, appliesTo: { sourceRegions: "eu-central-1" } },
        { ...rule, id: "" },
        "GDPR-01",
      ],
    });
    expect(result.constraints).toBeNull();
    expect(result.issues.map((i) => i.params.field)).toEqual([
      "constraints.world",
      "constraints.residency[1]",
      "constraints.residency[2]",
      "constraints.residency[3]",
      "constraints.residency[4]",
      "constraints.residency[5]",
      "constraints.residency[6]",
    ]);
  });

  it("refuses constraints that are not an object, or residency that is not a list", () => {
    expect(readRegionConstraints(undefined).issues).toEqual([{ code: "invalid-input", sourceRegion: null, params: { field: "constraints" } }]);
    expect(readRegionConstraints({ world: "either", residency: rule }).issues.map((i) => i.params.field)).toEqual(["constraints.residency"]);
  });
});
