import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { pool } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { startAwsStandIn, type AwsStandIn } from "@/doubles/aws/server";
import type { Estate, RegionEstate } from "@/doubles/aws/estate-types";
import { runMapping } from "@/lib/mapping/runs/run-mapping";
import { KEPT_RUNS } from "@/lib/mapping/runs/run-mapping";
import { loadScopedScan } from "@/lib/plans/scoped-plan";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * From a stand-in scan to stored proposals: every scanned resource gets one proposal row with its
 * content hash and service-map node, the counts agree with the rows, device names survive a
 * re-run and a re-scan, and an architect's override survives both, saying so once the resource
 * it was made for has changed.
 */
useTestDatabase();
const REGION = "eu-central-1";

let fx: InventoryFixture;
let second: AwsStandIn | undefined;
let firstScan: string;
beforeAll(async () => {
  fx = await createInventoryFixture({ regions: [REGION], things: 40, hostile: true });
  firstScan = (await scanFixture(fx)).scanId;
}, 300_000);
afterAll(async () => {
  await fx?.stop();
  await second?.stop();
});

const q = async <R,>(text: string, values: unknown[] = []) => (await pool().query(text, values)).rows as R[];

describe("a mapping run", () => {
  it("stores one proposal per scanned resource, with counts that agree with the rows", async () => {
    const scan = await loadScopedScan(fx.organizationId, firstScan);
    const outcome = await runMapping(scan);
    const [resources] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM resources WHERE scan_id = $1`, [firstScan]);
    expect(outcome.proposals).toBe(resources!.n);
    const rows = await q<{ status: string; n: number; hashed: number; noded: number }>(
      `SELECT status, count(*)::int AS n, count(content_hash)::int AS hashed, count(node_id)::int AS noded FROM mapping_proposals WHERE run_id = $1 GROUP BY status`,
      [outcome.runId],
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect({ mapped: 0, decision: 0, none: 0, blocked: 0, ...byStatus }).toEqual(outcome.summary.coverage);
    for (const r of rows) {
      expect(r.hashed).toBe(r.n);
      expect(r.noded).toBe(r.n);
    }
    const [run] = await q<{ status: string; coverage: unknown; graph: { nodes: unknown[] }; proposal_count: number; catalogue_version: string }>(
      `SELECT status, coverage, graph, proposal_count, catalogue_version FROM mapping_runs WHERE id = $1`,
      [outcome.runId],
    );
    expect(run).toMatchObject({ status: "succeeded", coverage: outcome.summary.coverage, proposal_count: outcome.proposals });
    expect(run!.graph.nodes.length).toBeGreaterThan(0);
    expect(outcome.summary.targets["ALIYUN::IOT::Device"]).toBe(byStatus.mapped ? (await q<{ n: number }>(`SELECT count(*)::int AS n FROM mapping_proposals WHERE run_id = $1 AND kind = 'AWS::IoT::Thing' AND status = 'mapped'`, [outcome.runId]))[0]!.n : undefined);
    const [audit] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'mapping.run' AND target_id = $1`, [firstScan]);
    expect(audit!.n).toBeGreaterThanOrEqual(1);
  });

  it("stores the reasons proposals share once per run, and gives every proposal its reasons whole", async () => {
    const scan = await loadScopedScan(fx.organizationId, firstScan);
    const outcome = await runMapping(scan);
    const rows = await q<{ own: unknown[]; whole: Array<{ code: string }>; reason_set: string | null }>(
      `SELECT p.reasons AS own, d.reasons AS whole, p.reason_set FROM mapping_proposals p JOIN mapping_proposal_details d ON d.id = p.id
       WHERE p.run_id = $1 AND p.kind = 'AWS::IoT::Thing'`,
      [outcome.runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    // Every thing of the fleet shares its target's reasons: stored once, not once per thing.
    expect(rows.filter((r) => r.reason_set !== null).length).toBe(rows.length);
    for (const r of rows) {
      expect(r.whole.length).toBeGreaterThan(r.own.length);
      expect(r.whole.map((x) => x.code)).toContain("partial-fit");
    }
    const [run] = await q<{ sets: number }>(`SELECT count(*)::int AS sets FROM mapping_runs, jsonb_object_keys(reason_sets) WHERE id = $1`, [outcome.runId]);
    expect(run!.sets).toBeLessThan(50);
  });

  it("gives every thing the same device name on a re-run", async () => {
    const scan = await loadScopedScan(fx.organizationId, firstScan);
    const names = async (runId: string) =>
      new Map(
        (await q<{ arn: string; name: string }>(`SELECT arn, properties->'deviceName'->>'name' AS name FROM mapping_proposals WHERE run_id = $1 AND kind = 'AWS::IoT::Thing'`, [runId])).map((r) => [
          r.arn,
          r.name,
        ]),
      );
    const a = await runMapping(scan);
    const b = await runMapping(scan);
    const first = await names(a.runId);
    expect(first.size).toBeGreaterThan(0);
    expect([...first.values()].every((n) => typeof n === "string" && n.length >= 4)).toBe(true);
    expect(await names(b.runId)).toEqual(first);
  });

  it("keeps only the newest runs of a plan", async () => {
    const scan = await loadScopedScan(fx.organizationId, firstScan);
    for (let i = 0; i < KEPT_RUNS; i++) await runMapping(scan);
    const runs = await q<{ id: string }>(`SELECT id FROM mapping_runs WHERE plan_id = $1`, [fx.planId]);
    expect(runs.length).toBe(KEPT_RUNS);
    const [orphans] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM mapping_proposals p WHERE NOT EXISTS (SELECT 1 FROM mapping_runs r WHERE r.id = p.run_id)`,
    );
    expect(orphans!.n).toBe(0);
  });

  it("refuses a second run of the plan while one is under way", async () => {
    const scan = await loadScopedScan(fx.organizationId, firstScan);
    const id = crypto.randomUUID();
    await pool().query(`INSERT INTO mapping_runs (id, plan_id, scan_id, status) VALUES ($1, $2, $3, 'running')`, [id, fx.planId, firstScan]);
    try {
      const error = await runMapping(scan).catch((e: unknown) => e);
      expect(isAppError(error) && error.reason).toBe("mappingRunning");
      // A run left "running" by a process that died long ago does not block the plan for ever.
      await pool().query(`UPDATE mapping_runs SET started_at = now() - interval '2 hours' WHERE id = $1`, [id]);
      await expect(runMapping(scan)).resolves.toMatchObject({ scanId: firstScan });
      const [lost] = await q<{ status: string }>(`SELECT status FROM mapping_runs WHERE id = $1`, [id]);
      expect(lost?.status ?? "failed").toBe("failed");
    } finally {
      await pool().query(`DELETE FROM mapping_runs WHERE id = $1`, [id]);
    }
  });

  it("applies an override to every later run and re-scan, and flags it when the resource changed", async () => {
    const things = await q<{ arn: string; name: string; content_hash: string }>(
      `SELECT arn, name, content_hash FROM resources WHERE scan_id = $1 AND kind = 'AWS::IoT::Thing' ORDER BY name LIMIT 2`,
      [firstScan],
    );
    const [kept, changed] = things;
    for (const t of things) {
      await pool().query(
        `INSERT INTO mapping_overrides (id, plan_id, kind, arn, status, target, reason, content_hash, scan_id, decided_by_email)
         VALUES ($1, $2, 'AWS::IoT::Thing', $3, 'none', NULL, 'Retired with the old gateway', $4, $5, 'architect@example.test')`,
        [crypto.randomUUID(), fx.planId, t!.arn, t!.content_hash, firstScan],
      );
    }
    // The estate changes under one of them, then the account is scanned again.
    const estate = structuredClone(fx.estate) as Estate;
    const region = estate.byRegion[REGION] as RegionEstate;
    const target = region.iot.things.find((t) => t.name === changed!.name)!;
    target.attributes = { ...target.attributes, firmware: "override-test-9.9" };
    const port = fx.standIn.port;
    await fx.standIn.stop();
    second = await startAwsStandIn({ estate, quotas: "off", port });
    const rescan = (await scanFixture(fx)).scanId;
    const outcome = await runMapping(await loadScopedScan(fx.organizationId, rescan));
    expect(outcome.overrides).toMatchObject({ applied: 2, stale: 1 });
    const rows = await q<{ arn: string; status: string; proposed_status: string; overridden: boolean; override_stale: boolean; reasons: Array<{ code: string }> }>(
      `SELECT arn, status, proposed_status, overridden, override_stale, reasons FROM mapping_proposal_details WHERE run_id = $1 AND arn = ANY($2::text[])`,
      [outcome.runId, [kept!.arn, changed!.arn]],
    );
    const byArn = new Map(rows.map((r) => [r.arn, r]));
    expect(byArn.get(kept!.arn)).toMatchObject({ status: "none", overridden: true, override_stale: false });
    expect(byArn.get(changed!.arn)).toMatchObject({ status: "none", overridden: true, override_stale: true });
    expect(byArn.get(changed!.arn)!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["override", "override-resource-changed"]));
    expect(byArn.get(kept!.arn)!.proposed_status).not.toBe("none");
    expect(outcome.summary.coverage.none).toBeGreaterThanOrEqual(2);
  });
});
