import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { Confidence, Fit } from "@/lib/catalogue/catalogue-types";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { ALIBABA_REGION_PLACES, readAlibabaRegionWorld } from "@/lib/mapping/regions/region-geography";
import { chooseTargetRegions } from "@/lib/mapping/regions/choose-target-regions";
import type { AccountWorld } from "@/lib/mapping/regions/region-types";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";
import { readPlanMappingChoices, type PlanMappingChoices } from "@/lib/mapping/read-plan-mapping-choices";
import { readSourceRegionNeeds } from "@/lib/mapping/check-plan-region-change";

const IOT_THING = "AWS::IoT::Thing";

export interface ChoiceTarget {
  name: string;
  rank: number;
  rosType: string | null;
  fit: Fit;
  confidence: Confidence;
  confidenceNote: string | null;
  caveat: string | null;
  differs: string;
  gaps: Array<{ key: string; text: string }>;
}

export interface MappingChoiceOptions {
  choices: PlanMappingChoices;
  catalogueVersion: string;
  iot: { note: string | null; targets: ChoiceTarget[] };
  /** Kinds of the newest run whose catalogue entry offers more than one target. */
  kinds: Array<{ kind: string; note: string | null; targets: ChoiceTarget[] }>;
  sourceRegions: Array<{ sourceRegion: string; chosen: string | null; proposed: string | null }>;
  regions: Array<{ id: string; city: string; world: AccountWorld }>;
}

/** What the plan's choices form shows: the stored choices, the IoT targets with their uncertainty, the per-kind candidates and the regions. */
export async function readMappingChoiceOptions(plan: ScopedPlan): Promise<MappingChoiceOptions> {
  const [{ catalogue, version }, choices, run] = await Promise.all([readOrganizationCatalogue(plan.organizationId), readPlanMappingChoices(plan), readNewestMappingRun(plan)]);
  const view = (t: (typeof catalogue.entries)[number]["targets"][number]): ChoiceTarget => ({
    name: t.name,
    rank: t.rank,
    rosType: t.rosType,
    fit: t.fit,
    confidence: t.confidence,
    confidenceNote: t.confidenceNote ?? null,
    caveat: t.caveat ?? null,
    differs: t.differs,
    gaps: t.gaps.map((g) => ({ key: g.key, text: g.text })),
  });
  const thing = catalogue.entries.find((e) => e.kind === IOT_THING);
  const runKinds = run ? (await sqlQuery<{ kind: string }>(`SELECT DISTINCT kind FROM mapping_proposals WHERE run_id = $1 ORDER BY kind`, [run.id])).rows.map((r) => r.kind) : [];
  const kinds = catalogue.entries
    .filter((e) => e.kind !== IOT_THING && e.targets.length > 1 && (runKinds.includes(e.kind) || e.kind in choices.kindTargets))
    .map((e) => ({ kind: e.kind, note: e.note ?? null, targets: [...e.targets].sort((a, b) => a.rank - b.rank).map(view) }));
  const sourceRegions = [];
  for (const sourceRegion of plan.sourceRegions) {
    const services = await readSourceRegionNeeds(plan, catalogue, choices, sourceRegion);
    const proposed = chooseTargetRegions({ needs: [{ sourceRegion, services }], catalogue, constraints: { world: "either" } }).choices[0]?.proposal?.region ?? null;
    sourceRegions.push({ sourceRegion, chosen: choices.targetRegionBySource[sourceRegion] ?? null, proposed });
  }
  const regions = Object.entries(ALIBABA_REGION_PLACES)
    .filter(([, place]) => !place.closed)
    .map(([id, place]) => ({ id, city: place.city, world: readAlibabaRegionWorld(id) }));
  return {
    choices,
    catalogueVersion: version,
    iot: { note: thing?.note ?? null, targets: [...(thing?.targets ?? [])].sort((a, b) => a.rank - b.rank).map(view) },
    kinds,
    sourceRegions,
    regions,
  };
}
