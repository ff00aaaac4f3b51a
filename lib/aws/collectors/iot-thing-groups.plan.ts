import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.thing-groups collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-thing-groups.ts, which spreads this in.
 */
export const iotThingGroupsPlan = {
  id: "iot.thing-groups",
  service: "iot",
  kinds: [KIND.iotThingGroup],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListThingGroups", calls: { type: "pages", of: KIND.iotThingGroup, pageSize: PAGE_SIZE } },
    { operation: "DescribeThingGroup", calls: { type: "per-item", of: KIND.iotThingGroup } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotThingGroup } },
    // At least one page per group; a group of N things takes N/250 calls.
    { operation: "ListThingsInThingGroup", calls: { type: "per-item", of: KIND.iotThingGroup } },
  ],
} satisfies CollectorPlan;
