import { describe, expect, it } from "vitest";
import { classifyAwsError, isThrottlingError, toAwsOperationError } from "@/lib/aws/classify-aws-error";
import { AwsOperationError } from "@/lib/aws/aws-operation-error";
import { ReadOnlyViolationError } from "@/lib/aws/read-only-violation-error";
import { awsError } from "@/lib/aws/testing/run-collector";

const networkError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });

describe("classifyAwsError", () => {
  it.each([
    ["InvalidClientTokenId", 403, "InvalidCredentials"],
    ["UnrecognizedClientException", 400, "InvalidCredentials"],
    ["SignatureDoesNotMatch", 403, "InvalidCredentials"],
    ["ExpiredToken", 400, "ExpiredCredentials"],
    ["ExpiredTokenException", 400, "ExpiredCredentials"],
    ["AccessDenied", 403, "AccessDenied"],
    ["AccessDeniedException", 400, "AccessDenied"],
    ["UnauthorizedException", 401, "AccessDenied"],
    ["AuthorizationError", 403, "AccessDenied"],
    ["RegionDisabledException", 403, "RegionNotEnabled"],
    ["ThrottlingException", 400, "Throttled"],
    ["SlowDown", 503, "Throttled"],
    ["SomethingNew", 429, "Throttled"],
    ["ResourceNotFoundException", 404, "NotFound"],
    ["NoSuchEntity", 404, "NotFound"],
    ["InternalFailureException", 500, "ServiceUnavailable"],
    ["InvalidRequestException", 400, "Unknown"],
  ])("%s (HTTP %i) is %s", (name, status, code) => {
    expect(classifyAwsError(awsError(name, status)).code).toBe(code);
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN"])("%s is a retryable network error", (code) => {
    expect(classifyAwsError(networkError(code))).toMatchObject({ code: "NetworkError", retryable: true });
  });

  it("explains a missing credential chain and an expired SSO session", () => {
    const none = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(classifyAwsError(none).code).toBe("InvalidCredentials");
    const sso = Object.assign(new Error("The SSO session associated with this profile has expired"), { name: "CredentialsProviderError" });
    expect(classifyAwsError(sso).code).toBe("ExpiredCredentials");
  });

  it("says which operation was denied, and keeps AWS's own text out of the message", () => {
    const error = awsError("AccessDeniedException", 403, "User: arn:aws:iam::123456789012:user/x is not authorized to perform: iot:ListThings");
    const c = classifyAwsError(error, { operation: "ListThings" });
    expect(c.message).toContain("ListThings");
    expect(c.message).not.toContain("arn:aws:iam");
    expect(c.detail).toContain("not authorized");
    expect(c.retryable).toBe(false);
  });

  it("recognises a refused AssumeRole and a wrong clock", () => {
    expect(classifyAwsError(awsError("AccessDenied", 403, "not authorized to perform: sts:AssumeRole on resource")).message).toContain(
      "trust policy",
    );
    expect(classifyAwsError(awsError("InvalidSignatureException", 400, "Signature expired: 20260101T000000Z is now earlier than ...")).message).toContain(
      "clock",
    );
  });

  it("passes already-classified errors through", () => {
    const original = new AwsOperationError("RegionNotEnabled", "nope", false);
    expect(classifyAwsError(original)).toMatchObject({ code: "RegionNotEnabled", message: "nope" });
    expect(toAwsOperationError(original)).toBe(original);
    expect(classifyAwsError(new ReadOnlyViolationError("iot", "DeleteThing")).code).toBe("ReadOnlyViolation");
    expect(classifyAwsError("a string").code).toBe("Unknown");
    expect(classifyAwsError(Object.assign(new Error("aborted"), { name: "AbortError" })).code).toBe("Aborted");
  });

  it("looks through Timestream's endpoint discovery wrapper", () => {
    const wrapped = Object.assign(new Error("The operation to discover endpoint failed. Please retry."), { reason: awsError("AccessDeniedException", 403) });
    expect(classifyAwsError(wrapped).code).toBe("AccessDenied");
  });

  it("wraps with the operation and the cause", () => {
    const cause = awsError("ThrottlingException");
    const wrapped = toAwsOperationError(cause, { operation: "ListThings" });
    expect(wrapped).toMatchObject({ code: "Throttled", retryable: true, operation: "ListThings", cause });
  });

  it("knows the throttling names the retry strategy must retry", () => {
    for (const name of [
      "ThrottlingException",
      "TooManyRequestsException",
      "Throttling",
      "SlowDown",
      "ProvisionedThroughputExceededException",
      "RequestLimitExceeded",
    ]) {
      expect(isThrottlingError(awsError(name)), name).toBe(true);
    }
    expect(isThrottlingError(awsError("Whatever", 429))).toBe(true);
    expect(isThrottlingError(awsError("ValidationException"))).toBe(false);
  });
});
