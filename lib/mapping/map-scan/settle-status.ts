/**
 * Combines two statuses of one proposal into the one it shows: the most severe wins
 * (blocked > none > decision > mapped), so a reason that blocks is never hidden by one that asks.
 */
import type { ProposalStatus } from "@/lib/mapping/map-scan/map-scan-types";

const SEVERITY: Record<ProposalStatus, number> = { mapped: 0, decision: 1, none: 2, blocked: 3 };

export function settleStatus(current: ProposalStatus, next: ProposalStatus): ProposalStatus {
  return SEVERITY[next] > SEVERITY[current] ? next : current;
}
