import "server-only";
/**
 * Timestream (LiveAnalytics) databases and their tables: ListDatabases (20 a call), then per
 * database ListTables and the tags of the database and of each table. Relations: database
 * encrypted-by KMS key, table part-of database.
 *
 * The Timestream Write client finds its regional endpoint by calling DescribeEndpoints itself
 * (endpoint discovery); that call goes through the same read-only, rate-limited client.
 */
import {
  ListDatabasesCommand,
  ListTablesCommand,
  ListTagsForResourceCommand,
  TimestreamWriteClient,
} from "@aws-sdk/client-timestream-write";
import { z } from "zod";
import type { CollectorContext, CollectorDefinition } from "@/lib/aws/collector-types";
import { kmsKeyReference, timestreamDatabaseArn, timestreamTableArn } from "@/lib/aws/build-arn";
import { withCollectorCalls, type CollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, timestreamDatabasesPlan } from "@/lib/aws/collectors/timestream-databases.plan";


const databaseSchema = z.looseObject({
  DatabaseName: z.string().min(1),
  Arn: z.string().min(1).nullish(),
  KmsKeyId: z.string().min(1).nullish(),
});
const tablesPageSchema = z.looseObject({
  Tables: z.array(z.looseObject({ TableName: z.string().min(1), Arn: z.string().min(1).nullish() })).nullish(),
  NextToken: z.string().nullish(),
});
const tagsSchema = z.looseObject({ Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish() });

export const timestreamDatabasesCollector: CollectorDefinition = {
  ...timestreamDatabasesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const timestream = ctx.clients.get(TimestreamWriteClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(timestream, new ListDatabasesCommand({ MaxResults: PAGE_SIZE, NextToken: cursor ?? undefined }), {
            items: "Databases",
            next: "NextToken",
            item: databaseSchema,
          }),
        async (databases, batch) => {
          const details = await mapConcurrent(databases, CONFIG_CONCURRENCY, async (database) => {
            const arn = database.Arn ?? timestreamDatabaseArn(ctx, database.DatabaseName);
            const tables = await drainPages(
              (NextToken) =>
                calls.may(
                  timestream,
                  new ListTablesCommand({ DatabaseName: database.DatabaseName, MaxResults: PAGE_SIZE, NextToken }),
                  tablesPageSchema,
                  { arn },
                ),
              (page) => ({ items: page.Tables ?? [], next: page.NextToken }),
            );
            const tableTags = await mapConcurrent(tables ?? [], CONFIG_CONCURRENCY, (table) =>
              readTags(ctx, calls, table.Arn ?? timestreamTableArn(ctx, database.DatabaseName, table.TableName)),
            );
            return { database, arn, tables: tables ?? [], tableTags, tags: await readTags(ctx, calls, arn) };
          });
          for (const { database, arn, tables, tableTags, tags } of details) {
            batch.add({ kind: KIND.timestreamDatabase, arn, name: database.DatabaseName, tags, raw: { database } });
            const key = database.KmsKeyId ? kmsKeyReference(ctx, database.KmsKeyId) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
            tables.forEach((table, i) => {
              const tableArn = table.Arn ?? timestreamTableArn(ctx, database.DatabaseName, table.TableName);
              batch.add({ kind: KIND.timestreamTable, arn: tableArn, name: `${database.DatabaseName}.${table.TableName}`, tags: tableTags[i], raw: { table } });
              batch.relate(tableArn, arn, REL.partOf, KIND.timestreamDatabase);
            });
          }
        },
      );
    }),
};

async function readTags(ctx: CollectorContext, calls: CollectorCalls, arn: string): Promise<Record<string, string>> {
  const out = await calls.may(ctx.clients.get(TimestreamWriteClient), new ListTagsForResourceCommand({ ResourceARN: arn }), tagsSchema, { arn });
  return tagsToRecord(out?.Tags ?? []);
}
