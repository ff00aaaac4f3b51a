import "server-only";
import type { JobDefinition } from "@/lib/jobs/define-job";
import { purgeExpiredSessions } from "@/lib/jobs/definitions/purge-expired-sessions";

/** Every job the worker runs. Adding a job is adding one file and one line here. */
export const JOBS = {
  "maintenance.purge-expired-sessions": purgeExpiredSessions,
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
