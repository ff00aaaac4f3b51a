import "server-only";
import type { JobDefinition } from "@/lib/jobs/define-job";
import { purgeExpiredSessions } from "@/lib/jobs/definitions/purge-expired-sessions";
import { runScanPartJob } from "@/lib/jobs/definitions/run-scan-part";

/** Every job the worker runs. Adding a job is adding one file and one line here. */
export const JOBS = {
  "maintenance.purge-expired-sessions": purgeExpiredSessions,
  "inventory.scan-part": runScanPartJob,
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
