/** The four statuses of a proposal, in the order the chart stacks them, with their colours (distinct for colour-blind readers). */
export const COVERAGE_STATUSES = ["mapped", "decision", "none", "blocked"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const STATUS_COLOURS: Record<CoverageStatus, string> = {
  mapped: "#159a7a",
  decision: "#d9822b",
  none: "#64748b",
  blocked: "#b8407a",
};

export const STATUS_TONES: Record<CoverageStatus, "success" | "warning" | "neutral" | "danger"> = {
  mapped: "success",
  decision: "warning",
  none: "neutral",
  blocked: "danger",
};

export function isCoverageStatus(value: string): value is CoverageStatus {
  return (COVERAGE_STATUSES as readonly string[]).includes(value);
}
