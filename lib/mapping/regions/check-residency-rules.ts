/**
 * Checks the residency rules that cover a source region against one target region: for each rule
 * whose `appliesTo` names the source region or one of its areas, whether the target's areas meet
 * `keepWithin`. A target region whose place is not known keeps no rule. Sorted by rule id.
 */
import { listCountryAreas, readAlibabaRegionPlace, readAwsRegionGeography } from "@/lib/mapping/regions/region-geography";
import type { ResidencyRule } from "@/lib/mapping/regions/region-types";

export interface ResidencyCheck {
  rule: ResidencyRule;
  kept: boolean;
}

export function checkResidencyRules(sourceRegion: string, targetRegion: string, rules: readonly ResidencyRule[]): ResidencyCheck[] {
  const source = readAwsRegionGeography(sourceRegion);
  const sourceAreas = source ? listCountryAreas(source.country) : [];
  const target = readAlibabaRegionPlace(targetRegion);
  const targetAreas = target ? listCountryAreas(target.country) : [];
  return rules
    .filter(
      (rule) =>
        (rule.appliesTo.sourceRegions ?? []).includes(sourceRegion) ||
        (rule.appliesTo.sourceAreas ?? []).some((area) => sourceAreas.includes(area)),
    )
    .map((rule) => ({ rule, kept: rule.keepWithin.some((area) => targetAreas.includes(area)) }))
    .sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));
}
