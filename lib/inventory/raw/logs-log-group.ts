import { z } from "zod";

/**
 * An AWS::Logs::LogGroup (lib/aws/collectors/logs-log-groups.ts), as DescribeLogGroups describes
 * it: retention, KMS key, size, class. `creationTime` is epoch milliseconds, as AWS gives it.
 */
export const logsLogGroupRawSchema = z.looseObject({
  logGroup: z.looseObject({
    logGroupName: z.string(),
    arn: z.string().nullish(),
    logGroupArn: z.string().nullish(),
    creationTime: z.number().nullish(),
    retentionInDays: z.number().nullish(),
    metricFilterCount: z.number().nullish(),
    storedBytes: z.number().nullish(),
    kmsKeyId: z.string().nullish(),
    dataProtectionStatus: z.string().nullish(),
    logGroupClass: z.string().nullish(),
    deletionProtectionEnabled: z.boolean().nullish(),
  }),
});

export type LogsLogGroupRaw = z.infer<typeof logsLogGroupRawSchema>;
