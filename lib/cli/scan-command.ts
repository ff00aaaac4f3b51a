import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, reasonText } from "@/lib/errors";
import { awsRegionSchema } from "@/lib/plans/plan-input";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { groupIssues } from "@/lib/inventory/group-scan-issues";
import { cliScanTarget, type CliActor } from "@/lib/cli/cli-scan-target";
import { showScanProgress } from "@/lib/cli/show-scan-progress";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** Every flag of `silkroute scan`, checked before anything is opened or written. */
export const scanOptionsSchema = z
  .object({
    region: z.array(awsRegionSchema).max(40).default([]),
    profile: z.string().min(1).max(128).optional(),
    roleArn: z.string().min(1).max(2048).regex(ROLE_ARN, reasonText("cliRoleArnInvalid")).optional(),
    externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2 to 1,224 letters, digits or +=,.@:/-").optional(),
    mode: z.enum(["summary", "deep"]).default("summary"),
    shadows: z.boolean().default(false),
    plan: z.string().trim().min(1).max(120).default("Command line scans"),
    useConnection: z.boolean().default(false),
    repoint: z.boolean().default(false),
    json: z.boolean().default(false),
    verbose: z.boolean().default(false),
    logFile: z.string().min(1).max(4096).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.region.length === 0 && !v.useConnection) ctx.addIssue({ code: "custom", path: ["region"], message: "name at least one region with --region" });
    if (v.externalId && !v.roleArn) ctx.addIssue({ code: "custom", path: ["externalId"], message: reasonText("cliExternalIdNeedsRole") });
    if (v.profile && v.roleArn) ctx.addIssue({ code: "custom", path: ["profile"], message: reasonText("cliProfileOrRole") });
    if (v.shadows && v.mode !== "deep") ctx.addIssue({ code: "custom", path: ["shadows"], message: "device shadows are read only in a deep scan: add --mode deep" });
    if (v.useConnection && (v.profile || v.roleArn || v.externalId || v.repoint)) {
      ctx.addIssue({ code: "custom", path: ["useConnection"], message: reasonText("cliUseConnectionAlone") });
    }
  });
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** "roleArn" -> "--role-arn", for messages about flags. */
export function flagName(key: PropertyKey | undefined): string {
  return `--${String(key ?? "input").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export interface ScanResult {
  scanId: string | null;
  status: "complete" | "partial" | "failed";
  counts: Record<string, Record<string, number>>;
  errors: Array<{ region: string; code: string; message: string; operation?: string | null; collector?: string | null; count?: number; regions?: string[] }>;
}

export const EXIT_CODE: Record<ScanResult["status"], number> = { complete: 0, partial: 2, failed: 1 };

export interface ScanIo {
  /** Draw progress bars on stderr. */
  progress: boolean;
  signal: AbortSignal;
  who: CliActor;
  /** Says something on the terminal (stderr): what the command changed. */
  notice(line: string): void;
}

/** Runs a scan in this process, with progress bars on stderr, and returns its result. */
export async function runScanCommand(options: ScanOptions, io: ScanIo): Promise<ScanResult> {
  const organizationId = await ensureDefaultOrganization();
  const target = await cliScanTarget(
    organizationId,
    {
      regions: options.region,
      credentials: { profile: options.profile, roleArn: options.roleArn, externalId: options.externalId },
      planName: options.plan,
      useConnection: options.useConnection,
      repoint: options.repoint,
    },
    io.who,
  );
  for (const line of target.notices) io.notice(line);
  const plan = await loadScopedPlan(organizationId, target.planId);
  const created = await createScan(
    plan,
    { mode: options.mode, includeShadows: options.shadows, ...(target.regions.length ? { regions: target.regions } : {}) },
    { requestedById: null, origin: "cli" },
  );
  const progress = io.progress ? showScanProgress(organizationId, created.scanId) : null;
  const onAbort = () => void db().scan.update({ where: { id: created.scanId }, data: { cancelRequested: true } }).catch(() => undefined);
  io.signal.addEventListener("abort", onAbort, { once: true });
  let status: string;
  try {
    status = await runScanInline(created.scanId, created.parts, { signal: io.signal });
  } finally {
    await progress?.stop();
  }
  const issues = await db().scanIssue.findMany({ where: { scanId: created.scanId }, orderBy: { id: "asc" } });
  // A gap (a call that failed for many resources) is one entry for the whole scan, with its count.
  const errors: ScanResult["errors"] = groupIssues(issues).map((i) => ({
    region: i.region,
    code: i.code,
    message: i.message,
    operation: i.operation,
    collector: i.collectorId,
    ...(i.gap ? { count: i.count, regions: i.regions } : {}),
  }));
  if (status === "cancelled" || status === "interrupted") errors.push({ region: "all", code: "Cancelled", message: "The scan was stopped before it finished; resume it from the app." });
  const final: ScanResult["status"] = status === "complete" ? "complete" : status === "partial" ? "partial" : "failed";
  return { scanId: created.scanId, status: final, counts: await scanCounts(created.scanId), errors };
}

/** A scan that did not start: the error's code and its message (never a stack trace). */
export function failedResult(err: unknown): ScanResult {
  const message = err instanceof AppError || err instanceof Error ? err.message : "The scan could not start.";
  const code = err instanceof AppError ? err.code : ((err as { code?: string })?.code ?? "FAILED");
  return { scanId: null, status: "failed", counts: {}, errors: [{ region: "all", code: String(code), message }] };
}

/** A scan refused before it started (flags not understood or not valid): nothing was written. */
export function refusedResult(code: string, message: string): ScanResult {
  return { scanId: null, status: "failed", counts: {}, errors: [{ region: "all", code, message }] };
}
