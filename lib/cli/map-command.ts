import "server-only";
import { z } from "zod";
import { sqlQuery } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import type { CliActor } from "@/lib/cli/cli-scan-target";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { runMapping, type MappingRunOutcome } from "@/lib/mapping/runs/run-mapping";
import { loadScopedScan } from "@/lib/plans/scoped-plan";

export const mapOptionsSchema = z
  .object({
    scan: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "expected a scan id").optional(),
    plan: z.string().min(1).max(200).optional(),
    json: z.boolean().default(false),
  })
  .strict();
export type MapOptions = z.infer<typeof mapOptionsSchema>;

export type MapResult =
  | { status: "mapped" | "partial"; document: MappingRunOutcome["summary"]; runId: string; errors: MappingRunOutcome["errors"]; overrides: MappingRunOutcome["overrides"] }
  | { status: "failed"; error: { code: string; message: string } };

/** Exit codes as for `scan`: 0 mapped, 2 mapped with input problems (or of a partial scan), 1 failed, 64 flags not understood. */
export const MAP_EXIT_CODE: Record<MapResult["status"], number> = { mapped: 0, partial: 2, failed: 1 };

/** The scan to map: the one named, else the newest finished scan (of the plan named, else of any plan). */
async function chooseScan(organizationId: string, options: MapOptions): Promise<{ id: string; status: string }> {
  if (options.scan) {
    const row = (
      await sqlQuery<{ id: string; status: string }>(
        `SELECT s.id, s.status FROM scans s JOIN migration_plans p ON p.id = s.plan_id WHERE s.id = $1 AND p.organization_id = $2`,
        [options.scan, organizationId],
      )
    ).rows[0];
    if (!row) throw new AppError("NOT_FOUND", "scanNotFound");
    return row;
  }
  const row = (
    await sqlQuery<{ id: string; status: string }>(
      `SELECT s.id, s.status FROM scans s JOIN migration_plans p ON p.id = s.plan_id
       WHERE p.organization_id = $1 AND p.status <> 'archived' AND s.status IN ('complete', 'partial') AND ($2::text IS NULL OR p.name = $2)
       ORDER BY s.created_at DESC LIMIT 1`,
      [organizationId, options.plan ?? null],
    )
  ).rows[0];
  if (!row) throw new AppError("NOT_FOUND", "mappingNoScan");
  return row;
}

/** `silkroute map`: maps a stored scan, stores the run as the app does, and answers its summary. */
export async function runMapCommand(options: MapOptions, who: CliActor): Promise<MapResult> {
  try {
    const organizationId = await ensureDefaultOrganization();
    const chosen = await chooseScan(organizationId, options);
    const scan = await loadScopedScan(organizationId, chosen.id);
    const outcome = await runMapping(scan, { actor: who.actor });
    const partial = outcome.errors.length > 0 || chosen.status === "partial";
    return { status: partial ? "partial" : "mapped", document: outcome.summary, runId: outcome.runId, errors: outcome.errors, overrides: outcome.overrides };
  } catch (err) {
    if (isAppError(err)) return { status: "failed", error: { code: err.code, message: err.message } };
    throw err;
  }
}

/** The human summary of a mapping (stdout without --json). */
export function formatMapSummary(result: MapResult): string {
  if (result.status === "failed") return `Mapping failed: ${result.error.message} (${result.error.code})\n`;
  const { coverage, byKind, scanId } = result.document;
  const total = coverage.mapped + coverage.decision + coverage.none + coverage.blocked;
  const lines = [
    `Mapped scan ${scanId}: ${total} resources (run ${result.runId}).`,
    `  mapped ${coverage.mapped} · needs a decision ${coverage.decision} · no equivalent ${coverage.none} · blocked ${coverage.blocked}`,
    "",
    ...Object.entries(byKind)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, c]) => `  ${kind.padEnd(34)} ${String(c.mapped).padStart(7)} mapped ${String(c.decision).padStart(6)} decision ${String(c.none).padStart(6)} none ${String(c.blocked).padStart(6)} blocked`),
  ];
  if (result.overrides.applied > 0) lines.push("", `  ${result.overrides.applied} architect decisions applied (${result.overrides.stale} on resources that changed since).`);
  if (result.errors.length > 0) lines.push("", `  ${result.errors.length} input problems; the rest was mapped. First: ${result.errors[0]!.message}`);
  return `${lines.join("\n")}\n`;
}
