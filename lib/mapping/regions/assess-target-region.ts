/**
 * Assesses one Alibaba region as the target of one source AWS region: which needed services it
 * offers, which it is known not to offer, which are unverified there; where it sits in the source's
 * default geography; whether it crosses into the other account world; which residency rules it keeps.
 * The confidence says how sure the region is to offer everything: `high` when every service is
 * offered, `medium` when some are only absent from lists cut short, `low` when some are unknown or
 * a need could not be checked.
 */
import type { Confidence } from "@/lib/catalogue/catalogue-types";
import { checkResidencyRules } from "@/lib/mapping/regions/check-residency-rules";
import { readTargetAvailability } from "@/lib/mapping/regions/read-target-availability";
import {
  readAlibabaRegionPlace,
  readAwsRegionGeography,
  readAlibabaRegionWorld,
  readAwsRegionWorld,
} from "@/lib/mapping/regions/region-geography";
import type { RegionCandidate, RegionReason, ResidencyRule, ServiceAtRegion } from "@/lib/mapping/regions/region-types";
import { serviceKey, type ResolvedServiceNeeds } from "@/lib/mapping/regions/resolve-service-needs";

export interface TargetRegionAssessment {
  candidate: RegionCandidate;
  /** Ids of required residency rules this region breaks (the chooser never proposes it). */
  requiredRulesBroken: string[];
}

export function assessTargetRegion(
  sourceRegion: string,
  region: string,
  needs: ResolvedServiceNeeds,
  rules: readonly ResidencyRule[],
): TargetRegionAssessment {
  const world = readAlibabaRegionWorld(region);
  const sourceWorld = readAwsRegionWorld(sourceRegion);
  const reasons: RegionReason[] = [];

  const services: ServiceAtRegion[] = needs.services.map((service) => {
    const target = needs.targets.get(serviceKey(service.kind, service.target));
    return { ...service, availability: target ? readTargetAvailability(target, region) : "unknown" };
  });
  const missing = services.filter((s) => s.availability === "not-offered");
  const unverified = services.filter((s) => s.availability === "unknown" || s.availability === "incomplete");
  if (missing.length === 0 && unverified.length === 0) {
    reasons.push({ code: "all-services-offered", params: { region, count: services.length } });
  }
  for (const service of [...missing, ...unverified]) {
    const code = service.availability === "not-offered" ? "service-not-offered" : `availability-${service.availability}`;
    reasons.push({ code, params: { kind: service.kind, target: service.target, region, world } });
  }
  for (const need of needs.unchecked) {
    reasons.push({ code: "service-not-checked", params: { kind: need.kind, target: need.target } });
  }

  const geography = readAwsRegionGeography(sourceRegion);
  const index = geography?.defaults.indexOf(region) ?? -1;
  const geographyPosition = index === -1 ? null : index + 1;
  reasons.push(
    geographyPosition === null
      ? { code: "geography-away", params: { sourceRegion, region } }
      : { code: "geography-default", params: { sourceRegion, region, position: geographyPosition, basis: geography?.basis ?? null } },
  );
  if (world !== sourceWorld) {
    reasons.push({ code: "crosses-world", params: { sourceRegion, sourceWorld, region, targetWorld: world } });
  }

  const residency = checkResidencyRules(sourceRegion, region, rules);
  const residencyPreferencesNotMet: string[] = [];
  const requiredRulesBroken: string[] = [];
  for (const { rule, kept } of residency) {
    const params = { rule: rule.id, region, keepWithin: [...rule.keepWithin] };
    if (kept) reasons.push({ code: "residency-kept", params });
    else if (rule.strength === "preferred") {
      residencyPreferencesNotMet.push(rule.id);
      reasons.push({ code: "residency-preference-not-met", params });
    } else requiredRulesBroken.push(rule.id);
  }

  let confidence: Confidence = "high";
  if (unverified.some((s) => s.availability === "incomplete")) confidence = "medium";
  if (unverified.some((s) => s.availability === "unknown") || needs.unchecked.length > 0) confidence = "low";

  return {
    candidate: {
      region,
      world,
      country: readAlibabaRegionPlace(region)?.country ?? "unknown",
      offersAll: missing.length === 0,
      missing,
      unverified,
      geographyPosition,
      residencyPreferencesNotMet,
      confidence,
      reasons,
    },
    requiredRulesBroken,
  };
}
