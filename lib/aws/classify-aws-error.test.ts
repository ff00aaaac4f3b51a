import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IoTClient, ListTagsForResourceCommand } from "@aws-sdk/client-iot";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetTopicAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import {
  classifyAwsError,
  isOperationNotOffered,
  isPerRequestNetworkFailure,
  isThrottlingError,
  isTransientServerError,
  toAwsOperationError,
} from "@/lib/aws/classify-aws-error";
import { startLocalEndpoint, type LocalEndpoint, type LocalResponse } from "@/lib/aws/testing/start-local-endpoint";
import { testCredentials } from "@/lib/aws/testing/static-credentials";
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

describe("an operation the endpoint does not offer", () => {
  it.each([
    ["InternalFailure", 501, "API action 'ListThingPrincipals' for service 'iot' not yet implemented or pro feature"],
    ["Unknown", 501, "UnknownError"],
    ["UnknownOperationException", 404, "op"],
    ["UnknownOperationException", 400, "UnknownError"],
    ["InvalidAction", 400, "Could not find operation GetTopicAttributes for version 2010-03-31"],
    ["NotImplemented", 501, "A header you provided implies functionality that is not implemented"],
    ["Unknown", 404, "Not Found"],
    ["Unknown", 404, "UnknownError"],
    ["SyntaxError", 404, "Unexpected token '<', \"<html><bod\"... is not valid JSON\n  Deserialization error: to see the raw response..."],
    ["NotFoundException", 404, "Unknown"],
    ["InternalServerError", 500, "The ListX action has not been implemented"],
    ["MethodNotAllowed", 405, "The specified method is not allowed against this resource."],
  ])("%s (HTTP %i, %j) is OperationNotOffered, named in the message, and not retried", (name, status, message) => {
    const error = awsError(name, status, message);
    const c = classifyAwsError(error, { operation: "ListThingPrincipals" });
    expect(c).toMatchObject({ code: "OperationNotOffered", retryable: false });
    expect(c.message).toContain("This endpoint does not offer ListThingPrincipals");
    expect(c.message).not.toContain("deleted");
    expect(isOperationNotOffered(error)).toBe(true);
    expect(isTransientServerError(error)).toBe(false);
  });

  it.each([
    ["ResourceNotFoundException", 404, "The thing group g does not exist"],
    ["NoSuchEntity", 404, "The role with name r cannot be found."],
    ["NotFoundException", 404, "Topic does not exist"],
  ])("a 404 that names an AWS error (%s) is still about the resource", (name, status, message) => {
    expect(classifyAwsError(awsError(name, status, message)).code).toBe("NotFound");
  });

  it("keeps a plain 500 and 503 transient, and an unreadable 200 malformed", () => {
    expect(classifyAwsError(awsError("InternalFailureException", 500, "An unexpected error has occurred.")).code).toBe("ServiceUnavailable");
    expect(isTransientServerError(awsError("ServiceUnavailable", 503, "Service Unavailable"))).toBe(true);
    const garbage = awsError("SyntaxError", 200, "Unexpected token '<', \"<html>oops\" is not valid JSON\n  Deserialization error: ...");
    expect(classifyAwsError(garbage).code).toBe("MalformedResponse");
  });

  it("tells a timed-out or dropped request from an endpoint that cannot be reached", () => {
    const requestTimeout = Object.assign(new Error("@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout."), { name: "TimeoutError", code: "ETIMEDOUT" });
    const connectTimeout = Object.assign(new Error("@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms."), { name: "TimeoutError" });
    expect(isPerRequestNetworkFailure(requestTimeout)).toBe(true);
    expect(isPerRequestNetworkFailure(networkError("ECONNRESET"))).toBe(true);
    expect(isPerRequestNetworkFailure(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(isPerRequestNetworkFailure(connectTimeout)).toBe(false);
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]) expect(isPerRequestNetworkFailure(networkError(code)), code).toBe(false);
  });

  describe("as the real SDK clients see the answers of AWS-compatible endpoints", () => {
    let answer: LocalResponse = {};
    let server: LocalEndpoint;
    beforeAll(async () => {
      server = await startLocalEndpoint(() => answer);
    });
    afterAll(() => server.close());
    const options = () => ({ region: "us-east-1", credentials: testCredentials, endpoint: server.url, maxAttempts: 1 });
    const calls = () =>
      [
        ["restJson (IoT)", () => new IoTClient(options()).send(new ListTagsForResourceCommand({ resourceArn: "arn:aws:iot:us-east-1:123456789012:thinggroup/g" }))],
        ["awsJson (DynamoDB)", () => new DynamoDBClient(options()).send(new DescribeTableCommand({ TableName: "t" }))],
        ["awsQuery (SNS)", () => new SNSClient(options()).send(new GetTopicAttributesCommand({ TopicArn: "arn:aws:sns:us-east-1:123456789012:t" }))],
        ["restXml (S3)", () => new S3Client({ ...options(), forcePathStyle: true }).send(new GetBucketTaggingCommand({ Bucket: "b" }))],
      ] as const;

    it.each([
      ["501 with LocalStack's body", { status: 501, body: JSON.stringify({ __type: "InternalFailure", message: "API action 'X' for service 'iot' not yet implemented or pro feature" }) }],
      ["501 with no body", { status: 501, headers: { "content-type": "text/plain" }, body: "" }],
      ["404 with a web server's page", { status: 404, headers: { "content-type": "text/html" }, body: "<html><body>Not Found</body></html>" }],
      ["404 with no body", { status: 404, headers: { "content-type": "text/plain" }, body: "" }],
      ["404 with a JSON message only", { status: 404, body: JSON.stringify({ message: "Not Found" }) }],
      ["404 UnknownOperationException", { status: 404, headers: { "x-amzn-errortype": "UnknownOperationException" }, body: JSON.stringify({ __type: "UnknownOperationException", message: "op" }) }],
    ])("%s is OperationNotOffered through every protocol", async (_label, response: LocalResponse) => {
      answer = response;
      for (const [protocol, call] of calls()) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(classifyAwsError(error, { operation: "X" }).code, protocol).toBe("OperationNotOffered");
      }
    });
  });
});
