import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the sns.topics collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * sns-topics.ts, which spreads this in.
 */
export const snsTopicsPlan = {
  id: "sns.topics",
  service: "sns",
  kinds: [KIND.snsTopic],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListTopics", calls: { type: "pages", of: KIND.snsTopic, pageSize: 100 } },
    { operation: "GetTopicAttributes", calls: { type: "per-item", of: KIND.snsTopic } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.snsTopic } },
  ],
} satisfies CollectorPlan;
