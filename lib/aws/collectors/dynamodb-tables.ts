import "server-only";
/**
 * DynamoDB tables: ListTables (100 names a call), then per table DescribeTable (keys, billing,
 * streams, encryption, global table replicas), DescribeContinuousBackups (point-in-time recovery)
 * and its tags. Relations: table encrypted-by KMS key; table replicates-to its replica in each
 * other region (global tables, version 2019.11.21).
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { dynamoDbTableArn, kmsKeyReference } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, dynamodbTablesPlan } from "@/lib/aws/collectors/dynamodb-tables.plan";


const describeSchema = z.looseObject({
  Table: z
    .looseObject({
      TableArn: z.string().min(1).nullish(),
      SSEDescription: z.looseObject({ KMSMasterKeyArn: z.string().min(1).nullish() }).nullish(),
      Replicas: z.array(z.looseObject({ RegionName: z.string().min(1).nullish() })).nullish(),
    })
    .nullish(),
});
const backupsSchema = z.looseObject({ ContinuousBackupsDescription: z.looseObject({}).nullish() });
const tagsPageSchema = z.looseObject({
  Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish(),
  NextToken: z.string().nullish(),
});

export const dynamoDbTablesCollector: CollectorDefinition = {
  ...dynamodbTablesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const dynamodb = ctx.clients.get(DynamoDBClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(dynamodb, new ListTablesCommand({ Limit: PAGE_SIZE, ExclusiveStartTableName: cursor ?? undefined }), {
            items: "TableNames",
            next: "LastEvaluatedTableName",
            item: z.string().min(1),
          }),
        async (names, batch) => {
          const details = await mapConcurrent(names, CONFIG_CONCURRENCY, async (name) => {
            const guessedArn = dynamoDbTableArn(ctx, name);
            const described = await calls.may(dynamodb, new DescribeTableCommand({ TableName: name }), describeSchema, { arn: guessedArn });
            const table = described?.Table ?? undefined;
            const arn = table?.TableArn ?? guessedArn;
            const backups = await calls.may(dynamodb, new DescribeContinuousBackupsCommand({ TableName: name }), backupsSchema, { arn });
            const tags = await drainPages(
              (NextToken) => calls.may(dynamodb, new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }), tagsPageSchema, { arn }),
              (page) => ({ items: page.Tags ?? [], next: page.NextToken }),
            );
            return { name, arn, table, backups, tags: tagsToRecord(tags ?? []) };
          });
          for (const { name, arn, table, backups, tags } of details) {
            batch.add({
              kind: KIND.dynamoDbTable,
              arn,
              name,
              tags,
              raw: {
                table: table ?? { TableName: name },
                ...(backups?.ContinuousBackupsDescription ? { continuousBackups: backups.ContinuousBackupsDescription } : {}),
              },
            });
            const key = table?.SSEDescription?.KMSMasterKeyArn;
            const ref = key ? kmsKeyReference(ctx, key) : undefined;
            if (ref) batch.relate(arn, ref.arn, REL.encryptedBy, ref.kind);
            for (const replica of table?.Replicas ?? []) {
              if (replica.RegionName && replica.RegionName !== ctx.region) {
                batch.relate(arn, dynamoDbTableArn({ ...ctx, region: replica.RegionName }, name), REL.replicatesTo, KIND.dynamoDbTable);
              }
            }
          }
        },
      );
    }),
};
