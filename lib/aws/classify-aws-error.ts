/**
 * Turns whatever an AWS SDK call threw into a stable error code and a message a user can act on.
 * Used by identifyAccount (the "test connection" button), the collectors and the scan engine.
 * The AWS error text goes to `detail` for the log; it is not part of the message.
 */
import { AwsOperationError } from "@/lib/aws/aws-operation-error";
import { ReadOnlyViolationError } from "@/lib/aws/read-only-violation-error";
import { EndpointRefusedError } from "@/lib/aws/endpoint-refused-error";

export type AwsErrorCode =
  | "InvalidCredentials"
  | "ExpiredCredentials"
  | "AccessDenied"
  | "RegionNotEnabled"
  | "NetworkError"
  | "Throttled"
  | "ServiceUnavailable"
  | "NotFound"
  | "OperationNotOffered"
  | "MalformedResponse"
  | "ReadOnlyViolation"
  | "EndpointRefused"
  | "Aborted"
  | "Unknown";

export interface ClassifiedAwsError {
  code: AwsErrorCode;
  /** What happened and what to do, in plain words. */
  message: string;
  /** Trying again later may succeed without anyone changing anything. */
  retryable: boolean;
  /** AWS error name and message, for the log only. */
  detail?: string;
}

export interface ClassifyContext {
  operation?: string;
  region?: string;
}

const THROTTLING_NAMES = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "Throttling",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ThrottledException",
  "BandwidthLimitExceeded",
]);

const EXPIRED_NAMES = new Set(["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"]);

const CLOCK_SKEW = /RequestTimeTooSkewed|RequestExpired|RequestInTheFuture|Signature expired|Signature not yet current/i;

const INVALID_CREDENTIAL_NAMES = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidSignatureException",
  "AuthFailure",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "InvalidToken",
  "CredentialsProviderError",
  "TokenProviderError",
]);

const ACCESS_DENIED_NAMES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "AuthorizationErrorException",
  "Forbidden",
  "ForbiddenException",
  "NotAuthorized",
  "AllAccessDisabled",
]);

const REGION_NAMES = new Set(["RegionDisabledException", "OptInRequired", "InvalidRegion"]);

const NOT_FOUND_NAMES = new Set([
  "ResourceNotFoundException",
  "ResourceNotFound",
  "NotFoundException",
  "NotFound",
  "NoSuchEntity",
  "NoSuchEntityException",
  "NoSuchBucket",
  "NotFoundError",
  "TrailNotFoundException",
  "QueueDoesNotExist",
  "AWS.SimpleQueueService.NonExistentQueue",
]);

/**
 * Error names an endpoint answers for an operation it does not implement: AWS's own answer to an
 * unknown operation (JSON and query protocols), and what AWS-compatible emulators and other
 * vendors' APIs send (LocalStack answers 501 with "not yet implemented", moto NotImplemented...).
 */
const NOT_OFFERED_NAMES = new Set([
  "UnknownOperationException",
  "UnknownOperation",
  "InvalidAction",
  "NotImplemented",
  "NotImplementedException",
  "NotImplementedError",
  "UnsupportedOperation",
  "UnsupportedOperationException",
  "OperationNotSupportedException",
  // S3's answer to a method a route does not take.
  "MethodNotAllowed",
]);

const NOT_OFFERED_TEXT = /\bnot (yet |been )?implemented\b|\bunknown operation\b|\boperation (is )?not supported\b|\bunsupported operation\b/i;

/** Names and messages the SDK gives an error answer from which it could read no AWS error code. */
const NO_ERROR_CODE_NAMES = new Set(["Unknown", "UnknownError", "Error", "SyntaxError"]);
const NO_ERROR_CODE_MESSAGES = new Set(["Unknown", "UnknownError", ""]);

/** The SDK's words for an answer it could not parse (a web page where JSON or XML was due...). */
const UNPARSEABLE = /Deserialization error|XML parse error|is not valid JSON|Unexpected token|Unexpected end of JSON/i;

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ECONNABORTED",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
]);

interface ErrorFacts {
  name: string;
  code: string;
  status: number | undefined;
  message: string;
}

