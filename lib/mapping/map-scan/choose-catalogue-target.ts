/**
 * Chooses the target of one resource kind from the catalogue's ranked candidates, as the mapping step
 * does for every kind without a dedicated mapping:
 * - no catalogue entry: "none", saying so;
 * - a chosen candidate (the plan's choice for the kind): that one, whatever the number of candidates;
 *   a choice that names no candidate is a "decision" saying so;
 * - otherwise a single usable candidate (fit drop-in, equivalent or partial): "mapped", a partial fit
 *   with its gaps as reasons; several usable candidates: a "decision" listing them; only fit none:
 *   "none" with the catalogue's words on what to use instead;
 * - a chosen target the catalogue knows is not offered in the plan's target region: "blocked";
 *   unverified availability is a reason, not a block.
 */
import type { CatalogueEntry, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { checkTargetRegion } from "@/lib/mapping/map-scan/check-target-region";
import type { ProposalCandidate, ProposalReason, ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";

export interface CatalogueChoice {
  status: ProposalStatus;
  target: CatalogueTarget | null;
  reasons: ProposalReason[];
  choices?: ProposalCandidate[];
  alternatives?: string[];
}

export interface ChooseTargetOptions {
  /** The name of the chosen candidate, when the plan made a choice for this kind. */
  chosen?: string | null;
  targetRegion?: string | null;
}

const candidateOf = (t: CatalogueTarget): ProposalCandidate => ({ name: t.name, rank: t.rank, rosType: t.rosType, fit: t.fit });
const byRank = (a: CatalogueTarget, b: CatalogueTarget) => a.rank - b.rank;

/** The reasons a chosen target carries: what differs for a partial fit, its gaps, its caveat. */
export function describeTarget(target: CatalogueTarget): ProposalReason[] {
  const reasons: ProposalReason[] = [];
  if (target.fit === "partial") reasons.push({ code: "partial-fit", message: `${target.name} fits partially: ${target.differs}` });
  for (const gap of target.gaps) reasons.push({ code: `gap.${gap.key}`, message: gap.text });
  if (target.caveat) reasons.push({ code: "caveat", message: target.caveat });
  return reasons;
}

export function chooseCatalogueTarget(kind: string, entry: CatalogueEntry | undefined, options: ChooseTargetOptions = {}): CatalogueChoice {
  if (!entry) {
    return {
      status: "none",
      target: null,
      reasons: [{ code: "not-in-catalogue", message: `The catalogue has no entry for ${kind}: no target is known for it yet.` }],
      alternatives: [],
    };
  }
  const targets = [...entry.targets].sort(byRank);
  const usable = targets.filter((t) => t.fit !== "none");
  let target: CatalogueTarget | undefined;
  if (typeof options.chosen === "string") {
    target = targets.find((t) => t.name === options.chosen);
    if (!target) {
      return {
        status: "decision",
        target: null,
        reasons: [{ code: "unknown-choice", message: `The plan chose "${options.chosen}" for ${kind}, which is not one of the catalogue's candidates: choose again.` }],
        choices: usable.map(candidateOf),
      };
    }
  } else if (usable.length === 1) {
    target = usable[0];
  } else if (usable.length > 1) {
    return {
      status: "decision",
      target: null,
      reasons: [{ code: "several-candidates", message: `${kind} has ${usable.length} candidate targets: choose one (${usable.map((t) => t.name).join("; ")}).` }],
      choices: usable.map(candidateOf),
    };
  }
  if (!target || target.fit === "none") {
    const none = target ? [target] : targets;
    return {
      status: "none",
      target: target ?? null,
      reasons: none.map((t) => ({ code: "no-equivalent", message: t.differs })),
      alternatives: none.map((t) => t.differs),
    };
  }
  const reasons = describeTarget(target);
  const region = checkTargetRegion(target.availability, options.targetRegion, target.name);
  if (region.status === "unavailable") return { status: "blocked", target, reasons: [{ code: "not-in-region", message: region.message }, ...reasons] };
  if (region.status === "unknown") reasons.push({ code: "region-unverified", message: region.message });
  return { status: "mapped", target, reasons };
}
