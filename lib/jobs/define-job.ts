import "server-only";
import { JOB_PAYLOADS, JOB_SETTINGS, type JobName, type JobPayload, type JobSettings } from "@/lib/jobs/job-payloads";

export interface JobContext {
  jobId: string;
  /** Aborted when the worker is stopping; long jobs checkpoint and return. */
  signal: AbortSignal;
}

export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  settings: JobSettings;
  /** Validates a payload taken from the queue. */
  parse(data: unknown): JobPayload<N>;
  run(data: JobPayload<N>, ctx: JobContext): Promise<void>;
}

/**
 * A job's handler: one file each under lib/jobs/definitions, registered in
 * lib/jobs/job-registry.ts, which only the worker loads. Its name, payload schema and queue
 * settings live in lib/jobs/job-payloads.ts.
 */
export function defineJob<N extends JobName>(name: N, run: JobDefinition<N>["run"]): JobDefinition<N> {
  return {
    name,
    settings: JOB_SETTINGS[name],
    parse: (data) => JOB_PAYLOADS[name].parse(data) as JobPayload<N>,
    run,
  };
}
