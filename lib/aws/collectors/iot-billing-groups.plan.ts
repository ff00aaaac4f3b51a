import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.billing-groups collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-billing-groups.ts, which spreads this in.
 */
export const iotBillingGroupsPlan = {
  id: "iot.billing-groups",
  service: "iot",
  kinds: [KIND.iotBillingGroup],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListBillingGroups", calls: { type: "pages", of: KIND.iotBillingGroup, pageSize: PAGE_SIZE } },
    { operation: "DescribeBillingGroup", calls: { type: "per-item", of: KIND.iotBillingGroup } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotBillingGroup } },
    { operation: "ListThingsInBillingGroup", calls: { type: "per-item", of: KIND.iotBillingGroup } },
  ],
} satisfies CollectorPlan;
