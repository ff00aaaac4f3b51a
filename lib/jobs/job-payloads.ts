import { z } from "zod";

/**
 * Every job Silkroute queues: its name, the schema of its payload, and how the queue treats it.
 * Kept apart from the handlers (lib/jobs/definitions, registered in lib/jobs/job-registry.ts,
 * loaded by the worker only), so the web process can queue a scan without loading the collectors
 * and the SDK clients that run it.
 */
export const JOB_PAYLOADS = {
  "maintenance.purge-expired-sessions": z.object({}).passthrough(),
  /** One part of a scan (a region, "global" or "phase2"), in slices of at most SLICE_MS. */
  "inventory.scan-part": z.object({
    scanId: z.string().min(1).max(64),
    part: z.string().min(1).max(64),
    attempt: z.number().int().min(1),
    slice: z.number().int().min(0).default(0),
    /**
     * How many times this slice found the part held by another run and was queued again to look
     * once that run's lease is due to end (a job delivered twice, a retry while the run lives on).
     */
    recheck: z.number().int().min(0).default(0),
  }),
  /** The mapping of a finished scan (lib/mapping/runs/run-mapping.ts). */
  "mapping.map-scan": z.object({ scanId: z.string().min(1).max(64) }),
} as const;

export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOB_PAYLOADS)[N]>;

export interface JobSettings {
  /** Retries after a crash or an error (the job must be safe to run again). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one run may take before the queue considers it lost and retries it. */
  expireInMinutes: number;
  /** Cron schedule (UTC) for recurring jobs. */
  cron?: string;
}

export const JOB_SETTINGS: Record<JobName, JobSettings> = {
  "maintenance.purge-expired-sessions": { retryLimit: 2, retryDelaySeconds: 5, expireInMinutes: 15, cron: "17 * * * *" },
  "inventory.scan-part": { retryLimit: 5, retryDelaySeconds: 10, expireInMinutes: 20 },
  "mapping.map-scan": { retryLimit: 3, retryDelaySeconds: 30, expireInMinutes: 30 },
};

export const JOB_NAMES = Object.keys(JOB_PAYLOADS) as JobName[];

/**
 * The one way to make a job key: the job's identifying parts joined, so the same work sent twice
 * gets the same deterministic job id and is queued once.
 */
export function jobKey(...parts: Array<string | number>): string {
  return parts.map(String).join(":");
}

/** The key of one slice of one attempt of one part of a scan (and of each look at a held part). */
export function scanPartJobKey(payload: JobPayloadInput<"inventory.scan-part">): string {
  const base = [payload.scanId, payload.part, payload.attempt, payload.slice ?? 0];
  return payload.recheck ? jobKey(...base, `recheck-${payload.recheck}`) : jobKey(...base);
}
