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
 * - retries throttling, 5xx and timeouts with exponential backoff and full jitter;
 * - gives up on a request after 30 s, so a hung connection cannot hang a scan.
 *
 * One factory serves one connection in one region; the scan engine creates one per region per
 * scan, and every collector of that region shares its clients and token buckets.
 */
import { S3Client } from "@aws-sdk/client-s3";
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
      requestHandler: {
        requestTimeout: REQUEST_TIMEOUT_MS,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        // A connection's custom endpoint: sockets opened only to addresses its rules allow.
        ...(agents ? { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent } : {}),
      },
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

function readOnlyGuard(service: string, factorySignal: AbortSignal | undefined): InitializeMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationName(context.commandName ?? "");
    if (!operation || !isReadOnlyOperation(operation)) {
      throw new ReadOnlyViolationError(service, operation || "an unnamed command");
    }
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
