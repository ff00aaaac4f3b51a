import "server-only";
import { z } from "zod";
import { db, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import type { RegionChangeReport } from "@/lib/mapping/regions/region-types";
import { readAlibabaRegionPlace } from "@/lib/mapping/regions/region-geography";
import { checkPlanRegionChange } from "@/lib/mapping/check-plan-region-change";
import { readPlanMappingChoices, type PlanMappingChoices } from "@/lib/mapping/read-plan-mapping-choices";

const IOT_THING = "AWS::IoT::Thing";
const kindName = z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
const regionId = z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/).max(40);

export const mappingChoicesInputSchema = z.object({
  iotTarget: z.string().trim().min(1).max(200).nullable(),
  kindTargets: z.record(kindName, z.string().trim().min(1).max(200)).refine((r) => Object.keys(r).length <= 200, "too many kinds"),
  targetRegionBySource: z.record(regionId, regionId).refine((r) => Object.keys(r).length <= 50, "too many regions"),
  reason: z.string().trim().min(1, "a reason is required").max(500),
  /** Save even when a change of region breaks something the estate needs (the architect saw the report). */
  acceptBreaks: z.boolean().default(false),
});

export type MappingChoicesInput = z.input<typeof mappingChoicesInputSchema>;

export interface MappingChoicesOutcome {
  choices: PlanMappingChoices;
  /** What each changed source region's new target breaks (empty when no region changed). */
  regionChanges: RegionChangeReport[];
  changed: { iotTarget: boolean; kinds: string[]; sourceRegions: string[] };
}

/**
 * An architect sets the plan's mapping choices: the target AWS IoT Core things become (a target of
 * the catalogue's AWS::IoT::Thing entry; null for IoT Platform, the default), the candidate chosen
 * per kind, and the Alibaba region each of the plan's source regions moves to. Every name is
 * checked against the organisation's catalogue and every region against the known open Alibaba
 * regions. A change of region is checked for what it breaks (services the new region does not
 * offer, a required residency rule left): such a change is refused unless `acceptBreaks`. The
 * next mapping run follows the choices.
 */
export async function setMappingChoices(plan: ScopedPlan, raw: MappingChoicesInput): Promise<MappingChoicesOutcome> {
  const checked = mappingChoicesInputSchema.safeParse(raw);
  if (!checked.success) throw new AppError("VALIDATION_FAILED", "requestInvalid");
  const input = checked.data;
  const { catalogue } = await readOrganizationCatalogue(plan.organizationId);
  const entries = new Map(catalogue.entries.map((e) => [e.kind, e]));

  if (input.iotTarget !== null && !entries.get(IOT_THING)?.targets.some((t) => t.name === input.iotTarget)) {
    throw new AppError("VALIDATION_FAILED", "mappingTargetUnknown", { kind: IOT_THING, target: input.iotTarget });
  }
  for (const [kind, target] of Object.entries(input.kindTargets)) {
    const entry = entries.get(kind);
    if (!entry || kind === IOT_THING) throw new AppError("VALIDATION_FAILED", "mappingKindUnknown", { kind });
    if (!entry.targets.some((t) => t.name === target)) throw new AppError("VALIDATION_FAILED", "mappingTargetUnknown", { kind, target });
  }
  for (const [source, region] of Object.entries(input.targetRegionBySource)) {
    if (!plan.sourceRegions.includes(source)) throw new AppError("VALIDATION_FAILED", "mappingSourceRegionUnknown", { region: source });
    const place = readAlibabaRegionPlace(region);
    if (!place || place.closed) throw new AppError("VALIDATION_FAILED", "mappingTargetRegionUnknown", { region });
  }

  return transaction(async () => {
    const before = await readPlanMappingChoices(plan);
    const next: PlanMappingChoices = { iotTarget: input.iotTarget, kindTargets: input.kindTargets, targetRegionBySource: input.targetRegionBySource };
    const changedRegions = Object.keys(next.targetRegionBySource)
      .filter((source) => before.targetRegionBySource[source] !== next.targetRegionBySource[source])
      .sort();
    const regionChanges: RegionChangeReport[] = [];
    for (const source of changedRegions) {
      regionChanges.push(await checkPlanRegionChange(plan, catalogue, { ...before, iotTarget: next.iotTarget, kindTargets: next.kindTargets }, source, next.targetRegionBySource[source]!));
    }
    const breaking = regionChanges.filter((r) => r.findings.some((f) => f.severity === "break"));
    if (breaking.length > 0 && !input.acceptBreaks) {
      throw new AppError("CONFLICT", "mappingRegionChangeBreaks", { regions: breaking.map((r) => `${r.sourceRegion} → ${r.to}`).join(", ") });
    }
    await db().migrationPlan.update({
      where: { id: plan.id },
      data: { iotTarget: next.iotTarget, kindTargets: next.kindTargets, targetRegionBySource: next.targetRegionBySource },
    });
    const kinds = [...new Set([...Object.keys(before.kindTargets), ...Object.keys(next.kindTargets)])].filter((k) => before.kindTargets[k] !== next.kindTargets[k]).sort();
    const sourceRegions = [...new Set([...changedRegions, ...Object.keys(before.targetRegionBySource).filter((s) => !(s in next.targetRegionBySource))])].sort();
    return { choices: next, regionChanges, changed: { iotTarget: before.iotTarget !== next.iotTarget, kinds, sourceRegions } };
  });
}
