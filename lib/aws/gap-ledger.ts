/**
 * What a collector could not read, kept between the secondary call that failed and the batch that
 * carries the resource: `CollectorCalls.may` notes each failure here, `BatchBuilder.add` puts the
 * gaps of a resource on its record, and `BatchBuilder.toBatch` hands the tallies since the last
 * batch to the engine, which adds them up on the scan in the same transaction as the batch (so a
 * page read again after a crash is not counted twice).
 *
 * One ledger per collector run, found from the collector's context: `withCollectorCalls` opens
 * it, and every BatchBuilder made with the same context (walkPages, walkList, the collectors that
 * build their one batch themselves) uses it.
 */
import type { GapTally, ResourceGap } from "@/lib/aws/collector-types";

export class GapLedger {
  private readonly byArn = new Map<string, ResourceGap[]>();
  private tallies = new Map<string, GapTally>();

  /** One failed call: about the resource `arn` when given, or about no one resource. */
  note(arn: string | undefined, gap: ResourceGap, message: string): void {
    if (arn !== undefined) {
      const gaps = this.byArn.get(arn) ?? [];
      // One resource counts once per operation and code, however many pages or versions failed.
      if (gaps.some((g) => g.operation === gap.operation && g.code === gap.code)) return;
      gaps.push({ operation: gap.operation, code: gap.code });
      this.byArn.set(arn, gaps);
    }
    const key = `${gap.operation}\n${gap.code}`;
    const tally = this.tallies.get(key);
    if (tally) tally.count++;
    else this.tallies.set(key, { operation: gap.operation, code: gap.code, count: 1, message, ...(arn !== undefined ? { arn } : {}) });
  }

  /** The gaps of one resource, sorted, removed from the ledger; undefined when it has none. */
  take(arn: string): ResourceGap[] | undefined {
    const gaps = this.byArn.get(arn);
    if (!gaps) return undefined;
    this.byArn.delete(arn);
    return gaps.sort((a, b) => a.operation.localeCompare(b.operation) || a.code.localeCompare(b.code));
  }

  /** The tallies since the last call. */
  drainTallies(): GapTally[] {
    const out = [...this.tallies.values()];
    this.tallies = new Map();
    return out;
  }
}

const ledgers = new WeakMap<object, GapLedger>();

/** Opens the ledger of a collector run (its context). */
export function openGapLedger(ctx: object): GapLedger {
  const ledger = new GapLedger();
  ledgers.set(ctx, ledger);
  return ledger;
}

/** The ledger of the collector run whose context this is, if one is open. */
export function gapLedgerOf(ctx: object): GapLedger | undefined {
  return ledgers.get(ctx);
}

export function closeGapLedger(ctx: object, ledger: GapLedger): void {
  if (ledgers.get(ctx) === ledger) ledgers.delete(ctx);
}
