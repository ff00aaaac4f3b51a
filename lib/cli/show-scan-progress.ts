import "server-only";
import cliProgress from "cli-progress";
import { getScanProgress } from "@/lib/inventory/get-scan-progress";
import { progressDetail } from "@/lib/cli/progress-detail";
import { loadScopedScan } from "@/lib/plans/scoped-plan";

/**
 * Progress bars on stderr, one per region (and "global"), refreshed twice a second from the scan's
 * own counters: resources found, calls, throttled answers, problems, time left.
 */
export function showScanProgress(organizationId: string, scanId: string): { stop(): Promise<void> } {
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: " {region} {bar} {detail}",
      hideCursor: true,
      clearOnComplete: false,
      barsize: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  let running: Promise<void> | null = null;
  const refresh = async () => {
    const progress = await loadScopedScan(organizationId, scanId)
      .then(getScanProgress)
      .catch(() => null);
    if (!progress) return;
    for (const r of progress.byRegion) {
      const totalCalls = progress.estimate?.byRegion[r.region]?.calls ?? 0;
      const ended = r.status === "done" || r.status === "failed" || r.status === "cancelled";
      const payload = { region: r.region.padEnd(14), detail: progressDetail(r) };
      const total = Math.max(totalCalls, r.calls, 1);
      const value = ended ? total : Math.min(r.calls, total - 1);
      const bar = bars.get(r.region);
      if (!bar) bars.set(r.region, multi.create(total, value, payload));
      else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
    }
  };
  const tick = () => {
    running ??= refresh().finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, 500);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      // One last look, so the bars end on the final counts.
      await refresh();
      multi.stop();
    },
  };
}
