/**
 * Amazon DynamoDB control plane (awsJson1_0): tables, continuous backups, tags.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { DynamoDbTable } from "../estate-types";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

const notFound = (message: string) => new AwsError(400, "ResourceNotFoundException", message);

function table(ctx: CallContext, nameOrArn: string | undefined): DynamoDbTable {
  if (!nameOrArn) throw new AwsError(400, "ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  const name = nameOrArn.startsWith("arn:") ? (nameOrArn.split(":table/")[1] ?? "") : nameOrArn;
  if (nameOrArn.startsWith("arn:") && nameOrArn !== arns.dynamodbTable(ctx.index.scope, name)) throw notFound(`Requested resource not found: Table: ${name} not found`);
  const t = ctx.index.tableByName.get(name);
  if (!t) throw notFound(`Requested resource not found: Table: ${name} not found`);
  return t;
}

export const dynamodbService = defineJsonService({
  id: "dynamodb",
  signingNames: ["dynamodb"],
  protocol: "awsJson1_0",
  errorTypePrefix: "com.amazonaws.dynamodb.v20120810#",
  errors: withErrors(JSON_ERRORS, {
    internal: { status: 500, code: "InternalServerError", message: "Internal server error" },
  }),
  handlers: {
    ListTables(ctx, input) {
      const limit = int(input, "Limit", 1, 100, 100);
      const start = str(input, "ExclusiveStartTableName");
      const names = [...ctx.index.tableByName.keys()].sort();
      const from = start === undefined ? 0 : names.findIndex((n) => n > start);
      const begin = from === -1 ? names.length : from;
      const page = names.slice(begin, begin + limit);
      const more = begin + limit < names.length;
      return { TableNames: page, LastEvaluatedTableName: more ? page[page.length - 1] : undefined };
    },

    DescribeTable(ctx, input) {
      const t = table(ctx, str(input, "TableName"));
      const scope = ctx.index.scope;
      const tableArn = arns.dynamodbTable(scope, t.name);
      const streamLabel = new Date((t.creationDate + 60) * 1000).toISOString().replace("Z", "");
      return {
        Table: {
          AttributeDefinitions: t.keySchema.map((k) => ({ AttributeName: k.attributeName, AttributeType: k.attributeType })),
          TableName: t.name,
          KeySchema: t.keySchema.map((k) => ({ AttributeName: k.attributeName, KeyType: k.keyType })),
          TableStatus: "ACTIVE",
          CreationDateTime: t.creationDate,
          ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: t.provisioned?.read ?? 0, WriteCapacityUnits: t.provisioned?.write ?? 0 },
          TableSizeBytes: t.sizeBytes,
          ItemCount: t.itemCount,
          TableArn: tableArn,
          TableId: t.id,
          BillingModeSummary: { BillingMode: t.billingMode, LastUpdateToPayPerRequestDateTime: t.billingMode === "PAY_PER_REQUEST" ? t.creationDate : undefined },
          StreamSpecification: t.streamEnabled ? { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } : undefined,
          LatestStreamLabel: t.streamEnabled ? streamLabel : undefined,
          LatestStreamArn: t.streamEnabled ? `${tableArn}/stream/${streamLabel}` : undefined,
          GlobalTableVersion: t.replicaRegions ? "2019.11.21" : undefined,
          Replicas: t.replicaRegions?.filter((r) => r !== ctx.region).map((r) => ({ RegionName: r, ReplicaStatus: "ACTIVE", ReplicaTableClassSummary: { TableClass: "STANDARD" } })),
          SSEDescription: t.sse ? { Status: "ENABLED", SSEType: t.sse.sseType, KMSMasterKeyArn: t.sse.kmsKeyArn } : undefined,
          TableClassSummary: { TableClass: "STANDARD" },
          DeletionProtectionEnabled: t.pointInTimeRecovery,
        },
      };
    },

    DescribeContinuousBackups(ctx, input) {
      const name = str(input, "TableName");
      const t = ctx.index.tableByName.get(name ?? "");
      if (!t) throw new AwsError(400, "TableNotFoundException", `Table not found: ${name}`);
      const now = Math.floor(Date.now() / 1000);
      return {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: "ENABLED",
          PointInTimeRecoveryDescription: t.pointInTimeRecovery
            ? { PointInTimeRecoveryStatus: "ENABLED", RecoveryPeriodInDays: 35, EarliestRestorableDateTime: Math.max(t.creationDate, now - 35 * 86_400), LatestRestorableDateTime: now - 300 }
            : { PointInTimeRecoveryStatus: "DISABLED" },
        },
      };
    },

    ListTagsOfResource(ctx, input) {
      const arn = str(input, "ResourceArn");
      const name = arn?.split(":table/")[1];
      const t = name ? ctx.index.tableByName.get(name) : undefined;
      if (!arn || !t || arn !== arns.dynamodbTable(ctx.index.scope, t.name)) throw new AwsError(400, "ResourceNotFoundException", `Requested resource not found: ResourcArn: ${arn} not found`);
      return { Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })) };
    },
  },
});
