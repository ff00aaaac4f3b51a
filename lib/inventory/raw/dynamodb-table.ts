import { z } from "zod";

const keySchema = z.array(z.looseObject({ AttributeName: z.string(), KeyType: z.string() })).nullish();
const indexes = z.array(z.looseObject({ IndexName: z.string().nullish(), KeySchema: keySchema })).nullish();

/**
 * An AWS::DynamoDB::Table (lib/aws/collectors/dynamodb-tables.ts): DescribeTable's table (only its
 * name when that could not be read) and its point-in-time recovery state.
 */
export const dynamoDbTableRawSchema = z.looseObject({
  table: z.looseObject({
    /** Absent only when DescribeTable answered without it; the row's name is the listed name. */
    TableName: z.string().nullish(),
    TableArn: z.string().nullish(),
    TableId: z.string().nullish(),
    TableStatus: z.string().nullish(),
    CreationDateTime: z.string().nullish(),
    KeySchema: keySchema,
    AttributeDefinitions: z.array(z.looseObject({ AttributeName: z.string(), AttributeType: z.string() })).nullish(),
    BillingModeSummary: z.looseObject({ BillingMode: z.string().nullish() }).nullish(),
    ProvisionedThroughput: z.looseObject({ ReadCapacityUnits: z.number().nullish(), WriteCapacityUnits: z.number().nullish() }).nullish(),
    ItemCount: z.number().nullish(),
    TableSizeBytes: z.number().nullish(),
    StreamSpecification: z.looseObject({ StreamEnabled: z.boolean().nullish(), StreamViewType: z.string().nullish() }).nullish(),
    LatestStreamArn: z.string().nullish(),
    SSEDescription: z
      .looseObject({ Status: z.string().nullish(), SSEType: z.string().nullish(), KMSMasterKeyArn: z.string().nullish() })
      .nullish(),
    /** Global tables (2019.11.21): one entry per region holding a replica. */
    Replicas: z.array(z.looseObject({ RegionName: z.string().nullish(), ReplicaStatus: z.string().nullish(), KMSMasterKeyId: z.string().nullish() })).nullish(),
    GlobalTableVersion: z.string().nullish(),
    TableClassSummary: z.looseObject({ TableClass: z.string().nullish() }).nullish(),
    DeletionProtectionEnabled: z.boolean().nullish(),
    GlobalSecondaryIndexes: indexes,
    LocalSecondaryIndexes: indexes,
  }),
  continuousBackups: z
    .looseObject({
      ContinuousBackupsStatus: z.string().nullish(),
      PointInTimeRecoveryDescription: z
        .looseObject({
          PointInTimeRecoveryStatus: z.string().nullish(),
          RecoveryPeriodInDays: z.number().nullish(),
          EarliestRestorableDateTime: z.string().nullish(),
          LatestRestorableDateTime: z.string().nullish(),
        })
        .nullish(),
    })
    .optional(),
});

export type DynamoDbTableRaw = z.infer<typeof dynamoDbTableRawSchema>;
