import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.policies collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-policies.ts, which spreads this in.
 */
export const iotPoliciesPlan = {
  id: "iot.policies",
  service: "iot",
  kinds: [KIND.iotPolicy],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListPolicies", calls: { type: "pages", of: KIND.iotPolicy, pageSize: PAGE_SIZE } },
    { operation: "GetPolicy", calls: { type: "per-item", of: KIND.iotPolicy } },
    { operation: "ListPolicyVersions", calls: { type: "per-item", of: KIND.iotPolicy } },
    // One per non-default version: 0 to 4 per policy.
    { operation: "GetPolicyVersion", calls: { type: "per-item", of: KIND.iotPolicy } },
    { operation: "ListTargetsForPolicy", calls: { type: "per-item", of: KIND.iotPolicy } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotPolicy } },
  ],
} satisfies CollectorPlan;
