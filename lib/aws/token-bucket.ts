/**
 * A token bucket that paces calls to one AWS API operation.
 *
 * AWS enforces its API quotas with token buckets of its own, refilled at the quota rate and holding
 * about one second's worth of tokens. The scanner's bucket refills at the same rate but holds a
 * single token by default: calls leave evenly spaced, so a burst never drains the server-side
 * bucket and the scanner runs at the quota without being throttled.
 *
 * Waiting callers are served in arrival order: each `take()` reserves the next free slot at once,
 * then sleeps until it comes. A caller that gives up (its AbortSignal fires) hands its slot back
 * when nobody has queued behind it.
 */

export interface TokenBucketOptions {
  /** Tokens added per second (the operation's calls-per-second quota). Must be > 0. */
  ratePerSecond: number;
  /** Tokens the bucket can hold; 1 (no burst) unless told otherwise. */
  capacity?: number;
  /** Monotonic clock in milliseconds. */
  now?: () => number;
  /** Sleeps `ms`, rejecting early with the signal's reason when it fires. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class TokenBucket {
  readonly ratePerSecond: number;
  readonly capacity: number;
  private readonly intervalMs: number;
  private readonly burstMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Theoretical arrival time of the next call that would find a full interval's worth of tokens
   * (the "GCRA" formulation of a token bucket): every reservation pushes it one interval on.
   */
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !Number.isFinite(options.ratePerSecond)) {
      throw new RangeError(`A token bucket needs a positive finite rate, got ${options.ratePerSecond}`);
    }
    const capacity = options.capacity ?? 1;
    if (!(capacity >= 1) || !Number.isFinite(capacity)) {
      throw new RangeError(`A token bucket needs a capacity of at least 1, got ${capacity}`);
    }
    this.ratePerSecond = options.ratePerSecond;
    this.capacity = capacity;
    this.intervalMs = 1000 / options.ratePerSecond;
    this.burstMs = (capacity - 1) * this.intervalMs;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? abortableSleep;
  }

  /**
   * Resolves when the caller may make one call. Rejects with the signal's reason if the signal
   * fires first (or has already fired), and then no token is consumed.
   */
  async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = this.now();
    const slot = Math.max(this.nextAt, now);
    const reserved = slot + this.intervalMs;
    this.nextAt = reserved;
    const waitMs = slot - this.burstMs - now;
    if (waitMs <= 0) return;
    try {
      await this.sleep(Math.ceil(waitMs), signal);
    } catch (error) {
      // Give the slot back if nobody reserved one after us; otherwise leave the gap (safe: slower, never faster).
      if (this.nextAt === reserved) this.nextAt = slot;
      throw error;
    }
  }

  /** How long a `take()` made now would wait, in milliseconds (0 when a token is ready). */
  pendingDelayMs(): number {
    const now = this.now();
    return Math.max(0, Math.max(this.nextAt, now) - this.burstMs - now);
  }
}

/** `setTimeout` as a promise that an AbortSignal can cut short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
