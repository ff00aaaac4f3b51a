import { z } from "zod";

/** An AWS::Timestream::Table (lib/aws/collectors/timestream-databases.ts), as ListTables describes it: retention, schema, magnetic store. */
export const timestreamTableRawSchema = z.looseObject({
  table: z.looseObject({
    TableName: z.string(),
    Arn: z.string().nullish(),
    DatabaseName: z.string().nullish(),
    TableStatus: z.string().nullish(),
    CreationTime: z.string().nullish(),
    LastUpdatedTime: z.string().nullish(),
    RetentionProperties: z
      .looseObject({ MemoryStoreRetentionPeriodInHours: z.number().nullish(), MagneticStoreRetentionPeriodInDays: z.number().nullish() })
      .nullish(),
    MagneticStoreWriteProperties: z
      .looseObject({
        EnableMagneticStoreWrites: z.boolean().nullish(),
        MagneticStoreRejectedDataLocation: z
          .looseObject({
            S3Configuration: z
              .looseObject({
                BucketName: z.string().nullish(),
                ObjectKeyPrefix: z.string().nullish(),
                EncryptionOption: z.string().nullish(),
                KmsKeyId: z.string().nullish(),
              })
              .nullish(),
          })
          .nullish(),
      })
      .nullish(),
    Schema: z
      .looseObject({
        CompositePartitionKey: z
          .array(z.looseObject({ Type: z.string().nullish(), Name: z.string().nullish(), EnforcementInRecord: z.string().nullish() }))
          .nullish(),
      })
      .nullish(),
  }),
});

export type TimestreamTableRaw = z.infer<typeof timestreamTableRawSchema>;
