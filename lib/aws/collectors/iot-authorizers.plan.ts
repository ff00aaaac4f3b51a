import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.authorizers collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-authorizers.ts, which spreads this in.
 */
export const iotAuthorizersPlan = {
  id: "iot.authorizers",
  service: "iot",
  kinds: [KIND.iotAuthorizer],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListAuthorizers", calls: { type: "pages", of: KIND.iotAuthorizer, pageSize: PAGE_SIZE } },
    { operation: "DescribeAuthorizer", calls: { type: "per-item", of: KIND.iotAuthorizer } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotAuthorizer } },
  ],
} satisfies CollectorPlan;
