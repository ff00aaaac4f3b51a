import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.jobs collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-jobs.ts, which spreads this in.
 */
export const iotJobsPlan = {
  id: "iot.jobs",
  service: "iot",
  kinds: [KIND.iotJob],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListJobs", calls: { type: "pages", of: KIND.iotJob, pageSize: PAGE_SIZE } },
    { operation: "DescribeJob", calls: { type: "per-item", of: KIND.iotJob } },
    { operation: "GetJobDocument", calls: { type: "per-item", of: KIND.iotJob } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotJob } },
  ],
} satisfies CollectorPlan;
