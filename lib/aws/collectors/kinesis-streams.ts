import "server-only";
/**
 * Kinesis data streams: ListStreams (with each stream's summary), then per stream
 * DescribeStreamSummary (retention, shard count, encryption) and ListTagsForStream. Relation:
 * stream encrypted-by KMS key (Kinesis gives the key as an id, alias or ARN; "alias/aws/kinesis"
 * is the AWS-managed key).
 */
import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, ListTagsForStreamCommand } from "@aws-sdk/client-kinesis";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { kinesisStreamArn, kmsKeyReference } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, kinesisStreamsPlan } from "@/lib/aws/collectors/kinesis-streams.plan";


const listSchema = z.looseObject({
  StreamNames: z.array(z.string().min(1)).nullish(),
  StreamSummaries: z.array(z.looseObject({ StreamName: z.string().min(1), StreamARN: z.string().min(1).nullish() })).nullish(),
  NextToken: z.string().nullish(),
  HasMoreStreams: z.boolean().nullish(),
});
const summarySchema = z.looseObject({
  StreamDescriptionSummary: z
    .looseObject({
      StreamARN: z.string().min(1).nullish(),
      EncryptionType: z.string().nullish(),
      KeyId: z.string().min(1).nullish(),
    })
    .nullish(),
});
const tagsPageSchema = z.looseObject({
  Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish(),
  HasMoreTags: z.boolean().nullish(),
});

export const kinesisStreamsCollector: CollectorDefinition = {
  ...kinesisStreamsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const kinesis = ctx.clients.get(KinesisClient);
      await walkPages(
        ctx,
        async (cursor) => {
          const out = await calls.must(kinesis, new ListStreamsCommand({ Limit: PAGE_SIZE, NextToken: cursor ?? undefined }), listSchema);
          // Older endpoints answer with names only.
          const items = out.StreamSummaries ?? (out.StreamNames ?? []).map((StreamName) => ({ StreamName, StreamARN: undefined }));
          return { items, next: out.HasMoreStreams === false ? null : (out.NextToken ?? null) };
        },
        async (streams, batch) => {
          const details = await mapConcurrent(streams, CONFIG_CONCURRENCY, async (stream) => {
            const listedArn = stream.StreamARN ?? kinesisStreamArn(ctx, stream.StreamName);
            const described = await calls.may(kinesis, new DescribeStreamSummaryCommand({ StreamARN: listedArn }), summarySchema, {
              arn: listedArn,
            });
            const summary = described?.StreamDescriptionSummary ?? undefined;
            const arn = summary?.StreamARN ?? listedArn;
            const tags = await drainPages(
              (ExclusiveStartTagKey) =>
                calls.may(kinesis, new ListTagsForStreamCommand({ StreamARN: arn, ExclusiveStartTagKey }), tagsPageSchema, { arn }),
              (page) => ({ items: page.Tags ?? [], next: page.HasMoreTags ? page.Tags?.at(-1)?.Key : undefined }),
            );
            return { stream, arn, summary, tags: tagsToRecord(tags ?? []) };
          });
          for (const { stream, arn, summary, tags } of details) {
            batch.add({ kind: KIND.kinesisStream, arn, name: stream.StreamName, tags, raw: { stream: summary ? { ...stream, ...summary } : stream } });
            const ref = summary?.EncryptionType === "KMS" && summary.KeyId ? kmsKeyReference(ctx, summary.KeyId) : undefined;
            if (ref) batch.relate(arn, ref.arn, REL.encryptedBy, ref.kind);
          }
        },
      );
    }),
};
