import "server-only";
/**
 * The only way Silkroute builds AWS SDK clients. Every client it returns:
 * - is configured by the SDK's own standard settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>,
 *   `endpoint_url` in the shared config file...) plus the region and credentials given here;
 * - refuses, before anything is serialised or sent, any command that is not a List, Describe or
 *   Get operation (ReadOnlyViolationError);
 * - waits, before every HTTP attempt including retries, on a token bucket per
 *   `${service}:${operation}` paced at that operation's quota (default-quotas.ts);
 * - reports every attempt and every throttled answer to the ApiCallObserver;
 * - retries throttling, 5xx and timeouts with exponential backoff and full jitter, with a retry
 *   quota per operation;
 * - gives up on a request after 30 s, so a hung connection cannot hang a scan;
 * - speaks HTTP/1.1 (NodeHttpHandler), Kinesis included: the SDK's Kinesis client would otherwise
 *   open every connection with an HTTP/2 preface, which HTTP/1.1-only AWS-compatible endpoints
 *   refuse, and no read Silkroute makes needs HTTP/2 (only Kinesis SubscribeToShard does);
 * - stays on a configured endpoint: a client with endpoint discovery (Timestream) would ask the
 *   endpoint where to send its calls (DescribeEndpoints) and follow the answer, even when an
 *   endpoint is configured through AWS_ENDPOINT_URL or the config file; with an endpoint
 *   configured, discovery is off and the calls go to that endpoint.
 *
 * One factory serves one connection in one region; the scan engine creates one per region per
 * scan, and every collector of that region shares its clients and token buckets.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  SMITHY_CONTEXT_KEY,
  type FinalizeRequestMiddleware,
  type HandlerExecutionContext,
  type InitializeMiddleware,
  type MiddlewareStack,
} from "@smithy/types";
import type { AwsClientClass, AwsClientFactory, AwsClientFactoryOptions } from "@/lib/aws/client-types";
import { isThrottlingError } from "@/lib/aws/classify-aws-error";
import { createRetryStrategy, DEFAULT_MAX_ATTEMPTS } from "@/lib/aws/create-retry-strategy";
import { quotaFor } from "@/lib/aws/default-quotas";
import { isReadOnlyOperation, operationName } from "@/lib/aws/is-read-only-operation";
import { ReadOnlyViolationError } from "@/lib/aws/read-only-violation-error";
import { TokenBucket } from "@/lib/aws/token-bucket";

/** Give up on one HTTP attempt after this long (the retry strategy may try again). */
export const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 5_000;

export const READ_ONLY_GUARD_NAME = "silkrouteReadOnlyGuard";
export const RATE_LIMIT_NAME = "silkrouteRateLimit";
export const CONFIGURED_ENDPOINT_NAME = "silkrouteStayOnConfiguredEndpoint";

/** The parts of a resolved SDK client this module relies on. */
interface SdkClientInternals {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middlewareStack: MiddlewareStack<any, any>;
  config: {
    defaultSigningName?: string;
    serviceId?: string;
    isCustomEndpoint?: boolean;
    ignoreConfiguredEndpointUrls?: boolean;
    serviceConfiguredEndpoint?: () => Promise<string | undefined>;
    endpoint?: () => Promise<unknown>;
    /** Present on clients that discover their endpoint (Timestream): the DescribeEndpoints command. */
    endpointDiscoveryCommandCtor?: unknown;
  };
}

type SmithyContext = { abortSignal?: AbortSignal; [key: string]: unknown };

