import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

/**
 * Checks, in the database, that a scan belongs to its plan and the plan to its organisation,
 * before anything of the scan is read. A ScopedScan only comes from loadPlanScope /
 * loadScopedScan (lib/plans/scoped-plan.ts), which already checked this; the second check costs
 * one indexed lookup per read and turns a hand-built ScopedScan of another organisation into the
 * same NOT_FOUND a wrong id gets.
 */
export async function confirmScanScope(scan: ScopedScan): Promise<void> {
  const { rows } = await pool().query<{ ok: number }>(
    `SELECT 1 AS ok FROM scans s JOIN migration_plans p ON p.id = s.plan_id
     WHERE s.id = $1 AND p.id = $2 AND p.organization_id = $3`,
    [String(scan.id), String(scan.plan.id), String(scan.plan.organizationId)],
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND", "scanNotFound");
}
