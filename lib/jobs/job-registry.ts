import "server-only";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { JobName } from "@/lib/jobs/job-payloads";
import { purgeExpiredSessions } from "@/lib/jobs/definitions/purge-expired-sessions";
import { runScanPartJob } from "@/lib/jobs/definitions/run-scan-part";
import { mapScanJob } from "@/lib/jobs/definitions/map-scan";

/**
 * Every job's handler, for the worker (lib/jobs/worker-main.ts). Adding a job is a name and
 * schema in job-payloads.ts, one file under definitions/, and one line here.
 */
export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  "maintenance.purge-expired-sessions": purgeExpiredSessions,
  "inventory.scan-part": runScanPartJob,
  "mapping.map-scan": mapScanJob,
};
