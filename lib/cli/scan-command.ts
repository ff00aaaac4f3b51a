import "server-only";
import { z } from "zod";
import cliProgress from "cli-progress";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { awsRegionSchema } from "@/lib/plans/plan-input";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { getScanProgress } from "@/lib/inventory/get-scan-progress";
import { groupIssues } from "@/lib/inventory/group-scan-issues";
import { cliScanTarget } from "@/lib/cli/cli-scan-target";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";

export const scanOptionsSchema = z.object({
  region: z.array(awsRegionSchema).min(1, "name at least one region with --region"),
  profile: z.string().min(1).max(128).optional(),
  roleArn: z.string().min(1).max(2048).optional(),
  externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2 to 1,224 letters, digits or +=,.@:/-").optional(),
  mode: z.enum(["summary", "deep"]).default("summary"),
  shadows: z.boolean().default(false),
  plan: z.string().min(1).max(120).default("Command line scans"),
  json: z.boolean().default(false),
});
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

export interface ScanResult {
  scanId: string | null;
  status: "complete" | "partial" | "failed";
  counts: Record<string, Record<string, number>>;
  errors: Array<{ region: string; code: string; message: string; operation?: string | null; collector?: string | null; count?: number; regions?: string[] }>;
}

export const EXIT_CODE: Record<ScanResult["status"], number> = { complete: 0, partial: 2, failed: 1 };

/** Runs a scan in this process, with a progress bar on stderr, and returns its result. */
export async function runScanCommand(options: ScanOptions, io: { progress: boolean; signal: AbortSignal }): Promise<ScanResult> {
  const organizationId = await ensureDefaultOrganization();
  const target = await cliScanTarget(organizationId, options.region, options, options.plan);
  const plan = await loadScopedPlan(organizationId, target.planId);
  const created = await createScan(
    plan,
    { mode: options.mode, includeShadows: options.shadows, regions: options.region },
    { requestedById: null, origin: "cli" },
  );
  let bar: cliProgress.MultiBar | null = null;
  let timer: NodeJS.Timeout | undefined;
  if (io.progress) {
    bar = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: " {region} |{bar}| {found} found · {calls} calls · {throttles} throttled · {errors} errors · {eta}",
        hideCursor: true,
        clearOnComplete: false,
        barsize: 24,
      },
      cliProgress.Presets.shades_classic,
    );
    const bars = new Map<string, cliProgress.SingleBar>();
    const refresh = async () => {
      const progress = await loadScopedScan(organizationId, created.scanId).then(getScanProgress).catch(() => null);
      if (!progress) return;
      for (const r of progress.byRegion) {
        const totalCalls = progress.estimate?.byRegion[r.region]?.calls ?? 0;
        const payload = {
          region: r.region.padEnd(14),
          found: r.found,
          calls: r.calls,
          throttles: r.throttles,
          errors: r.errors,
          eta: r.status === "done" || r.status === "failed" ? r.status : r.secondsLeft != null ? `~${Math.ceil(r.secondsLeft)} s left` : r.status,
        };
        const total = Math.max(totalCalls, r.calls, 1);
        const value = r.status === "done" || r.status === "failed" ? total : Math.min(r.calls, total - 1);
        let b = bars.get(r.region);
        if (!b) {
          b = bar!.create(total, value, payload);
          bars.set(r.region, b);
        } else {
          b.setTotal(total);
          b.update(value, payload);
        }
      }
    };
    timer = setInterval(() => void refresh(), 500);
  }
  const onAbort = () => void db().scan.update({ where: { id: created.scanId }, data: { cancelRequested: true } }).catch(() => undefined);
  io.signal.addEventListener("abort", onAbort, { once: true });
  let status: string;
  try {
    status = await runScanInline(created.scanId, created.parts, { signal: io.signal });
  } finally {
    clearInterval(timer);
    bar?.stop();
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

export function failedResult(err: unknown): ScanResult {
  const message = err instanceof AppError || err instanceof Error ? err.message : "The scan could not start.";
  const code = err instanceof AppError ? err.code : ((err as { code?: string })?.code ?? "FAILED");
  return { scanId: null, status: "failed", counts: {}, errors: [{ region: "all", code: String(code), message }] };
}
