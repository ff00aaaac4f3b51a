import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.topic-rules collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-topic-rules.ts, which spreads this in.
 */
export const iotTopicRulesPlan = {
  id: "iot.topic-rules",
  service: "iot",
  kinds: [KIND.iotTopicRule],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListTopicRules", calls: { type: "pages", of: KIND.iotTopicRule, pageSize: PAGE_SIZE } },
    { operation: "GetTopicRule", calls: { type: "per-item", of: KIND.iotTopicRule } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotTopicRule } },
    // Once per run, and only when a rule has an HTTP action.
    { operation: "ListTopicRuleDestinations", calls: { type: "pages", of: KIND.iotTopicRuleDestination, pageSize: PAGE_SIZE } },
  ],
} satisfies CollectorPlan;
