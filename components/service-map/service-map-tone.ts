import type { ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";

export const STATUS_ORDER: readonly ProposalStatus[] = ["mapped", "decision", "none", "blocked"];

/** The colours of a status: mapped green, decision amber, none grey, blocked red (always shown with a text or icon too). */
export const TONE_CLASSES: Record<ProposalStatus, { border: string; bar: string; badge: string; dot: string }> = {
  mapped: { border: "border-emerald-500", bar: "bg-emerald-500", badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  decision: { border: "border-amber-500", bar: "bg-amber-400", badge: "bg-amber-50 text-amber-900 ring-amber-200", dot: "bg-amber-400" },
  none: { border: "border-slate-400", bar: "bg-slate-400", badge: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  blocked: { border: "border-red-600", bar: "bg-red-600", badge: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-600" },
};

/** Hex colours of the same, for the minimap (which draws on a canvas of SVG fills). */
export const TONE_FILLS: Record<ProposalStatus, string> = { mapped: "#10b981", decision: "#f59e0b", none: "#94a3b8", blocked: "#dc2626" };
