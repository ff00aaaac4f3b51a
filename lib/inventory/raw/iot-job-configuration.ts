import { z } from "zod";

/** The rollout, abort, timeout, retry and presigned-URL settings jobs and job templates share. */

export const presignedUrlConfigSchema = z.looseObject({ roleArn: z.string().nullish(), expiresInSec: z.number().nullish() });

export const jobRolloutConfigSchema = z.looseObject({
  maximumPerMinute: z.number().nullish(),
  exponentialRate: z
    .looseObject({
      baseRatePerMinute: z.number().nullish(),
      incrementFactor: z.number().nullish(),
      rateIncreaseCriteria: z
        .looseObject({ numberOfNotifiedThings: z.number().nullish(), numberOfSucceededThings: z.number().nullish() })
        .nullish(),
    })
    .nullish(),
});

export const jobAbortConfigSchema = z.looseObject({
  criteriaList: z
    .array(
      z.looseObject({
        failureType: z.string().nullish(),
        action: z.string().nullish(),
        thresholdPercentage: z.number().nullish(),
        minNumberOfExecutedThings: z.number().nullish(),
      }),
    )
    .nullish(),
});

export const jobTimeoutConfigSchema = z.looseObject({ inProgressTimeoutInMinutes: z.number().nullish() });

export const jobRetryConfigSchema = z.looseObject({
  criteriaList: z.array(z.looseObject({ failureType: z.string().nullish(), numberOfRetries: z.number().nullish() })).nullish(),
});

/**
 * A job document as stored: the parsed JSON document, redacted like every raw value (pre-signed
 * URL credentials and secrets removed; the operation, placeholders and S3 bucket and key kept),
 * or its text when it is not JSON (still redacted).
 */
export const jobDocumentSchema = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);
