import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 1000;

/**
 * What the sqs.queues collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * sqs-queues.ts, which spreads this in.
 */
export const sqsQueuesPlan = {
  id: "sqs.queues",
  service: "sqs",
  kinds: [KIND.sqsQueue],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListQueues", calls: { type: "pages", of: KIND.sqsQueue, pageSize: PAGE_SIZE } },
    { operation: "GetQueueAttributes", calls: { type: "per-item", of: KIND.sqsQueue } },
    { operation: "ListQueueTags", calls: { type: "per-item", of: KIND.sqsQueue } },
  ],
} satisfies CollectorPlan;
