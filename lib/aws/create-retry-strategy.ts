/**
 * The retry strategy every factory-built client uses: the SDK's StandardRetryStrategy (attempt
 * counting, retry quota, Retry-After hints), with two changes:
 * - the backoff is exponential with full jitter: a random delay between 0 and
 *   min(cap, base * 2^retry), base 1 s after throttling and 100 ms after other failures;
 * - every 5xx answer and every throttling code Silkroute knows (see isThrottlingError) is retried,
 *   where the SDK alone retries only 500/502/503/504 and its own list of codes.
 * Each retried attempt also passes the client's token bucket again (see create-client-factory.ts).
 */
import { StandardRetryStrategy } from "@smithy/core/retry";
import type {
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryBackoffStrategy,
  StandardRetryToken,
} from "@smithy/types";
import { isThrottlingError, isTransientServerError } from "@/lib/aws/classify-aws-error";

export const DEFAULT_MAX_ATTEMPTS = 8;
/** Base delay after a non-throttling failure; after throttling the SDK uses 1 s. */
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 20_000;

/** Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog). */
export class FullJitterBackoff implements StandardRetryBackoffStrategy {
  private baseMs = BASE_DELAY_MS;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly capMs: number = MAX_DELAY_MS,
  ) {}

  setDelayBase(delayBase: number): void {
    this.baseMs = delayBase;
  }

  /** `retryCount` is 0 before the first retry. */
  computeNextBackoffDelay(retryCount: number): number {
    return Math.floor(this.random() * Math.min(this.capMs, this.baseMs * 2 ** retryCount));
  }
}

export interface RetryStrategyOptions {
  /** Attempts per call including the first. */
  maxAttempts?: number;
  /** Source of jitter, for tests. */
  random?: () => number;
}

export function createRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategyV2 & { mode: string } {
  const inner = new StandardRetryStrategy({
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    baseDelay: BASE_DELAY_MS,
    backoff: new FullJitterBackoff(options.random),
  });
  return {
    mode: inner.mode,
    acquireInitialRetryToken: (scope: string) => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: RetryToken, info: RetryErrorInfo) =>
      inner.refreshRetryTokenForRetry(token as StandardRetryToken, withSilkrouteErrorType(info)),
    recordSuccess: (token: RetryToken) => inner.recordSuccess(token as StandardRetryToken),
  };
}

function withSilkrouteErrorType(info: RetryErrorInfo): RetryErrorInfo {
  if (info.errorType === "THROTTLING") return info;
  if (isThrottlingError(info.error)) return { ...info, errorType: "THROTTLING" };
  if (info.errorType !== "TRANSIENT" && isTransientServerError(info.error)) return { ...info, errorType: "TRANSIENT" };
  return info;
}
