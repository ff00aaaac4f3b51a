/**
 * Default API rate quotas, enforced the way AWS enforces them: one token bucket per account,
 * region, service and operation, holding one second's worth of calls and refilling continuously.
 * The rates are the stand-in's own copy of AWS's published defaults (aws-published-quotas.ts),
 * not the table the scanner plans with, so a wrong rate in the product shows.
 */
import { standInQuota } from "./aws-published-quotas";

export type QuotaMode = "default" | "off" | Record<string, number>;

interface Bucket {
  tokens: number;
  rate: number;
  last: number;
}

export class QuotaLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly mode: QuotaMode;

  constructor(mode: QuotaMode = "default") {
    this.mode = mode;
  }

  get enabled(): boolean {
    return this.mode !== "off";
  }

  rateFor(service: string, operation: string): number {
    return standInQuota(service, operation, typeof this.mode === "object" ? this.mode : undefined);
  }

  /** Takes one token; false when the call is over the quota and must be throttled. */
  take(accountId: string, region: string, service: string, operation: string, now = performance.now()): boolean {
    if (this.mode === "off") return true;
    const key = `${accountId}|${region}|${service}|${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = this.rateFor(service, operation);
      bucket = { tokens: rate, rate, last: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(bucket.rate, bucket.tokens + ((now - bucket.last) / 1000) * bucket.rate);
      bucket.last = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
