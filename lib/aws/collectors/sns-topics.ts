import "server-only";
/**
 * SNS topics: ListTopics (100 a call), then per topic GetTopicAttributes and ListTagsForResource.
 * Subscriptions are not read: their endpoints are often e-mail addresses and phone numbers.
 * Relation: topic encrypted-by KMS key.
 */
import { GetTopicAttributesCommand, ListTagsForResourceCommand, ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { kmsKeyReference } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { arnResourceName, parseArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { snsTopicsPlan } from "@/lib/aws/collectors/sns-topics.plan";

const topicSchema = z.looseObject({ TopicArn: z.string().min(1) });
const attributesSchema = z.looseObject({
  Attributes: z.looseObject({ KmsMasterKeyId: z.string().min(1).nullish() }).nullish(),
});
const tagsSchema = z.looseObject({ Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish() });

export const snsTopicsCollector: CollectorDefinition = {
  ...snsTopicsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const sns = ctx.clients.get(SNSClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(sns, new ListTopicsCommand({ NextToken: cursor ?? undefined }), { items: "Topics", next: "NextToken", item: topicSchema }),
        async (topics, batch) => {
          const details = await mapConcurrent(topics, CONFIG_CONCURRENCY, async ({ TopicArn: arn }) => {
            const out = await calls.may(sns, new GetTopicAttributesCommand({ TopicArn: arn }), attributesSchema, { arn });
            const tags = await calls.may(sns, new ListTagsForResourceCommand({ ResourceArn: arn }), tagsSchema, { arn });
            return { arn, attributes: out?.Attributes ?? undefined, tags: tagsToRecord(tags?.Tags ?? []) };
          });
          for (const { arn, attributes, tags } of details) {
            batch.add({ kind: KIND.snsTopic, arn, name: arnResourceName(arn), tags, raw: { topicArn: arn, ...(attributes ? { attributes } : {}) } });
            const scope = { ...ctx, ...(parseArn(arn) ?? {}) };
            const key = attributes?.KmsMasterKeyId ? kmsKeyReference(scope, attributes.KmsMasterKeyId) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
          }
        },
      );
    }),
};
