/**
 * Amazon Kinesis Data Streams (awsJson1_1; the SDK client talks HTTP/2): streams and tags.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { KinesisStream } from "../estate-types";
import { decodeToken, encodeToken } from "../pagination";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function stream(ctx: CallContext, input: Record<string, unknown>): KinesisStream {
  const arn = str(input, "StreamARN", "InvalidArgumentException");
  const name = str(input, "StreamName", "InvalidArgumentException") ?? arn?.split(":stream/")[1];
  if (!name) throw new AwsError(400, "InvalidArgumentException", "Either StreamName or StreamARN should be provided.");
  const s = ctx.index.streamByName.get(name);
  if (!s || (arn !== undefined && arn !== arns.kinesisStream(ctx.index.scope, name))) {
    throw new AwsError(400, "ResourceNotFoundException", `Stream ${name} under account ${ctx.accountId} not found.`);
  }
  return s;
}

export const kinesisService = defineJsonService({
  id: "kinesis",
  signingNames: ["kinesis"],
  protocol: "awsJson1_1",
  errors: withErrors(JSON_ERRORS, {
    throttling: { status: 400, code: "LimitExceededException", message: "Rate exceeded for account" },
    internal: { status: 500, code: "InternalFailureException", message: "Internal service failure." },
  }),
  handlers: {
    ListStreams(ctx, input) {
      const limit = int(input, "Limit", 1, 10_000, 100, "InvalidArgumentException");
      const streams = [...ctx.index.data.kinesisStreams].sort((a, b) => (a.name < b.name ? -1 : 1));
      const listing = `ListStreams|${ctx.region}`;
      let offset = decodeToken(listing, str(input, "NextToken", "InvalidArgumentException"));
      if (offset === null) throw new AwsError(400, "InvalidArgumentException", "NextToken is invalid or expired.");
      const start = str(input, "ExclusiveStartStreamName", "InvalidArgumentException");
      if (start !== undefined) offset = Math.max(offset, streams.filter((s) => s.name <= start).length);
      const page = streams.slice(offset, offset + limit);
      const more = offset + limit < streams.length;
      return {
        StreamNames: page.map((s) => s.name),
        HasMoreStreams: more,
        NextToken: more ? encodeToken(listing, offset + limit) : undefined,
        StreamSummaries: page.map((s) => ({
          StreamName: s.name,
          StreamARN: arns.kinesisStream(ctx.index.scope, s.name),
          StreamStatus: "ACTIVE",
          StreamModeDetails: { StreamMode: s.mode },
          StreamCreationTimestamp: s.creationDate,
        })),
      };
    },

    DescribeStreamSummary(ctx, input) {
      const s = stream(ctx, input);
      return {
        StreamDescriptionSummary: {
          StreamName: s.name,
          StreamARN: arns.kinesisStream(ctx.index.scope, s.name),
          StreamStatus: "ACTIVE",
          StreamModeDetails: { StreamMode: s.mode },
          RetentionPeriodHours: s.retentionHours,
          StreamCreationTimestamp: s.creationDate,
          EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
          EncryptionType: s.encryption,
          KeyId: s.kmsKeyId,
          OpenShardCount: s.shardCount,
          ConsumerCount: 0,
        },
      };
    },

    ListTagsForStream(ctx, input) {
      const s = stream(ctx, input);
      const limit = int(input, "Limit", 1, 50, 50, "InvalidArgumentException");
      const start = str(input, "ExclusiveStartTagKey", "InvalidArgumentException");
      const entries = Object.entries(s.tags).sort(([a], [b]) => (a < b ? -1 : 1));
      const from = start === undefined ? 0 : entries.filter(([k]) => k <= start).length;
      const page = entries.slice(from, from + limit);
      return { Tags: page.map(([Key, Value]) => ({ Key, Value })), HasMoreTags: from + limit < entries.length };
    },
  },
});
