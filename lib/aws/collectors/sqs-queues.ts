import "server-only";
/**
 * SQS queues: ListQueues (up to 1,000 URLs a call), then per queue GetQueueAttributes (All) and
 * ListQueueTags. Relations: queue encrypted-by KMS key, queue dead-letters-to its dead-letter
 * queue (from the redrive policy).
 */
import { GetQueueAttributesCommand, ListQueueTagsCommand, ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { kmsKeyReference, sqsQueueArnFromUrl } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, sqsQueuesPlan } from "@/lib/aws/collectors/sqs-queues.plan";


const attributesSchema = z.looseObject({
  Attributes: z
    .looseObject({
      QueueArn: z.string().min(1).nullish(),
      KmsMasterKeyId: z.string().min(1).nullish(),
      RedrivePolicy: z.string().nullish(),
    })
    .nullish(),
});
const tagsSchema = z.looseObject({ Tags: z.record(z.string(), z.string()).nullish() });
const redrivePolicySchema = z.looseObject({ deadLetterTargetArn: z.string().min(1) });

export const sqsQueuesCollector: CollectorDefinition = {
  ...sqsQueuesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const sqs = ctx.clients.get(SQSClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(sqs, new ListQueuesCommand({ MaxResults: PAGE_SIZE, NextToken: cursor ?? undefined }), {
            items: "QueueUrls",
            next: "NextToken",
            item: z.string().min(1),
          }),
        async (urls, batch) => {
          const details = await mapConcurrent(urls, CONFIG_CONCURRENCY, async (url) => {
            const guessedArn = sqsQueueArnFromUrl(ctx, url) ?? url;
            const out = await calls.may(sqs, new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }), attributesSchema, {
              arn: guessedArn,
            });
            const attributes = out?.Attributes ?? undefined;
            const arn = attributes?.QueueArn ?? guessedArn;
            const tags = await calls.may(sqs, new ListQueueTagsCommand({ QueueUrl: url }), tagsSchema, { arn });
            return { url, arn, attributes, tags: tagsToRecord(tags?.Tags ?? {}) };
          });
          for (const { url, arn, attributes, tags } of details) {
            const name = decodeURIComponent(url.split("/").filter(Boolean).at(-1) ?? url);
            batch.add({ kind: KIND.sqsQueue, arn, name, tags, raw: { queueUrl: url, ...(attributes ? { attributes } : {}) } });
            const key = attributes?.KmsMasterKeyId ? kmsKeyReference(ctx, attributes.KmsMasterKeyId) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
            const deadLetter = parseRedrivePolicy(attributes?.RedrivePolicy);
            if (deadLetter) batch.relate(arn, deadLetter, REL.deadLettersTo, KIND.sqsQueue);
          }
        },
      );
    }),
};

function parseRedrivePolicy(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const parsed = redrivePolicySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.deadLetterTargetArn : undefined;
  } catch {
    return undefined;
  }
}