export function createClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const clients = new Map<AwsClientClass<unknown>, unknown>();
  const buckets = new Map<string, TokenBucket>();
  const otherRegions = new Map<string, AwsClientFactory>();

  function bucketFor(service: string, operation: string): TokenBucket {
    const key = `${service}:${operation}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ ratePerSecond: quotaFor(service, operation, options.quotaOverrides), capacity: 1 });
      buckets.set(key, bucket);
    }
    return bucket;
  }

  function build<C>(ClientClass: AwsClientClass<C>): C {
    const isS3 = (ClientClass as unknown) === S3Client;
    // Filled in once the client exists; the S3 path-style provider below reads it lazily.
    let resolved: SdkClientInternals["config"] | undefined;
    const agents = options.agents?.();
    const client = new ClientClass({
      region: options.region,
      credentials: options.credentials,
      maxAttempts,
      retryStrategy: createRetryStrategy({ maxAttempts }),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // An instance, not options: the Kinesis client turns options into an HTTP/2 handler.
      requestHandler: new NodeHttpHandler({
        requestTimeout: REQUEST_TIMEOUT_MS,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        // A connection's custom endpoint: sockets opened only to addresses its rules allow.
        ...(agents ? { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent } : {}),
      }),
      ...(isS3
        ? {
            // Buckets in other regions answer with a redirect; let the SDK follow it.
            followRegionRedirects: true,
            // Endpoint overrides (a local stand-in, MinIO...) rarely serve virtual-host-style
            // bucket names. The SDK decides whether an override is in effect (AWS_ENDPOINT_URL_S3,
            // AWS_ENDPOINT_URL, endpoint_url...) only when a request is made, so ask it then.
            forcePathStyle: () => endpointOverrideInEffect(resolved),
          }
        : {}),
    });
    const internals = client as unknown as SdkClientInternals;
    resolved = internals.config;
    const service = signingNameOf(internals);
    internals.middlewareStack.add(readOnlyGuard(service, options.signal), {
      step: "initialize",
      priority: "high",
      name: READ_ONLY_GUARD_NAME,
      tags: ["SILKROUTE"],
    });
    if (internals.config.endpointDiscoveryCommandCtor !== undefined) {
      internals.middlewareStack.add(stayOnConfiguredEndpoint(internals.config), {
        step: "initialize",
        priority: "low",
        name: CONFIGURED_ENDPOINT_NAME,
        tags: ["SILKROUTE"],
      });
    }
    internals.middlewareStack.addRelativeTo(rateLimitAndObserve(service, bucketFor, options), {
      relation: "before",
      toMiddleware: "httpSigningMiddleware",
      name: RATE_LIMIT_NAME,
      tags: ["SILKROUTE"],
    });
    return client;
  }

  const factory: AwsClientFactory = {
    region: options.region,
    get<C>(ClientClass: AwsClientClass<C>): C {
      let client = clients.get(ClientClass) as C | undefined;
      if (!client) {
        client = build(ClientClass);
        clients.set(ClientClass, client);
      }
      return client;
    },
    forRegion(region: string): AwsClientFactory {
      if (region === options.region) return factory;
      let other = otherRegions.get(region);
      if (!other) {
        other = createClientFactory({ ...options, region });
        otherRegions.set(region, other);
      }
      return other;
    },
  };
  return factory;
}

/**
 * The client's SigV4 signing name in lower case ("iot", "s3", "logs", "iotdata"...): the key
 * default-quotas.ts uses for quotas.
 */
export function signingNameOf(client: unknown): string {
  const config = (client as Partial<SdkClientInternals>).config ?? {};
  const name = config.defaultSigningName ?? config.serviceId?.replace(/\s+/g, "") ?? "unknown";
  return name.toLowerCase();
}

/** An `endpoint` passed in code, or one the SDK found in AWS_ENDPOINT_URL(_<SERVICE>) or the config file. */
async function endpointOverrideInEffect(config: SdkClientInternals["config"] | undefined): Promise<boolean> {
  if (!config) return false;
  if (config.isCustomEndpoint) return true;
  if (config.ignoreConfiguredEndpointUrls) return false;
  return Boolean(await config.serviceConfiguredEndpoint?.());
}

/**
 * For a client that discovers its endpoint: when an endpoint is configured outside the code
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, endpoint_url in the config file), resolve it now
 * and mark it as the client's custom endpoint, as the SDK itself does a step later, so that the
 * endpoint discovery middleware (build step) leaves the request where it is. An endpoint given in
 * code (a connection's endpoint) is a custom endpoint already, and discovery skips it.
 */
function stayOnConfiguredEndpoint(config: SdkClientInternals["config"]): InitializeMiddleware<object, object> {
  return (next) => async (args) => {
    if (!config.isCustomEndpoint && !config.ignoreConfiguredEndpointUrls) {
      const configured = await config.serviceConfiguredEndpoint?.();
      if (configured) {
        const url = new URL(configured);
        const endpoint = { protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname };
        config.endpoint = () => Promise.resolve(endpoint);
        config.isCustomEndpoint = true;
      }
    }
    return next(args);
  };
}

/**
 * The SDK keeps one retry quota per scope, which it takes from `context.partition_id` (nothing in
 * the SDK sets it); naming the operation there gives each operation its own quota.
 */
const RETRY_SCOPE_KEY = "partition_id";

function readOnlyGuard(service: string, factorySignal: AbortSignal | undefined): InitializeMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationName(context.commandName ?? "");
    if (!operation || !isReadOnlyOperation(operation)) {
      throw new ReadOnlyViolationError(service, operation || "an unnamed command");
    }
    (context as Record<string, unknown>)[RETRY_SCOPE_KEY] = `${service}.${operation}`;
    if (factorySignal) {
      // The SDK's retry loop waits on the call's own abort signal; make it honour the factory's too.
      const smithy = smithyContextOf(context);
      smithy.abortSignal = smithy.abortSignal ? AbortSignal.any([smithy.abortSignal, factorySignal]) : factorySignal;
    }
    return next(args);
  };
}

function rateLimitAndObserve(
  service: string,
  bucketFor: (service: string, operation: string) => TokenBucket,
  options: AwsClientFactoryOptions,
): FinalizeRequestMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationName(context.commandName ?? "");
    const signal = smithyContextOf(context).abortSignal ?? options.signal;
    await bucketFor(service, operation).take(signal);
    signal?.throwIfAborted();
    options.observer?.onCall(service, operation);
    try {
      return await raceAbort(next(args), signal);
    } catch (error) {
      if (isThrottlingError(error)) options.observer?.onThrottle(service, operation);
      throw error;
    }
  };
}

function smithyContextOf(context: HandlerExecutionContext): SmithyContext {
  const holder = context as HandlerExecutionContext & { [SMITHY_CONTEXT_KEY]?: SmithyContext };
  holder[SMITHY_CONTEXT_KEY] ??= {};
  return holder[SMITHY_CONTEXT_KEY];
}

/** Stops waiting for an in-flight attempt when the scan is cancelled (the request timeout reaps the socket). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
