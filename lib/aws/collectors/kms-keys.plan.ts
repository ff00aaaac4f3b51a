import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the kms.keys collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * kms-keys.ts, which spreads this in.
 */
export const kmsKeysPlan = {
  id: "kms.keys",
  service: "kms",
  kinds: [KIND.kmsKey, KIND.kmsAlias],
  scope: "regional",
  phase: 2,
  apis: [
    { operation: "DescribeKey", calls: { type: "per-item", of: KIND.kmsKey } },
    { operation: "ListAliases", calls: { type: "per-item", of: KIND.kmsKey } },
    { operation: "ListResourceTags", calls: { type: "per-item", of: KIND.kmsKey } },
  ],
} satisfies CollectorPlan;
