import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the cloudtrail.trails collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * cloudtrail-trails.ts, which spreads this in.
 */
export const cloudtrailTrailsPlan = {
  id: "cloudtrail.trails",
  service: "cloudtrail",
  kinds: [KIND.cloudTrailTrail],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListTrails", calls: { type: "pages", of: KIND.cloudTrailTrail, pageSize: 50 } },
    { operation: "DescribeTrails", calls: { type: "per-item", of: KIND.cloudTrailTrail } },
    { operation: "GetTrailStatus", calls: { type: "per-item", of: KIND.cloudTrailTrail } },
    { operation: "ListTags", calls: { type: "per-item", of: KIND.cloudTrailTrail } },
  ],
} satisfies CollectorPlan;
