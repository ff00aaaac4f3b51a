/**
 * Types shared by the read-only AWS client factory (lib/aws/create-client-factory.ts) and its users.
 */
import type { AwsCredentialIdentityProvider } from "@smithy/types";

/** Anything with the shape of an AWS SDK v3 client class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AwsClientClass<C> = new (config: any) => C;

/** Counts what the clients did, for live scan progress and the benchmark. */
export interface ApiCallObserver {
  /** Called once per HTTP attempt sent (retries count again). */
  onCall(service: string, operation: string): void;
  /** Called when AWS answered that the call was throttled (and it will be retried). */
  onThrottle(service: string, operation: string): void;
}

/** A token-bucket rate per API operation, in calls per second; keys are operation names. */
export type QuotaTable = Record<string, number>;

export interface AwsClientFactoryOptions {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** Overrides the built-in default quotas, per operation (configurable per account). */
  quotaOverrides?: QuotaTable;
  observer?: ApiCallObserver;
  /** Max attempts per call including the first, for throttling and 5xx. */
  maxAttempts?: number;
  signal?: AbortSignal;
  /**
   * One endpoint for every service, overriding AWS's (a connection to a private endpoint or a
   * local stand-in). Without it the SDK's own settings apply (AWS_ENDPOINT_URL and the like).
   */
  endpoint?: string;
  /**
   * Makes the agents a client opens its HTTP connections with (called once per client, as the SDK
   * makes its own), when they must obey rules of their own (a connection's custom endpoint:
   * lib/connections/create-endpoint-agents.ts).
   */
  agents?: () => { httpAgent: import("node:http").Agent; httpsAgent: import("node:https").Agent };
}

export interface AwsClientFactory {
  readonly region: string;
  /**
   * A client of the given class for this region: every command that is not a List, Describe or
   * Get operation is refused before it is sent, each call waits for its token bucket, and
   * throttling is retried with backoff and jitter.
   */
  get<C>(clientClass: AwsClientClass<C>): C;
  /**
   * The same connection in another region, sharing the observer, quotas and signal (token buckets
   * are per region, like AWS's quotas). Global collectors use it to reach a resource in its own
   * region (an S3 bucket's configuration). Optional so that test doubles need not implement it.
   */
  forRegion?(region: string): AwsClientFactory;
}
