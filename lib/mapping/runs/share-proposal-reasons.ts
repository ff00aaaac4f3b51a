import type { ProposalReason } from "@/lib/mapping/map-scan/map-scan-types";

export interface SharedReasons {
  /** Per proposal (same order): its own reasons and the id of the set that follows them, if any. */
  split: Array<{ own: ProposalReason[]; set: string | null }>;
  /** The shared sets, by id. */
  sets: Record<string, ProposalReason[]>;
}

/**
 * Finds the reasons proposals share, so a run stores them once: the mapping step gives every
 * resource of a kind the same reason objects for its catalogue target (fit, gaps, caveats, region
 * check), so the tail of a proposal's reasons made of objects that other proposals hold too is
 * stored as a set, and the proposal keeps its own reasons before it. Pure; identity-based (the
 * same object, not equal text), so it costs one map lookup per reason. Joining `own` and the set
 * gives back exactly the reasons in their order.
 */
export function shareProposalReasons(reasonLists: ReadonlyArray<readonly ProposalReason[]>): SharedReasons {
  const seen = new Map<ProposalReason, number>();
  for (const reasons of reasonLists) for (const r of reasons) seen.set(r, (seen.get(r) ?? 0) + 1);
  const ids = new Map<ProposalReason, number>();
  const idOf = (r: ProposalReason) => {
    let id = ids.get(r);
    if (id === undefined) ids.set(r, (id = ids.size));
    return id;
  };
  const sets: Record<string, ProposalReason[]> = {};
  const split = reasonLists.map((reasons) => {
    let start = reasons.length;
    while (start > 0 && (seen.get(reasons[start - 1]!) ?? 0) >= 2) start -= 1;
    // A shared tail of one reason saves too little to be worth a set.
    if (reasons.length - start < 2) return { own: [...reasons], set: null };
    const tail = reasons.slice(start);
    const key = `s${tail.map(idOf).join(".")}`;
    sets[key] ??= tail.map((r) => ({ code: r.code, message: r.message }));
    return { own: reasons.slice(0, start), set: key };
  });
  return { split, sets };
}
