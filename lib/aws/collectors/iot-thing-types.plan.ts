import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.thing-types collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-thing-types.ts, which spreads this in.
 */
export const iotThingTypesPlan = {
  id: "iot.thing-types",
  service: "iot",
  kinds: [KIND.iotThingType],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListThingTypes", calls: { type: "pages", of: KIND.iotThingType, pageSize: PAGE_SIZE } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotThingType } },
  ],
} satisfies CollectorPlan;
