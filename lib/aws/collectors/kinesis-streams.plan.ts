import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 100;

/**
 * What the kinesis.streams collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * kinesis-streams.ts, which spreads this in.
 */
export const kinesisStreamsPlan = {
  id: "kinesis.streams",
  service: "kinesis",
  kinds: [KIND.kinesisStream],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListStreams", calls: { type: "pages", of: KIND.kinesisStream, pageSize: PAGE_SIZE } },
    { operation: "DescribeStreamSummary", calls: { type: "per-item", of: KIND.kinesisStream } },
    { operation: "ListTagsForStream", calls: { type: "per-item", of: KIND.kinesisStream } },
  ],
} satisfies CollectorPlan;
