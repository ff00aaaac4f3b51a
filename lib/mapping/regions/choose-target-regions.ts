/**
 * Proposes, for each source AWS region, the Alibaba Cloud region that offers every service the
 * estate needs there, with ranked alternatives and the reasons for each (codes and parameters).
 *
 * Candidates are the open Alibaba regions of the allowed world(s) that no required residency rule
 * excludes. They rank by: fewest services known to be missing; fewest residency preferences not met;
 * the source's default geography (nearest first; others after, the source's own world first);
 * confidence (an `unknown` or `incomplete` offer is never taken as offered: it lowers the
 * confidence and carries its own reason); fewest unverified services; region id. The proposal is the
 * best candidate missing nothing; when every candidate misses something there is no proposal and
 * the alternatives show the nearest misses. Malformed items become issues and the rest goes on.
 * The result does not depend on the order of the input.
 */
import type { Confidence } from "@/lib/catalogue/catalogue-types";
import { assessTargetRegion } from "@/lib/mapping/regions/assess-target-region";
import { readRegionConstraints } from "@/lib/mapping/regions/read-region-constraints";
import {
  ALIBABA_REGION_PLACES,
  readAlibabaRegionPlace,
  readAwsRegionGeography,
  readAlibabaRegionWorld,
  readAwsRegionWorld,
} from "@/lib/mapping/regions/region-geography";
import type {
  ChooseTargetRegionsInput,
  ChooseTargetRegionsResult,
  RegionCandidate,
  RegionInputIssue,
  RegionReason,
  SourceRegionChoice,
} from "@/lib/mapping/regions/region-types";
import { hasCatalogueEntries, resolveServiceNeeds } from "@/lib/mapping/regions/resolve-service-needs";

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const DEFAULT_ALTERNATIVES = 5;

export function chooseTargetRegions(input: ChooseTargetRegionsInput): ChooseTargetRegionsResult {
  const issues: RegionInputIssue[] = [];
  if (input === null || typeof input !== "object") {
    return { choices: [], issues: [{ code: "invalid-input", sourceRegion: null, params: { field: "input" } }] };
  }
  const { constraints, issues: constraintIssues } = readRegionConstraints((input as { constraints?: unknown }).constraints);
  issues.push(...constraintIssues);
  const needsList: unknown = (input as { needs?: unknown }).needs;
  if (!Array.isArray(needsList)) issues.push({ code: "invalid-input", sourceRegion: null, params: { field: "needs" } });
  if (!hasCatalogueEntries(input.catalogue)) issues.push({ code: "invalid-input", sourceRegion: null, params: { field: "catalogue" } });
  if (constraints === null || !Array.isArray(needsList) || !hasCatalogueEntries(input.catalogue)) return { choices: [], issues };

  const maxAlternatives =
    typeof input.maxAlternatives === "number" && Number.isInteger(input.maxAlternatives) && input.maxAlternatives >= 0
      ? input.maxAlternatives
      : DEFAULT_ALTERNATIVES;
  const rules = constraints.residency ?? [];
  const regions = Object.keys(ALIBABA_REGION_PLACES)
    .filter((region) => !readAlibabaRegionPlace(region)?.closed)
    .filter((region) => constraints.world === "either" || readAlibabaRegionWorld(region) === constraints.world)
    .sort();

  const items = needsList.map((item: unknown, index) => ({ item, index, sourceRegion: readSourceRegion(item) }));
  items.sort((a, b) => compareText(a.sourceRegion ?? "", b.sourceRegion ?? "") || a.index - b.index);
  const seen = new Set<string>();
  const choices: SourceRegionChoice[] = [];

  for (const { item, index, sourceRegion } of items) {
    if (sourceRegion === null) {
      issues.push({ code: "invalid-input", sourceRegion: null, params: { field: `needs[${index}]` } });
      continue;
    }
    if (!readAwsRegionGeography(sourceRegion)) {
      issues.push({ code: "unknown-source-region", sourceRegion, params: { sourceRegion } });
      continue;
    }
    if (seen.has(sourceRegion)) {
      issues.push({ code: "duplicate-source-region", sourceRegion, params: { sourceRegion } });
      continue;
    }
    seen.add(sourceRegion);
    const resolved = resolveServiceNeeds(sourceRegion, (item as { services?: unknown }).services, input.catalogue);
    issues.push(...resolved.issues);
    if (resolved.services.length === 0 && resolved.unchecked.length === 0) {
      if (resolved.issues.length === 0) issues.push({ code: "no-needs", sourceRegion, params: { sourceRegion } });
      continue;
    }

    const sourceWorld = readAwsRegionWorld(sourceRegion);
    const reasons: RegionReason[] = [];
    const excludedBy = new Map<string, string[]>();
    const candidates: RegionCandidate[] = [];
    for (const region of regions) {
      const { candidate, requiredRulesBroken } = assessTargetRegion(sourceRegion, region, resolved, rules);
      if (requiredRulesBroken.length === 0) candidates.push(candidate);
      for (const rule of requiredRulesBroken) excludedBy.set(rule, [...(excludedBy.get(rule) ?? []), region]);
    }
    for (const [rule, excluded] of [...excludedBy].sort(([a], [b]) => compareText(a, b))) {
      reasons.push({ code: "residency-excluded", params: { rule, regions: excluded, count: excluded.length } });
    }
    candidates.sort((a, b) => compareCandidates(a, b, sourceWorld));

    const best = candidates[0];
    const proposal = best?.offersAll ? best : null;
    if (!best) reasons.push({ code: "no-eligible-region", params: { sourceRegion, world: constraints.world } });
    else if (!proposal) reasons.push({ code: "no-region-offers-all", params: { sourceRegion, world: constraints.world } });
    const rest = proposal ? candidates.slice(1) : candidates;
    choices.push({
      sourceRegion,
      sourceWorld,
      services: resolved.services,
      proposal,
      alternatives: rest.slice(0, maxAlternatives),
      reasons,
    });
  }
  return { choices, issues };
}

function compareCandidates(a: RegionCandidate, b: RegionCandidate, sourceWorld: string): number {
  return (
    a.missing.length - b.missing.length ||
    a.residencyPreferencesNotMet.length - b.residencyPreferencesNotMet.length ||
    (a.geographyPosition ?? Number.MAX_SAFE_INTEGER) - (b.geographyPosition ?? Number.MAX_SAFE_INTEGER) ||
    Number(a.world !== sourceWorld) - Number(b.world !== sourceWorld) ||
    CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
    a.unverified.length - b.unverified.length ||
    compareText(a.region, b.region)
  );
}

function readSourceRegion(item: unknown): string | null {
  if (item === null || typeof item !== "object") return null;
  const value = (item as { sourceRegion?: unknown }).sourceRegion;
  return typeof value === "string" && value.length > 0 ? value : null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
