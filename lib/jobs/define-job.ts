import "server-only";
import type { z, ZodType } from "zod";

export interface JobContext {
  jobId: string;
  /** Aborted when the worker is stopping; long jobs checkpoint and return. */
  signal: AbortSignal;
}

export interface JobDefinition<Schema extends ZodType = ZodType> {
  name: string;
  data: Schema;
  run(data: z.infer<Schema>, ctx: JobContext): Promise<void>;
  /** Retries after a crash or an error (the job must be safe to run again). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long one run may take before the queue considers it lost and retries it. */
  expireInMinutes?: number;
  /** Cron schedule (UTC) for recurring jobs. */
  cron?: string;
}

/** Jobs are one file each under lib/jobs/definitions, registered in lib/jobs/job-registry.ts. */
export function defineJob<Schema extends ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}
