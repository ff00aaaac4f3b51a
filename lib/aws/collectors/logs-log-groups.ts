import "server-only";
/**
 * CloudWatch Logs log groups: DescribeLogGroups (50 a call: retention, KMS key, stored bytes,
 * class) and the tags of each group. Relation: log group encrypted-by KMS key.
 * ARNs are recorded without the ":*" suffix of DescribeLogGroups' `arn` field.
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-cloudwatch-logs";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { kmsKeyReference, logGroupArn, withoutLogStreamWildcard } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, logsLogGroupsPlan } from "@/lib/aws/collectors/logs-log-groups.plan";


const logGroupSchema = z.looseObject({
  logGroupName: z.string().min(1),
  arn: z.string().min(1).nullish(),
  logGroupArn: z.string().min(1).nullish(),
  kmsKeyId: z.string().min(1).nullish(),
});
const tagsSchema = z.looseObject({ tags: z.record(z.string(), z.string()).nullish() });

export const logsLogGroupsCollector: CollectorDefinition = {
  ...logsLogGroupsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const logs = ctx.clients.get(CloudWatchLogsClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(logs, new DescribeLogGroupsCommand({ limit: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "logGroups",
            next: "nextToken",
            item: logGroupSchema,
          }),
        async (groups, batch) => {
          const details = await mapConcurrent(groups, CONFIG_CONCURRENCY, async (group) => {
            const arn = group.logGroupArn ?? (group.arn ? withoutLogStreamWildcard(group.arn) : logGroupArn(ctx, group.logGroupName));
            const out = await calls.may(logs, new ListTagsForResourceCommand({ resourceArn: arn }), tagsSchema, { arn });
            return { group, arn, tags: tagsToRecord(out?.tags ?? {}) };
          });
          for (const { group, arn, tags } of details) {
            batch.add({ kind: KIND.logGroup, arn, name: group.logGroupName, tags, raw: { logGroup: group } });
            const key = group.kmsKeyId ? kmsKeyReference(ctx, group.kmsKeyId) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
          }
        },
      );
    }),
};
