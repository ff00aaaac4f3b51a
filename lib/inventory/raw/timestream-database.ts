import { z } from "zod";

/** An AWS::Timestream::Database (lib/aws/collectors/timestream-databases.ts), as ListDatabases describes it. */
export const timestreamDatabaseRawSchema = z.looseObject({
  database: z.looseObject({
    DatabaseName: z.string(),
    Arn: z.string().nullish(),
    KmsKeyId: z.string().nullish(),
    TableCount: z.number().nullish(),
    CreationTime: z.string().nullish(),
    LastUpdatedTime: z.string().nullish(),
  }),
});

export type TimestreamDatabaseRaw = z.infer<typeof timestreamDatabaseRawSchema>;