function factsOf(err: unknown): ErrorFacts {
  if (typeof err !== "object" || err === null) {
    return { name: "", code: "", status: undefined, message: String(err) };
  }
  const e = err as Record<string, unknown> & { $metadata?: { httpStatusCode?: unknown } };
  const name = typeof e.name === "string" ? e.name : "";
  const code = typeof e.Code === "string" ? e.Code : typeof e.code === "string" ? e.code : "";
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  const message = typeof e.message === "string" ? e.message : "";
  return { name, code, status, message };
}

/** True when AWS answered that the call was throttled (by error name or HTTP 429). */
export function isThrottlingError(err: unknown): boolean {
  const f = factsOf(err);
  return f.status === 429 || THROTTLING_NAMES.has(f.name) || THROTTLING_NAMES.has(f.code);
}

/**
 * True when the endpoint answered that it does not offer the operation at all: HTTP 501, an
 * unknown-operation or not-implemented error, or a 404 that names no AWS error (a web server's
 * "Not Found" page: the route does not exist there). A 404 that names an AWS error
 * (ResourceNotFoundException...) is about the resource, not the operation.
 */
export function isOperationNotOffered(err: unknown): boolean {
  const f = factsOf(err);
  if (f.status === 501) return true;
  if (NOT_OFFERED_NAMES.has(f.name) || NOT_OFFERED_NAMES.has(f.code) || NOT_OFFERED_NAMES.has(f.name.replace(/^.*#/, ""))) return true;
  if (f.status === 404 && (NO_ERROR_CODE_NAMES.has(f.name) || NO_ERROR_CODE_MESSAGES.has(f.message.trim()) || UNPARSEABLE.test(f.message))) return true;
  return f.status !== undefined && f.status >= 400 && NOT_OFFERED_TEXT.test(f.message);
}

/** True for a server-side failure (5xx, except 501 Not Implemented) or a request that timed out: worth retrying. */
export function isTransientServerError(err: unknown): boolean {
  const f = factsOf(err);
  if (f.status === 501) return false;
  if (f.status !== undefined && f.status >= 500 && f.status <= 599) return !isOperationNotOffered(err);
  return f.name === "TimeoutError" || f.name === "RequestTimeout" || f.name === "RequestTimeoutException";
}

/**
 * True for a network failure of one request whose connection was made: it timed out waiting for
 * the answer, or the server dropped the connection. The next call may well succeed, unlike a
 * host that refuses connections, cannot be resolved or cannot be reached at all.
 */
export function isPerRequestNetworkFailure(err: unknown): boolean {
  const f = factsOf(err);
  if (f.name === "TimeoutError" || f.code === "ETIMEDOUT") return !/establish a connection|without establishing/i.test(f.message);
  return ["ECONNRESET", "EPIPE", "ECONNABORTED"].includes(f.code) || /socket hang up/i.test(f.message);
}

export function classifyAwsError(err: unknown, context: ClassifyContext = {}): ClassifiedAwsError {
  if (err instanceof AwsOperationError) {
    return { code: err.code, message: err.message, retryable: err.retryable, detail: err.detail };
  }
  if (err instanceof ReadOnlyViolationError) {
    return { code: "ReadOnlyViolation", message: err.message, retryable: false };
  }
  if (err instanceof EndpointRefusedError) {
    return { code: "EndpointRefused", message: err.message, retryable: false };
  }
  const f = factsOf(err);
  // Timestream's endpoint discovery wraps the real failure in a generic error's `reason`.
  const reason = (err as { reason?: unknown } | null)?.reason;
  if (/discover endpoint failed/i.test(f.message) && typeof reason === "object" && reason !== null) {
    return classifyAwsError(reason, context);
  }
  const op = context.operation ?? "";
  const call = op ? ` calling ${op}` : "";
  const detail = [f.name || f.code, f.message].filter(Boolean).join(": ") || undefined;
  const result = (code: AwsErrorCode, message: string, retryable = false): ClassifiedAwsError => ({
    code,
    message,
    retryable,
    detail,
  });
  const names = [f.name, f.code];
  const has = (set: Set<string>) => names.some((n) => n !== "" && set.has(n));

  if (f.name === "AbortError" || f.code === "ABORT_ERR") {
    return result("Aborted", "The scan was cancelled before AWS answered.");
  }
  if (CLOCK_SKEW.test(f.name) || CLOCK_SKEW.test(f.message)) {
    return result(
      "Unknown",
      "AWS rejected the request because this machine's clock is wrong. Synchronise the system clock (NTP) and try again.",
    );
  }
  if (has(EXPIRED_NAMES) || (has(INVALID_CREDENTIAL_NAMES) && /expired/i.test(f.message))) {
    return result(
      "ExpiredCredentials",
      "The AWS credentials have expired. Refresh them (for an SSO profile, run `aws sso login`) and try again.",
    );
  }
  if (has(REGION_NAMES) || /region .*(not enabled|disabled|opt.?in)|not (activated|enabled) in this region/i.test(f.message)) {
    return result("RegionNotEnabled", regionNotEnabledMessage(context.region));
  }
  if (f.name === "CredentialsProviderError" || f.name === "TokenProviderError") {
    return result(
      "InvalidCredentials",
      "No usable AWS credentials were found for this connection. Check the profile name, the access keys, or the role settings.",
    );
  }
  if (has(INVALID_CREDENTIAL_NAMES)) {
    return result(
      "InvalidCredentials",
      "AWS did not accept the credentials: the access key id or secret is wrong, or the key has been deactivated.",
    );
  }
  if (has(ACCESS_DENIED_NAMES) || f.status === 403) {
    if (/sts:AssumeRole/i.test(f.message)) {
      return result(
        "AccessDenied",
        "The role could not be assumed. Check the role's trust policy, the external id, and that the source credentials may call sts:AssumeRole.",
      );
    }
    const where = context.region ? ` in ${context.region}` : "";
    return result(
      "AccessDenied",
      `The credentials are valid but not allowed${call}${where}. Grant the read-only permission to the IAM role or user of this connection.`,
    );
  }
  if (isThrottlingError(err)) {
    return result(
      "Throttled",
      `AWS kept throttling the requests${call} after every retry. The scan can resume where it stopped; if this repeats, lower this API's rate in the connection settings.`,
      true,
    );
  }
  if (isOperationNotOffered(err)) {
    return result("OperationNotOffered", operationNotOfferedMessage(context.operation));
  }
  if (has(NOT_FOUND_NAMES) || f.status === 404) {
    return result("NotFound", `The resource was not found${call}; it may have been deleted while the scan ran.`);
  }
  if (NETWORK_CODES.has(f.code) || f.name === "TimeoutError" || /socket hang up|fetch failed|getaddrinfo/i.test(f.message)) {
    const hint = f.code === "ENOTFOUND" || f.code === "EAI_AGAIN" ? " Check the region name and any endpoint override." : "";
    return result(
      "NetworkError",
      `Could not reach AWS${call} (${safeName(f.code) || safeName(f.name) || "network error"}). Check the network, proxy and endpoint settings.${hint}`,
      true,
    );
  }
  if (isTransientServerError(err)) {
    return result("ServiceUnavailable", `AWS answered with a server error${call} after every retry. Try again later.`, true);
  }
  if (UNPARSEABLE.test(f.message)) {
    return result("MalformedResponse", `AWS answered${call} with a response Silkroute could not read.`);
  }
  const name = safeName(f.name);
  return result("Unknown", `AWS returned an unexpected error${call}${name ? ` (${name})` : ""}.`);
}

/** An error name or code as an endpoint sent it, shown only when it looks like one (the endpoint chose it). */
function safeName(name: string): string {
  return /^[A-Za-z][\w.:#-]{0,63}$/.test(name) ? name : "";
}

/** What a user is told about an operation the endpoint does not implement. */
export function operationNotOfferedMessage(operation?: string): string {
  return `This endpoint does not offer ${operation || "this operation"}: it answered that the operation is not implemented. What it reads was left out.`;
}

/** What a user is told about an opt-in region the account has not enabled. */
export function regionNotEnabledMessage(region?: string): string {
  return `The region${region ? ` ${region}` : ""} is not enabled for this AWS account. Enable the opt-in region in the AWS account settings, or remove it from the connection.`;
}

/** Classifies `err` and wraps it in an AwsOperationError (returned as is when it already is one). */
export function toAwsOperationError(err: unknown, context: ClassifyContext = {}): AwsOperationError {
  if (err instanceof AwsOperationError) return err;
  const c = classifyAwsError(err, context);
  return new AwsOperationError(c.code, c.message, c.retryable, {
    operation: context.operation,
    detail: c.detail,
    cause: err,
  });
}
