import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.role-aliases collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-role-aliases.ts, which spreads this in.
 */
export const iotRoleAliasesPlan = {
  id: "iot.role-aliases",
  service: "iot",
  kinds: [KIND.iotRoleAlias],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListRoleAliases", calls: { type: "pages", of: KIND.iotRoleAlias, pageSize: PAGE_SIZE } },
    { operation: "DescribeRoleAlias", calls: { type: "per-item", of: KIND.iotRoleAlias } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotRoleAlias } },
  ],
} satisfies CollectorPlan;
