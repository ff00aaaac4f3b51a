import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the iam.roles collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iam-roles.ts, which spreads this in.
 */
export const iamRolesPlan = {
  id: "iam.roles",
  service: "iam",
  kinds: [KIND.iamRole],
  scope: "global",
  phase: 2,
  apis: [
    { operation: "GetRole", calls: { type: "per-item", of: KIND.iamRole } },
    { operation: "ListAttachedRolePolicies", calls: { type: "per-item", of: KIND.iamRole } },
  ],
} satisfies CollectorPlan;
