import type { RegionProgress } from "@/lib/inventory/get-scan-progress";

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
