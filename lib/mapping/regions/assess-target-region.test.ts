import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { assessTargetRegion } from "@/lib/mapping/regions/assess-target-region";
import { resolveServiceNeeds } from "@/lib/mapping/regions/resolve-service-needs";

const catalogue = readCurrentCatalogueSeed();

describe("assessTargetRegion", () => {
  it("lists the missing and unverified services with a reason each, in the order of the services", () => {
    const needs = resolveServiceNeeds("ap-east-1", [{ kind: "AWS::IoT::Thing" }, { kind: "AWS::S3::Bucket" }, { kind: "AWS::Kinesis::Stream" }], catalogue);
    const { candidate, requiredRulesBroken } = assessTargetRegion("ap-east-1", "cn-hongkong", needs, []);
    expect(requiredRulesBroken).toEqual([]);
    expect(candidate.country).toBe("HK");
    expect(candidate.offersAll).toBe(false);
    expect(candidate.missing.map((s) => s.kind)).toEqual(["AWS::IoT::Thing"]);
    expect(candidate.unverified.map((s) => [s.kind, s.availability])).toEqual([
      ["AWS::Kinesis::Stream", "incomplete"],
      ["AWS::S3::Bucket", "unknown"],
    ]);
    expect(candidate.reasons.map((r) => r.code)).toEqual(["service-not-offered", "availability-incomplete", "availability-unknown", "geography-default"]);
    expect(candidate.geographyPosition).toBe(1);
    expect(candidate.confidence).toBe("low");
  });

  it("separates required rules broken from preferences not met", () => {
    const needs = resolveServiceNeeds("eu-west-3", [{ kind: "AWS::DynamoDB::Table" }], catalogue);
    const { candidate, requiredRulesBroken } = assessTargetRegion("eu-west-3", "eu-west-1", needs, [
      { id: "B", appliesTo: { sourceRegions: ["eu-west-3"] }, keepWithin: ["EU"], strength: "required" },
      { id: "A", appliesTo: { sourceAreas: ["FR"] }, keepWithin: ["FR"], strength: "preferred" },
      { id: "C", appliesTo: { sourceAreas: ["EU"] }, keepWithin: ["GB", "EEA"], strength: "required" },
    ]);
    expect(requiredRulesBroken).toEqual(["B"]);
    expect(candidate.residencyPreferencesNotMet).toEqual(["A"]);
    expect(candidate.reasons.filter((r) => r.code.startsWith("residency")).map((r) => [r.code, r.params.rule])).toEqual([
      ["residency-preference-not-met", "A"],
      ["residency-kept", "C"],
    ]);
    expect(candidate.confidence).toBe("high");
    expect(candidate.reasons[0]).toEqual({ code: "all-services-offered", params: { region: "eu-west-1", count: 1 } });
  });
});
