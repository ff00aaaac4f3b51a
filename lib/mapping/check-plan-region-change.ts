import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";
import { checkTargetRegionChange } from "@/lib/mapping/regions/check-target-region-change";
import { chooseTargetRegions } from "@/lib/mapping/regions/choose-target-regions";
import type { RegionChangeReport, ServiceNeed } from "@/lib/mapping/regions/region-types";
import type { PlanMappingChoices } from "@/lib/mapping/read-plan-mapping-choices";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";

const IOT_THING = "AWS::IoT::Thing";

/**
 * The services one source region of the plan needs: each kind the newest mapping run maps there,
 * with the target it maps to (only kinds and targets the catalogue knows), and AWS IoT Core's
 * chosen target always.
 */
export async function readSourceRegionNeeds(plan: ScopedPlan, catalogue: Catalogue, choices: Pick<PlanMappingChoices, "iotTarget" | "kindTargets">, sourceRegion: string): Promise<ServiceNeed[]> {
  const run = await readNewestMappingRun(plan);
  const rows = run
    ? (
        await sqlQuery<{ kind: string; target: string | null }>(
          `SELECT DISTINCT kind, target FROM mapping_proposals WHERE run_id = $1 AND region = $2 AND status = 'mapped' ORDER BY kind, target`,
          [run.id, sourceRegion],
        )
      ).rows
    : [];
  const entries = new Map(catalogue.entries.map((e) => [e.kind, e]));
  const needs = new Map<string, ServiceNeed>();
  const add = (kind: string, target: string | null | undefined) => {
    const entry = entries.get(kind);
    if (!entry) return;
    const known = target ? entry.targets.find((t) => t.name === target) : undefined;
    const name = known?.name ?? entry.targets.find((t) => t.rank === 1)?.name;
    if (name) needs.set(`${kind}\u0000${name}`, { kind, target: name });
  };
  for (const row of rows) add(row.kind, choices.kindTargets[row.kind] ?? row.target);
  add(IOT_THING, choices.iotTarget ?? undefined);
  // The chosen IoT target replaces whatever the run mapped things to.
  for (const key of [...needs.keys()]) {
    const need = needs.get(key)!;
    if (need.kind === IOT_THING && choices.iotTarget && need.target !== choices.iotTarget) needs.delete(key);
  }
  return [...needs.values()];
}

/**
 * What moving one source region of the plan to `newRegion` breaks, from the region it goes to now
 * (the architect's earlier choice, else the region the catalogue's availability proposes, else the
 * new region itself, which then reports what that region lacks).
 */
export async function checkPlanRegionChange(
  plan: ScopedPlan,
  catalogue: Catalogue,
  choices: PlanMappingChoices,
  sourceRegion: string,
  newRegion: string,
): Promise<RegionChangeReport & { currentRegion: string | null }> {
  const services = await readSourceRegionNeeds(plan, catalogue, choices, sourceRegion);
  const proposed = chooseTargetRegions({ needs: [{ sourceRegion, services }], catalogue, constraints: { world: "either" } }).choices[0]?.proposal?.region ?? null;
  const currentRegion = choices.targetRegionBySource[sourceRegion] ?? proposed;
  const report = checkTargetRegionChange({ sourceRegion, currentRegion: currentRegion ?? newRegion, newRegion, services, catalogue, constraints: { world: "either" } });
  return { ...report, currentRegion };
}
