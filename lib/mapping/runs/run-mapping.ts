import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { isEmbeddedDatabase, pool, sqlQuery, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { readResources } from "@/lib/inventory/read-resources";
import { readRelations } from "@/lib/inventory/read-relations";
import { COLLECTED_KINDS } from "@/lib/inventory/raw/raw-schema-registry";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { MapScanSummary, ScanRelation, ScanResource, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { summarizeMapScan } from "@/lib/mapping/map-scan/summarize-map-scan";
import type { NameMapState } from "@/lib/mapping/names/name-types";
import { buildServiceMapGraph } from "@/lib/mapping/service-map/build-service-map-graph";
import { applyMappingOverrides, type StoredOverride } from "@/lib/mapping/runs/apply-mapping-overrides";
import { PROPOSAL_CHUNK, storeMappingProposals } from "@/lib/mapping/runs/store-mapping-proposals";
import { shareProposalReasons } from "@/lib/mapping/runs/share-proposal-reasons";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

/** Succeeded runs a plan keeps (with their proposals); older ones are removed when a run succeeds. */
export const KEPT_RUNS = 3;
/** Connections that store a run's proposals side by side (on Postgres). */
const STORE_WRITERS = 4;
/** A run still "running" after this long is taken as lost (its process died) and marked failed. */
const LOST_AFTER_MINUTES = 30;

export interface MappingRunOutcome {
  runId: string;
  scanId: string;
  /** The document `silkroute map --json` prints. */
  summary: MapScanSummary & { scanId: string };
  proposals: number;
  overrides: { applied: number; stale: number; unused: number };
  errors: Array<{ at: string; message: string }>;
  catalogueVersion: string;
  /** Where the time went, in seconds: reading the scan, the pure step (with overrides and graph), storing the proposals, the final transaction. */
  timings: { read: number; map: number; store: number; finish: number };
}

const choicesSchema = z.object({
  iotTarget: z.string().min(1).max(200).nullable(),
  kindTargets: z.record(z.string(), z.string()).catch({}),
  targetRegionBySource: z.record(z.string(), z.string()).catch({}),
});

const overrideRow = z.object({
  kind: z.string(),
  arn: z.string(),
  status: z.enum(["mapped", "decision", "none", "blocked"]),
  target: z.string().nullable(),
  ros_type: z.string().nullable(),
  reason: z.string(),
  content_hash: z.string().nullable(),
  decided_by_email: z.string().nullable(),
  decided_at: z.union([z.date(), z.string()]),
});

/** Starts a run: refused while another run of the plan is under way; a lost one is marked failed. */
async function openRun(scan: ScopedScan, choices: z.infer<typeof choicesSchema>, actor: AuditActor | null): Promise<string> {
  const runId = crypto.randomUUID();
  await transaction(async () => {
    await sqlQuery(`SELECT id FROM migration_plans WHERE id = $1 FOR UPDATE`, [scan.plan.id]);
    await sqlQuery(
      `UPDATE mapping_runs SET status = 'failed', failure = 'lost: the process running it stopped', finished_at = now()
       WHERE plan_id = $1 AND status = 'running' AND started_at < now() - make_interval(mins => $2)`,
      [scan.plan.id, LOST_AFTER_MINUTES],
    );
    const running = await sqlQuery(`SELECT id FROM mapping_runs WHERE plan_id = $1 AND status = 'running' LIMIT 1`, [scan.plan.id]);
    if (running.rows.length > 0) throw new AppError("CONFLICT", "mappingRunning");
    await sqlQuery(`INSERT INTO mapping_runs (id, plan_id, scan_id, status, choices, created_by_id) VALUES ($1, $2, $3, 'running', $4::jsonb, $5)`, [
      runId,
      scan.plan.id,
      scan.id,
      JSON.stringify(choices),
      actor?.id ?? null,
    ]);
  });
  return runId;
}

/**
 * Maps one finished scan of a plan and stores the run: reads the scan through the typed read
 * contract, the organisation's catalogue, the plan's choices, its name maps and its overrides;
 * runs the pure mapping step; applies the overrides; builds the aggregated service map; writes the
 * proposals in bulk; and, in one transaction, marks the run succeeded with its counts, stores the
 * name maps for the next run, removes runs older than the newest KEPT_RUNS and writes the audit
 * entry. A run that fails is marked failed and its proposals removed: readers only ever see
 * succeeded runs, whole.
 */
export async function runMapping(scan: ScopedScan, options: { actor?: AuditActor | null } = {}): Promise<MappingRunOutcome> {
  const actor = options.actor ?? null;
  const scanRow = (await sqlQuery<{ status: string }>(`SELECT status FROM scans WHERE id = $1 AND plan_id = $2`, [scan.id, scan.plan.id])).rows[0];
  if (!scanRow) throw new AppError("NOT_FOUND", "scanNotFound");
  if (!["complete", "partial"].includes(scanRow.status)) throw new AppError("CONFLICT", "mappingScanNotFinished", { status: scanRow.status });

  const planRow = (
    await sqlQuery<{ iot_target: string | null; kind_targets: unknown; target_region_by_source: unknown; target_regions: string[] }>(
      `SELECT iot_target, kind_targets, target_region_by_source, target_regions FROM migration_plans WHERE id = $1`,
      [scan.plan.id],
    )
  ).rows[0]!;
  const choices = choicesSchema.parse({ iotTarget: planRow.iot_target, kindTargets: planRow.kind_targets ?? {}, targetRegionBySource: planRow.target_region_by_source ?? {} });
  const runId = await openRun(scan, choices, actor);
  try {
    return await mapAndStore(scan, runId, choices, planRow.target_regions, actor);
  } catch (err) {
    logger().error({ err, runId, scanId: scan.id }, "mapping run failed");
    const failure = err instanceof AppError ? err.reason : "internal";
    await pool()
      .query(`DELETE FROM mapping_proposals WHERE run_id = $1`, [runId])
      .catch(() => undefined);
    await pool()
      .query(`UPDATE mapping_runs SET status = 'failed', failure = $2, finished_at = now() WHERE id = $1`, [runId, failure])
      .catch(() => undefined);
    throw err;
  }
}

async function mapAndStore(
  scan: ScopedScan,
  runId: string,
  choices: z.infer<typeof choicesSchema>,
  planTargetRegions: string[],
  actor: AuditActor | null,
): Promise<MappingRunOutcome> {
  const clock = { start: performance.now(), read: 0, map: 0, store: 0 };
  const { catalogue, version: catalogueVersion } = await readOrganizationCatalogue(scan.plan.organizationId);
  const resources: ScanResource[] = [];
  for (const kind of COLLECTED_KINDS) {
    for await (const r of readResources(scan, kind, { pageSize: 5_000 })) {
      resources.push({ kind: r.kind, arn: r.arn, name: r.name, region: r.region, tags: r.tags, raw: r.raw, problem: r.problem });
    }
  }
  const relations: ScanRelation[] = [];
  for await (const r of readRelations(scan, { pageSize: 5_000 })) relations.push({ fromArn: r.fromArn, toArn: r.toArn, type: r.type });

  const nameMapRows = (await sqlQuery<{ scope: string; state: NameMapState }>(`SELECT scope, state FROM mapping_name_maps WHERE plan_id = $1`, [scan.plan.id])).rows;
  const previousNameMaps = Object.fromEntries(nameMapRows.map((r) => [r.scope, r.state]));
  const overrides: StoredOverride[] = (
    await sqlQuery(
      `SELECT kind, arn, status, target, ros_type, reason, content_hash, decided_by_email, decided_at FROM mapping_overrides WHERE plan_id = $1`,
      [scan.plan.id],
    )
  ).rows.flatMap((row) => {
    const parsed = overrideRow.safeParse(row);
    if (!parsed.success) return [];
    const o = parsed.data;
    const at = o.decided_at instanceof Date ? o.decided_at.toISOString() : new Date(o.decided_at).toISOString();
    return [{ kind: o.kind, arn: o.arn, status: o.status, target: o.target, rosType: o.ros_type, reason: o.reason, contentHash: o.content_hash, decidedByEmail: o.decided_by_email, decidedAt: at }];
  });
  const hashes = new Map<string, string>();
  if (overrides.length > 0) {
    const { rows } = await sqlQuery<{ kind: string; arn: string; content_hash: string }>(
      `SELECT kind, arn, content_hash FROM resources WHERE scan_id = $1 AND arn = ANY($2::text[])`,
      [scan.id, overrides.map((o) => o.arn)],
    );
    for (const r of rows) hashes.set(`${r.kind}\n${r.arn}`, r.content_hash);
  }

  clock.read = performance.now();
  const onlyTarget = planTargetRegions.length === 1 ? planTargetRegions[0] : null;
  const result = mapScan({
    resources,
    relations,
    catalogue,
    choices: { ...(choices.iotTarget ? { iotTarget: choices.iotTarget } : {}), byKind: choices.kindTargets },
    targetRegion: onlyTarget ?? null,
    targetRegionBySource: choices.targetRegionBySource,
    previousNameMaps,
  });
  const regionByKey = new Map(resources.map((r) => [`${r.kind}\n${r.arn}`, r.region]));
  resources.length = 0;
  const applied = applyMappingOverrides(result.proposals, overrides, (kind, arn) => hashes.get(`${kind}\n${arn}`) ?? null, result.targetResources);
  const final = applied.proposals;
  const summary = summarizeMapScan(final, {});
  const coverage: StatusCounts = summary.coverage;
  const { graph, nodeOf } = buildServiceMapGraph({ proposals: final, products: result.products, relations });
  const shared = shareProposalReasons(final.map((p) => p.reasons));

  clock.map = performance.now();
  // Several writers at once, as a scan's collectors store their pages (one on the embedded
  // database, whose single backend takes one statement at a time anyway).
  let next = 0;
  const writer = async () => {
    const client = await pool().connect();
    try {
      for (let i = next; i < final.length; i = next) {
        next += PROPOSAL_CHUNK;
        await storeMappingProposals(
          client,
          { runId, scanId: scan.id },
          final.slice(i, i + PROPOSAL_CHUNK),
          nodeOf,
          (kind, arn) => regionByKey.get(`${kind}\n${arn}`) ?? "",
          (index) => shared.split[index]!,
          i,
        );
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: isEmbeddedDatabase() ? 1 : STORE_WRITERS }, writer));

  clock.store = performance.now();
  const summaryDoc = { scanId: scan.id, coverage, byKind: summary.byKind, targets: applied.targetResources };
  await transaction(async () => {
    for (const [scope, state] of Object.entries(result.nameMaps)) {
      await sqlQuery(
        `INSERT INTO mapping_name_maps (plan_id, scope, state, updated_at) VALUES ($1, $2, $3::jsonb, now())
         ON CONFLICT (plan_id, scope) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [scan.plan.id, scope, JSON.stringify(state)],
      );
    }
    await sqlQuery(
      `UPDATE mapping_runs SET status = 'succeeded', catalogue_version = $2, coverage = $3::jsonb, by_kind = $4::jsonb, targets = $5::jsonb,
         products = $6::jsonb, republish_rules = $7::jsonb, graph = $8::jsonb, errors = $9::jsonb, proposal_count = $10, reason_sets = $11::jsonb,
         finished_at = now()
       WHERE id = $1`,
      [
        runId,
        catalogueVersion,
        JSON.stringify(coverage),
        JSON.stringify(summary.byKind),
        JSON.stringify(applied.targetResources),
        JSON.stringify(result.products),
        JSON.stringify(result.republishRules),
        JSON.stringify(graph),
        JSON.stringify(result.errors.slice(0, 1_000)),
        final.length,
        JSON.stringify(shared.sets),
      ],
    );
    const old = await sqlQuery<{ id: string }>(
      `SELECT id FROM mapping_runs WHERE plan_id = $1 AND id <> $2 AND status <> 'running'
       ORDER BY started_at DESC OFFSET $3`,
      [scan.plan.id, runId, KEPT_RUNS - 1],
    );
    const oldIds = old.rows.map((r) => r.id);
    if (oldIds.length > 0) {
      await sqlQuery(`DELETE FROM mapping_proposals WHERE run_id = ANY($1::text[])`, [oldIds]);
      await sqlQuery(`DELETE FROM mapping_runs WHERE id = ANY($1::text[])`, [oldIds]);
    }
    await recordAuditEvent({
      actor,
      action: "mapping.run",
      outcome: "success",
      target: { type: "scan", id: scan.id },
      planId: scan.plan.id,
      details: { runId, catalogueVersion, proposals: final.length, coverage, overrides: { applied: applied.applied, stale: applied.stale, unused: applied.unused } },
    });
  });
  return {
    runId,
    scanId: scan.id,
    summary: summaryDoc,
    proposals: final.length,
    overrides: { applied: applied.applied, stale: applied.stale, unused: applied.unused },
    errors: result.errors,
    catalogueVersion,
    timings: {
      read: (clock.read - clock.start) / 1000,
      map: (clock.map - clock.read) / 1000,
      store: (clock.store - clock.map) / 1000,
      finish: (performance.now() - clock.store) / 1000,
    },
  };
}
