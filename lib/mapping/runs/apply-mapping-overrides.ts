import type { Proposal, ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";

/** An architect's decision as stored (mapping_overrides), in the shape the mapping run needs. */
export interface StoredOverride {
  kind: string;
  arn: string;
  status: ProposalStatus;
  target: string | null;
  rosType: string | null;
  reason: string;
  /** The resource's content hash when the decision was made (null: not known). */
  contentHash: string | null;
  decidedByEmail: string | null;
  /** ISO date-time. */
  decidedAt: string;
}

/** A proposal after the plan's overrides: what a run stores. */
export interface FinalProposal extends Proposal {
  /** The mapping step's own status, before any override. */
  proposedStatus: ProposalStatus;
  overridden: boolean;
  /** The override was made for a resource that has changed since. */
  overrideStale: boolean;
}

export interface AppliedOverrides {
  proposals: FinalProposal[];
  /** Target resources counted again after the overrides (the mapping's own extras kept). */
  targetResources: Record<string, number>;
  applied: number;
  stale: number;
  /** Overrides whose resource is not in this scan (kept for a later scan). */
  unused: number;
}

const key = (kind: string, arn: string) => `${kind}\n${arn}`;

function add(into: Record<string, number>, from: Record<string, number>, sign: 1 | -1): void {
  for (const [k, n] of Object.entries(from)) {
    const next = (into[k] ?? 0) + sign * n;
    if (next === 0) delete into[k];
    else into[k] = next;
  }
}

/**
 * Applies the plan's overrides to the mapping step's proposals (pure): the overridden proposal
 * takes the architect's status and target, keeps the step's reasons after the architect's, and
 * says so when the resource it was made for has changed since (its content hash differs). An
 * override survives every re-scan and re-run: it is matched by kind and ARN, never by run.
 */
export function applyMappingOverrides(
  proposals: readonly Proposal[],
  overrides: readonly StoredOverride[],
  contentHashOf: (kind: string, arn: string) => string | null,
  targetResources: Readonly<Record<string, number>>,
): AppliedOverrides {
  const byKey = new Map(overrides.map((o) => [key(o.kind, o.arn), o]));
  const targets = { ...targetResources };
  let applied = 0;
  let stale = 0;
  const out = proposals.map((p): FinalProposal => {
    const o = byKey.get(key(p.kind, p.arn));
    if (!o) return { ...p, proposedStatus: p.status, overridden: false, overrideStale: false };
    applied += 1;
    const current = contentHashOf(p.kind, p.arn);
    const changed = o.contentHash !== null && current !== null && o.contentHash !== current;
    if (changed) stale += 1;
    const sameTarget = o.target !== null && o.target === p.target;
    const choice = [...(p.choices ?? [])].find((c) => c.name === o.target);
    const rosType = o.target === null ? null : (o.rosType ?? choice?.rosType ?? (sameTarget ? p.rosType : null));
    const resources: Record<string, number> =
      o.status !== "mapped" || o.target === null ? {} : sameTarget && p.status === "mapped" ? p.targetResources : { [rosType ?? o.target]: 1 };
    add(targets, p.status === "mapped" ? p.targetResources : {}, -1);
    add(targets, resources, 1);
    const by = o.decidedByEmail ? ` by ${o.decidedByEmail}` : "";
    return {
      ...p,
      status: o.status,
      target: o.status === "mapped" ? o.target : (o.target ?? null),
      rosType,
      fit: choice?.fit ?? (sameTarget ? p.fit : null),
      targetResources: resources,
      reasons: [
        { code: "override", message: `Decided${by} on ${o.decidedAt.slice(0, 10)}: ${o.reason}` },
        ...(changed ? [{ code: "override-resource-changed", message: "The resource has changed since this decision was made: review it." }] : []),
        ...p.reasons,
      ],
      proposedStatus: p.status,
      overridden: true,
      overrideStale: changed,
    };
  });
  return { proposals: out, targetResources: targets, applied, stale, unused: overrides.length - applied };
}
