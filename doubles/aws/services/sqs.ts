/**
 * Amazon SQS (awsJson1_0, query-compatible errors). Queue URLs point back at the stand-in (as
 * local AWS emulators do), because the SDK sends each queue call to the host of its queue URL;
 * queues are looked up by the account and name in the URL and the region the call is signed for.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { SqsQueue } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function queueUrl(ctx: CallContext, q: SqsQueue): string {
  return `${ctx.origin}/${ctx.accountId}/${q.name}`;
}

function queue(ctx: CallContext, input: Record<string, unknown>): SqsQueue {
  const url = str(input, "QueueUrl", "InvalidAddress");
  if (!url) throw new AwsError(400, "InvalidAddress", "The address QueueUrl is not valid for this endpoint.", { queryCode: "InvalidAddress" });
  const parts = url.replace(/\/+$/, "").split("/");
  const name = parts[parts.length - 1] ?? "";
  const account = parts[parts.length - 2];
  const q = ctx.index.queueByName.get(name);
  if (!q || account !== ctx.accountId) {
    throw new AwsError(400, "QueueDoesNotExist", "The specified queue does not exist.", { queryCode: "AWS.SimpleQueueService.NonExistentQueue" });
  }
  return q;
}

function attributes(ctx: CallContext, q: SqsQueue): Record<string, string> {
  const attrs: Record<string, string> = {
    QueueArn: arns.sqsQueue(ctx.index.scope, q.name),
    ApproximateNumberOfMessages: "0",
    ApproximateNumberOfMessagesNotVisible: "0",
    ApproximateNumberOfMessagesDelayed: "0",
    CreatedTimestamp: String(q.createdTimestamp),
    LastModifiedTimestamp: String(q.createdTimestamp),
    VisibilityTimeout: String(q.visibilityTimeout),
    MaximumMessageSize: String(q.maximumMessageSize),
    MessageRetentionPeriod: String(q.messageRetentionPeriod),
    DelaySeconds: String(q.delaySeconds),
    ReceiveMessageWaitTimeSeconds: "0",
    SqsManagedSseEnabled: String(q.sqsManagedSse),
  };
  if (q.kmsKeyId) {
    attrs.KmsMasterKeyId = q.kmsKeyId;
    attrs.KmsDataKeyReusePeriodSeconds = "300";
  }
  if (q.deadLetterTargetName) {
    attrs.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: arns.sqsQueue(ctx.index.scope, q.deadLetterTargetName), maxReceiveCount: q.maxReceiveCount ?? 5 });
  }
  if (q.fifo) {
    attrs.FifoQueue = "true";
    attrs.ContentBasedDeduplication = "false";
  }
  return attrs;
}

export const sqsService = defineJsonService({
  id: "sqs",
  signingNames: ["sqs"],
  protocol: "awsJson1_0",
  errorTypePrefix: "com.amazonaws.sqs#",
  queryCompatible: true,
  errors: withErrors(JSON_ERRORS, {
    throttling: { status: 400, code: "RequestThrottled", message: "Request is throttled.", queryCode: "RequestThrottled" },
    internal: { status: 500, code: "InternalError", message: "We encountered an internal error. Please try again.", queryCode: "InternalError" },
    accessDenied: { status: 403, code: "AccessDeniedException", queryCode: "AccessDenied" },
    unrecognizedClient: { status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid.", queryCode: "InvalidClientTokenId" },
    badSignature: { status: 403, code: "SignatureDoesNotMatch", message: JSON_ERRORS.badSignature.message, queryCode: "SignatureDoesNotMatch" },
    expiredToken: { status: 403, code: "ExpiredToken", message: JSON_ERRORS.expiredToken.message, queryCode: "ExpiredToken" },
    unknownOperation: { status: 400, code: "UnsupportedOperation", queryCode: "AWS.SimpleQueueService.UnsupportedOperation" },
  }),
  handlers: {
    ListQueues(ctx, input) {
      const prefix = str(input, "QueueNamePrefix") ?? "";
      const maxGiven = input.MaxResults !== undefined;
      const max = int(input, "MaxResults", 1, 1000, 1000);
      const listing = `ListQueues|${ctx.region}|${prefix}`;
      const offset = decodeToken(listing, str(input, "NextToken"));
      if (offset === null) throw new AwsError(400, "InvalidParameterValue", "Invalid NextToken value.", { queryCode: "InvalidParameterValue" });
      const all = ctx.index.data.sqsQueues.filter((q) => q.name.startsWith(prefix));
      const page = slicePage(all, offset, max);
      return {
        QueueUrls: page.items.length > 0 ? page.items.map((q) => queueUrl(ctx, q)) : undefined,
        // SQS only paginates when MaxResults was given
        NextToken: maxGiven && page.nextOffset !== undefined ? encodeToken(listing, page.nextOffset) : undefined,
      };
    },

    GetQueueAttributes(ctx, input) {
      const q = queue(ctx, input);
      const names = Array.isArray(input.AttributeNames) ? (input.AttributeNames as unknown[]).map(String) : [];
      const all = attributes(ctx, q);
      if (names.length === 0) return {};
      if (names.includes("All")) return { Attributes: all };
      return { Attributes: Object.fromEntries(Object.entries(all).filter(([k]) => names.includes(k))) };
    },

    ListQueueTags(ctx, input) {
      const q = queue(ctx, input);
      return { Tags: Object.keys(q.tags).length > 0 ? q.tags : undefined };
    },
  },
});
