/**
 * The retry strategy every factory-built client uses: the SDK's StandardRetryStrategy (attempt
 * counting, retry quota, Retry-After hints), with two changes:
 * - the backoff is exponential with full jitter: a random delay between 0 and
 *   min(cap, base * 2^retry), base 1 s after throttling and 100 ms after other failures;
 * - every 5xx answer (but 501 Not Implemented: the endpoint does not offer the operation) and every
 *   throttling code Silkroute knows (see isThrottlingError) is retried, where the SDK alone
 *   retries only 500/502/503/504 and its own list of codes;
 * - the retry quota (the SDK's circuit breaker: retries spend tokens from a capacity of 500 that
 *   only successes give back) is kept per retry scope, and the client factory makes the scope
 *   the operation. One operation failing persistently (an emulator that answers 500 to every
 *   ListTagsForResource) stops being retried once its own quota is spent, instead of using up
 *   the retries of every other operation of the same client, the list calls included.
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
  const create = () =>
    new StandardRetryStrategy({
      maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
      baseDelay: BASE_DELAY_MS,
      backoff: new FullJitterBackoff(options.random),
    });
  // One strategy (one retry quota) per scope; each token remembers the strategy that issued it.
  const byScope = new Map<string, StandardRetryStrategy>();
  const issuedBy = new WeakMap<RetryToken, StandardRetryStrategy>();
  const strategyOf = (token: RetryToken) => issuedBy.get(token) ?? strategyFor("");
  function strategyFor(scope: string): StandardRetryStrategy {
    let strategy = byScope.get(scope);
    if (!strategy) {
      strategy = create();
      byScope.set(scope, strategy);
    }
    return strategy;
  }
  return {
    mode: create().mode,
    async acquireInitialRetryToken(scope: string) {
      const strategy = strategyFor(scope);
      const token = await strategy.acquireInitialRetryToken(scope);
      issuedBy.set(token, strategy);
      return token;
    },
    async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
      const strategy = strategyOf(token);
      const next = await strategy.refreshRetryTokenForRetry(token as StandardRetryToken, withSilkrouteErrorType(info));
      issuedBy.set(next, strategy);
      return next;
    },
    recordSuccess: (token: RetryToken) => strategyOf(token).recordSuccess(token as StandardRetryToken),
  };
}

function withSilkrouteErrorType(info: RetryErrorInfo): RetryErrorInfo {
  if (info.errorType === "THROTTLING") return info;
  if (isThrottlingError(info.error)) return { ...info, errorType: "THROTTLING" };
  if (info.errorType !== "TRANSIENT" && isTransientServerError(info.error)) return { ...info, errorType: "TRANSIENT" };
  return info;
}
