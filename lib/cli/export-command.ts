import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateRosTemplate } from "@/lib/mapping/iac/generate-ros-template";
import { generateTerraform } from "@/lib/mapping/iac/generate-terraform";
import type { IacFile } from "@/lib/mapping/iac/iac-input-types";
import { readIacInput } from "@/lib/mapping/iac/read-iac-input";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

/**
 * `silkroute export terraform --out DIR` and `silkroute export ros --out FILE`: the IaC of a plan's newest
 * succeeded mapping run (read-iac-input.ts), written to disk.
 * - The plan: --plan NAME, else the plan of the organisation's newest succeeded mapping run.
 * - terraform: DIR is created when missing; main.tf, variables.tf, versions.tf, outputs.tf, the ROS
 *   templates under ros/ and SKIPPED.txt are written into it (files of the same name are replaced).
 * - ros: FILE is the template to deploy (the parent of the nested stacks when the estate is split); the
 *   part templates and SKIPPED.txt are written beside it, under the names the parent refers to. With
 *   several regions, one parent per region: FILE's name with the region before the extension.
 * Exit codes as for `scan`: 0 written, 1 failed (no such plan, no mapping run, cannot write), 64 flags.
 */
export const exportOptionsSchema = z.object({
  format: z.enum(["terraform", "ros"]),
  out: z.string().min(1, "--out is required").max(4096),
  plan: z.string().min(1).max(200).optional(),
  json: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export interface ExportResult {
  status: "complete" | "failed";
  format: ExportOptions["format"];
  planId: string | null;
  runId: string | null;
  /** The files written, as absolute paths. */
  files: string[];
  warnings: string[];
  error?: { code: string; reason?: string; message: string };
}

export const EXPORT_EXIT_CODE: Record<ExportResult["status"], number> = { complete: 0, failed: 1 };

export async function runExportCommand(options: ExportOptions): Promise<ExportResult> {
  const organizationId = await ensureDefaultOrganization();
  const planId = await choosePlan(organizationId, options.plan);
  const plan = await loadScopedPlan(organizationId, planId);
  const input = await readIacInput(plan);
  const base = { format: options.format, planId: plan.id, runId: input.runId };
  if (options.format === "terraform") {
    const output = generateTerraform(input);
    const dir = path.resolve(options.out);
    return { status: "complete", ...base, files: writeFiles(dir, output.files.map((f) => ({ ...f, target: path.join(dir, f.path) }))), warnings: output.warnings };
  }
  const output = generateRosTemplate(input);
  const file = path.resolve(options.out);
  const dir = path.dirname(file);
  const ext = path.extname(file) || ".json";
  const stem = path.basename(file, path.extname(file));
  const parents = new Map(output.regions.map((r) => [r.parent, r.label]));
  const targets = output.files.map((f) => {
    const label = parents.get(f.path);
    if (label === undefined) return { ...f, target: path.join(dir, f.path) };
    return { ...f, target: output.regions.length === 1 ? file : path.join(dir, `${stem}.${label}${ext}`) };
  });
  return { status: "complete", ...base, files: writeFiles(dir, targets), warnings: output.warnings };
}

async function choosePlan(organizationId: string, name: string | undefined): Promise<string> {
  if (name !== undefined) {
    const plan = await db().migrationPlan.findFirst({ where: { organizationId, name, status: { not: "archived" } }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND", "iacPlanNotFound", { plan: name });
    return plan.id;
  }
  const run = await db().mappingRun.findFirst({
    where: { status: "succeeded", plan: { organizationId, status: { not: "archived" } } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { planId: true },
  });
  if (!run) throw new AppError("NOT_FOUND", "iacNoMappingRun");
  return run.planId;
}

function writeFiles(dir: string, files: Array<IacFile & { target: string }>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.target), { recursive: true });
    fs.writeFileSync(file.target, file.content, "utf8");
  }
  return files.map((f) => f.target);
}

export function failedExport(format: ExportOptions["format"], err: unknown): ExportResult {
  const error =
    err instanceof AppError
      ? { code: err.code, reason: err.reason, message: err.message }
      : { code: "INTERNAL", message: err instanceof Error ? err.message : String(err) };
  return { status: "failed", format, planId: null, runId: null, files: [], warnings: [], error };
}

/** What a person reads on the terminal. */
export function formatExportSummary(result: ExportResult): string {
  if (result.status === "failed") return `Export failed: ${result.error?.message ?? "unknown error"}\n`;
  const lines = [`Wrote ${result.files.length} files (${result.format}, mapping run ${result.runId}):`, ...result.files.map((f) => `  ${f}`)];
  if (result.warnings.length > 0) lines.push("", "Before deploying:", ...result.warnings.map((w) => `  - ${w}`));
  return `${lines.join("\n")}\n`;
}
