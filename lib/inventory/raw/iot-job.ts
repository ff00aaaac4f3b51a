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
 * An AWS::IoT::Job (lib/aws/collectors/iot-jobs.ts): the list entry merged with DescribeJob's job
 * (targets, status, rollout and abort settings, template), where its document comes from, and the
 * job document GetJobDocument returned.
 */
export const iotJobRawSchema = z.looseObject({
  job: z.looseObject({
    jobId: z.string(),
    jobArn: z.string().nullish(),
    status: z.string().nullish(),
    targetSelection: z.string().nullish(),
    targets: z.array(z.string()).nullish(),
    description: z.string().nullish(),
    thingGroupId: z.string().nullish(),
    jobTemplateArn: z.string().nullish(),
    namespaceId: z.string().nullish(),
    isConcurrent: z.boolean().nullish(),
    forceCanceled: z.boolean().nullish(),
    reasonCode: z.string().nullish(),
    comment: z.string().nullish(),
    createdAt: z.string().nullish(),
    lastUpdatedAt: z.string().nullish(),
    completedAt: z.string().nullish(),
    presignedUrlConfig: presignedUrlConfigSchema.nullish(),
    jobExecutionsRolloutConfig: jobRolloutConfigSchema.nullish(),
    abortConfig: jobAbortConfigSchema.nullish(),
    timeoutConfig: jobTimeoutConfigSchema.nullish(),
    jobExecutionsRetryConfig: jobRetryConfigSchema.nullish(),
    documentParameters: z.record(z.string(), z.string()).nullish(),
    jobProcessDetails: z
      .looseObject({
        processingTargets: z.array(z.string()).nullish(),
        numberOfQueuedThings: z.number().nullish(),
        numberOfInProgressThings: z.number().nullish(),
        numberOfSucceededThings: z.number().nullish(),
        numberOfFailedThings: z.number().nullish(),
        numberOfRejectedThings: z.number().nullish(),
        numberOfCanceledThings: z.number().nullish(),
        numberOfRemovedThings: z.number().nullish(),
        numberOfTimedOutThings: z.number().nullish(),
      })
      .nullish(),
  }),
  /** An S3 URL of the document, when the job was created from one. */
  documentSource: z.string().optional(),
  /** The job document GetJobDocument returned: parsed and redacted, or its redacted text when it is not JSON. */
  document: jobDocumentSchema.nullish(),
});

export type IotJobRaw = z.infer<typeof iotJobRawSchema>;
