import { z } from "zod";
import {
  jobAbortConfigSchema,
  jobDocumentSchema,
  jobRetryConfigSchema,
  jobRolloutConfigSchema,
  jobTimeoutConfigSchema,
  presignedUrlConfigSchema,
} from "@/lib/inventory/raw/iot-job-configuration";

/**
 * An AWS::IoT::JobTemplate (lib/aws/collectors/iot-job-templates.ts): the list entry merged with
 * DescribeJobTemplate (document, rollout, abort, timeout and retry settings).
 */
export const iotJobTemplateRawSchema = z.looseObject({
  jobTemplate: z.looseObject({
    jobTemplateId: z.string(),
    jobTemplateArn: z.string().nullish(),
    description: z.string().nullish(),
    documentSource: z.string().nullish(),
    /** The job document: parsed and redacted, or its redacted text when it is not JSON. */
    document: jobDocumentSchema.nullish(),
    createdAt: z.string().nullish(),
    presignedUrlConfig: presignedUrlConfigSchema.nullish(),
    jobExecutionsRolloutConfig: jobRolloutConfigSchema.nullish(),
    abortConfig: jobAbortConfigSchema.nullish(),
    timeoutConfig: jobTimeoutConfigSchema.nullish(),
    jobExecutionsRetryConfig: jobRetryConfigSchema.nullish(),
    maintenanceWindows: z.array(z.looseObject({ startTime: z.string().nullish(), durationInMinutes: z.number().nullish() })).nullish(),
    destinationPackageVersions: z.array(z.string()).nullish(),
  }),
});

export type IotJobTemplateRaw = z.infer<typeof iotJobTemplateRawSchema>;
