/**
 * Validates the plan's region constraints: the account world and the residency rules. A malformed
 * constraint cannot be skipped (ignoring a residency rule could move data where it must not go),
 * so any problem returns null constraints with one issue per bad field.
 */
import type { RegionConstraints, RegionInputIssue, ResidencyRule } from "@/lib/mapping/regions/region-types";

const WORLDS = new Set(["mainland-china", "international", "either"]);

export function readRegionConstraints(input: unknown): { constraints: RegionConstraints | null; issues: RegionInputIssue[] } {
  const issues: RegionInputIssue[] = [];
  const bad = (field: string) => issues.push({ code: "invalid-input", sourceRegion: null, params: { field } });
  if (input === null || typeof input !== "object") {
    bad("constraints");
    return { constraints: null, issues };
  }
  const { world, residency } = input as { world?: unknown; residency?: unknown };
  if (typeof world !== "string" || !WORLDS.has(world)) bad("constraints.world");
  const rules: ResidencyRule[] = [];
  if (residency !== undefined) {
    if (!Array.isArray(residency)) bad("constraints.residency");
    else
      residency.forEach((rule: unknown, i) => {
        if (isResidencyRule(rule)) rules.push(rule);
        else bad(`constraints.residency[${i}]`);
      });
  }
  if (issues.length > 0) return { constraints: null, issues };
  return { constraints: { world: world as RegionConstraints["world"], residency: rules }, issues };
}

function isResidencyRule(value: unknown): value is ResidencyRule {
  if (value === null || typeof value !== "object") return false;
  const rule = value as Record<string, unknown>;
  const appliesTo = rule.appliesTo as Record<string, unknown> | null | undefined;
  return (
    typeof rule.id === "string" &&
    rule.id.length > 0 &&
    (rule.strength === "required" || rule.strength === "preferred") &&
    isNonEmptyTextList(rule.keepWithin) &&
    appliesTo !== null &&
    typeof appliesTo === "object" &&
    (appliesTo.sourceRegions === undefined || isNonEmptyTextList(appliesTo.sourceRegions)) &&
    (appliesTo.sourceAreas === undefined || isNonEmptyTextList(appliesTo.sourceAreas)) &&
    (appliesTo.sourceRegions !== undefined || appliesTo.sourceAreas !== undefined)
  );
}

function isNonEmptyTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item.length > 0);
}
