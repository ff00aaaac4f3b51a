import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 50;

/**
 * What the logs.log-groups collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * logs-log-groups.ts, which spreads this in.
 */
export const logsLogGroupsPlan = {
  id: "logs.log-groups",
  service: "logs",
  kinds: [KIND.logGroup],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "DescribeLogGroups", calls: { type: "pages", of: KIND.logGroup, pageSize: PAGE_SIZE } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.logGroup } },
  ],
} satisfies CollectorPlan;
