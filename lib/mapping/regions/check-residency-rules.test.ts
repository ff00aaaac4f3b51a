import { describe, expect, it } from "vitest";
import { checkResidencyRules } from "@/lib/mapping/regions/check-residency-rules";
import type { ResidencyRule } from "@/lib/mapping/regions/region-types";

const euInEu: ResidencyRule = { id: "GDPR-01", appliesTo: { sourceAreas: ["EU"] }, keepWithin: ["EEA"], strength: "required" };
const chinaInChina: ResidencyRule = {
  id: "PIPL-09",
  appliesTo: { sourceRegions: ["cn-north-1", "cn-northwest-1"] },
  keepWithin: ["mainland-china"],
  strength: "required",
};

describe("checkResidencyRules", () => {
  it("applies an EU rule to Frankfurt and Ireland sources but not to London or Virginia", () => {
    expect(checkResidencyRules("eu-central-1", "eu-central-1", [euInEu])).toEqual([{ rule: euInEu, kept: true }]);
    expect(checkResidencyRules("eu-west-1", "eu-west-1", [euInEu])).toEqual([{ rule: euInEu, kept: false }]);
    expect(checkResidencyRules("eu-west-2", "eu-west-1", [euInEu])).toEqual([]);
    expect(checkResidencyRules("us-east-1", "cn-shanghai", [euInEu])).toEqual([]);
  });

  it("counts Hong Kong as outside mainland China", () => {
    expect(checkResidencyRules("cn-north-1", "cn-beijing", [chinaInChina])[0]?.kept).toBe(true);
    expect(checkResidencyRules("cn-north-1", "cn-hongkong", [chinaInChina])[0]?.kept).toBe(false);
  });

  it("keeps no rule in a region whose place is unknown, and sorts by rule id", () => {
    const both = checkResidencyRules("cn-north-1", "xx-nowhere-1", [chinaInChina, { ...euInEu, id: "A-1", appliesTo: { sourceAreas: ["CN"] } }]);
    expect(both.map((c) => [c.rule.id, c.kept])).toEqual([
      ["A-1", false],
      ["PIPL-09", false],
    ]);
  });
});
