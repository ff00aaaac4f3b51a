/**
 * Benchmark helper: runs one scan in its own process, exactly as `silkroute scan` does, and
 * reports its wall time and the process's peak memory on stdout as JSON.
 */
import { prepareDatabase, closeDatabase } from "@/lib/db";
import { sendLogsToStderr } from "@/lib/log";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

const [organizationId, planId, mode] = process.argv.slice(2);
sendLogsToStderr();
await prepareDatabase({ migrate: false });
const started = performance.now();
const created = await createScan(await loadScopedPlan(organizationId!, planId!), { mode: (mode as "summary" | "deep") ?? "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
const status = await runScanInline(created.scanId, created.parts);
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ scanId: created.scanId, status, wallMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
await closeDatabase();
