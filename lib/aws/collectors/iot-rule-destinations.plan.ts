import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.rule-destinations collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-rule-destinations.ts, which spreads this in.
 */
export const iotRuleDestinationsPlan = {
  id: "iot.rule-destinations",
  service: "iot",
  kinds: [KIND.iotTopicRuleDestination],
  scope: "regional",
  phase: 1,
  apis: [{ operation: "ListTopicRuleDestinations", calls: { type: "pages", of: KIND.iotTopicRuleDestination, pageSize: PAGE_SIZE } }],
} satisfies CollectorPlan;
