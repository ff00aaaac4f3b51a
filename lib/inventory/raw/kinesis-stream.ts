import { z } from "zod";

/**
 * An AWS::Kinesis::Stream (lib/aws/collectors/kinesis-streams.ts): the ListStreams summary merged
 * with DescribeStreamSummary (mode, retention, shards, encryption).
 */
export const kinesisStreamRawSchema = z.looseObject({
  stream: z.looseObject({
    StreamName: z.string(),
    StreamARN: z.string().nullish(),
    StreamStatus: z.string().nullish(),
    StreamModeDetails: z.looseObject({ StreamMode: z.string().nullish() }).nullish(),
    RetentionPeriodHours: z.number().nullish(),
    StreamCreationTimestamp: z.string().nullish(),
    /** "KMS" or "NONE". */
    EncryptionType: z.string().nullish(),
    /** A key id, alias or ARN ("alias/aws/kinesis" is the AWS-managed key). */
    KeyId: z.string().nullish(),
    OpenShardCount: z.number().nullish(),
    ConsumerCount: z.number().nullish(),
    EnhancedMonitoring: z.array(z.looseObject({ ShardLevelMetrics: z.array(z.string()).nullish() })).nullish(),
  }),
});

export type KinesisStreamRaw = z.infer<typeof kinesisStreamRawSchema>;
