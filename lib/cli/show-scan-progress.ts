import "server-only";
import cliProgress from "cli-progress";
import { getScanProgress, type RegionProgress } from "@/lib/inventory/get-scan-progress";
import { loadScopedScan } from "@/lib/plans/scoped-plan";

/** Shown where the time left would be until the scan can estimate it. */
export const NO_ESTIMATE = "—";

/**
 * What a region's bar says about time: "done" or "failed" when it ended, the time left when the
 * scan plan can tell (from a previous scan of the plan), "—" until then. Never "INF" or "NaN".
 */
export function timeLeftText(region: Pick<RegionProgress, "status" | "secondsLeft">): string {
  if (region.status === "done" || region.status === "failed" || region.status === "cancelled") return region.status;
  const left = region.secondsLeft;
  if (left == null || !Number.isFinite(left) || left < 0) return NO_ESTIMATE;
  const seconds = Math.ceil(left);
  return seconds >= 120 ? `~${Math.ceil(seconds / 60)} min left` : `~${seconds} s left`;
}

/**
 * The text after a region's bar, short enough for an 80-column terminal: resources found, calls
 * made, throttled answers and problems when there are any, time left. (Its own text rather than
 * cli-progress's {eta}, which the bar's rate fills with "INF" at the start.)
 */
export function progressDetail(r: Pick<RegionProgress, "status" | "secondsLeft" | "found" | "calls" | "throttles" | "errors">): string {
  const n = (v: number) => v.toLocaleString("en");
  return [
    `${n(r.found)} found`,
    `${n(r.calls)} calls`,
    ...(r.throttles > 0 ? [`${n(r.throttles)} throttled`] : []),
    ...(r.errors > 0 ? [`${n(r.errors)} ${r.errors === 1 ? "problem" : "problems"}`] : []),
    timeLeftText(r),
  ].join(" · ");
}

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
      barsize: 16,
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
