/**
 * The error codes each protocol family answers for the cross-cutting failures (throttling,
 * internal error, access denied, bad credentials, unknown operation). Services start from their
 * family's set and override what their API does differently.
 */
import type { ErrorShape, ServiceErrors } from "./service-types";

const INVALID_TOKEN = "The security token included in the request is invalid.";
const BAD_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const EXPIRED = "The security token included in the request is expired";

/** awsJson1_0 / awsJson1_1 services (DynamoDB, Kinesis, KMS, CloudWatch Logs, CloudTrail...). */
export const JSON_ERRORS: ServiceErrors = {
  throttling: { status: 400, code: "ThrottlingException", message: "Rate exceeded" },
  internal: { status: 500, code: "InternalFailure", message: "The request processing has failed because of an unknown error, exception or failure." },
  accessDenied: { status: 400, code: "AccessDeniedException" },
  unrecognizedClient: { status: 400, code: "UnrecognizedClientException", message: INVALID_TOKEN },
  badSignature: { status: 400, code: "InvalidSignatureException", message: BAD_SIGNATURE },
  expiredToken: { status: 400, code: "ExpiredTokenException", message: EXPIRED },
  unknownOperation: { status: 400, code: "UnknownOperationException" },
};

/** restJson1 services (IoT, IoT data plane, Lambda). */
export const REST_JSON_ERRORS: ServiceErrors = {
  throttling: { status: 429, code: "ThrottlingException", message: "Rate exceeded" },
  internal: { status: 500, code: "InternalFailureException", message: "An unexpected error has occurred." },
  accessDenied: { status: 403, code: "AccessDeniedException" },
  unrecognizedClient: { status: 403, code: "UnrecognizedClientException", message: INVALID_TOKEN },
  badSignature: { status: 403, code: "InvalidSignatureException", message: BAD_SIGNATURE },
  expiredToken: { status: 403, code: "ExpiredTokenException", message: EXPIRED },
  unknownOperation: { status: 404, code: "UnknownOperationException" },
};

/** awsQuery services (IAM, STS, SNS). */
export const QUERY_ERRORS: ServiceErrors = {
  throttling: { status: 400, code: "Throttling", message: "Rate exceeded" },
  internal: { status: 500, code: "InternalFailure", message: "An internal error occurred." },
  accessDenied: { status: 403, code: "AccessDenied" },
  unrecognizedClient: { status: 403, code: "InvalidClientTokenId", message: INVALID_TOKEN },
  badSignature: { status: 403, code: "SignatureDoesNotMatch", message: BAD_SIGNATURE },
  expiredToken: { status: 403, code: "ExpiredToken", message: EXPIRED },
  unknownOperation: { status: 400, code: "InvalidAction" },
};

/** Amazon S3 (restXml). */
export const S3_ERRORS: ServiceErrors = {
  throttling: { status: 503, code: "SlowDown", message: "Please reduce your request rate." },
  internal: { status: 500, code: "InternalError", message: "We encountered an internal error. Please try again." },
  accessDenied: { status: 403, code: "AccessDenied", message: "Access Denied" },
  unrecognizedClient: { status: 403, code: "InvalidAccessKeyId", message: "The AWS Access Key Id you provided does not exist in our records." },
  badSignature: {
    status: 403,
    code: "SignatureDoesNotMatch",
    message: "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  },
  expiredToken: { status: 400, code: "ExpiredToken", message: "The provided token has expired." },
  unknownOperation: { status: 405, code: "MethodNotAllowed", message: "The specified method is not allowed against this resource." },
};

export function withErrors(base: ServiceErrors, overrides: Partial<Record<keyof ServiceErrors, ErrorShape>>): ServiceErrors {
  return { ...base, ...overrides };
}
