import "server-only";
import { db, sqlQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { IacInput, IacRegion } from "@/lib/mapping/iac/iac-input-types";
import type { MapScanResult, Proposal, ProposalStatus, ProposedProduct } from "@/lib/mapping/map-scan/map-scan-types";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

/**
 * The input of the IaC generators for a plan: its newest succeeded mapping run (mapping_runs) with the
 * run's products and republish rules, and the run's proposals (mapping_proposals, statuses after the
 * plan's overrides) except AWS::IoT::Thing, which are only counted: devices are registered in bulk by the
 * runbook, never templated. Proposals are read through the view mapping_proposal_details (their
 * reasons whole) in keyset pages of PAGE_SIZE by id, so an estate of any
 * size is read in bounded queries. Throws AppError NOT_FOUND (iacNoMappingRun) when the plan has no
 * succeeded run.
 */
export const PAGE_SIZE = 1000;
const THING = "AWS::IoT::Thing";
const STATUSES = new Set<ProposalStatus>(["mapped", "decision", "none", "blocked"]);

type ProposalRow = {
  rowId: string;
  kind: string;
  arn: string;
  name: string;
  status: string;
  target: string | null;
  rosType: string | null;
  fit: string | null;
  properties: unknown;
  reasons: unknown;
  choices: unknown;
  alternatives: unknown;
  targetResources: unknown;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export async function readIacInput(plan: ScopedPlan): Promise<IacInput> {
  const run = await db().mappingRun.findFirst({
    where: { planId: plan.id, status: "succeeded" },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, choices: true, products: true, republishRules: true },
  });
  if (!run) throw new AppError("NOT_FOUND", "iacNoMappingRun");

  const proposals: Proposal[] = [];
  let after = "0";
  for (;;) {
    // The view gives each proposal its reasons whole (its own, then the set its run shares).
    const { rows: page } = await sqlQuery<ProposalRow>(
      `SELECT d.id::text AS "rowId", d.kind, d.arn, d.name, d.status, d.target, d.ros_type AS "rosType", d.fit, d.properties, d.reasons,
              d.choices, d.alternatives, d.target_resources AS "targetResources"
         FROM mapping_proposal_details d
        WHERE d.run_id = $1 AND d.kind <> $2 AND d.id > $3::bigint
        ORDER BY d.id
        LIMIT $4`,
      [run.id, THING, after, PAGE_SIZE],
    );
    for (const row of page) {
      proposals.push({
        arn: row.arn,
        kind: row.kind,
        name: row.name,
        status: STATUSES.has(row.status as ProposalStatus) ? (row.status as ProposalStatus) : "blocked",
        target: row.target,
        rosType: row.rosType,
        fit: row.fit as Proposal["fit"],
        properties: isObject(row.properties) ? row.properties : {},
        reasons: Array.isArray(row.reasons) ? (row.reasons as Proposal["reasons"]) : [],
        ...(Array.isArray(row.choices) ? { choices: row.choices as Proposal["choices"] } : {}),
        ...(Array.isArray(row.alternatives) ? { alternatives: row.alternatives as string[] } : {}),
        targetResources: isObject(row.targetResources) ? (row.targetResources as Record<string, number>) : {},
      });
    }
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1]?.rowId ?? after;
  }
  proposals.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const deviceCount = await db().mappingProposal.count({ where: { runId: run.id, kind: THING } });

  const products = (Array.isArray(run.products) ? run.products : []) as unknown as ProposedProduct[];
  const republishRules = (Array.isArray(run.republishRules) ? run.republishRules : []) as unknown as MapScanResult["republishRules"];
  const planRow = await db().migrationPlan.findUnique({ where: { id: plan.id }, select: { targetRegionBySource: true, targetRegions: true } });
  const onlyTarget = planRow?.targetRegions.length === 1 ? planRow.targetRegions[0] : undefined;
  const choices = isObject(run.choices) ? run.choices : {};
  // The target regions the run used when it recorded them, else the plan's current choice.
  const candidates: unknown[] = [choices.targetRegionBySource, choices.targetRegions, planRow?.targetRegionBySource];
  const bySource: Record<string, unknown> = candidates.find(isObject) ?? {};
  const sources = new Set<string>(plan.sourceRegions);
  for (const p of products) sources.add(p.region);
  for (const r of republishRules) sources.add(r.region);
  for (const key of Object.keys(bySource)) sources.add(key);
  const regions: IacRegion[] = [...sources].sort().map((sourceRegion) => {
    const target = bySource[sourceRegion] ?? onlyTarget;
    return { sourceRegion, alibabaRegion: typeof target === "string" && target.length > 0 ? target : null };
  });
  return { planName: plan.name, runId: run.id, regions, products, republishRules, proposals, deviceCount };
}
