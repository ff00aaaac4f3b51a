import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the iot.indexing collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-indexing.ts, which spreads this in.
 */
export const iotIndexingPlan = {
  id: "iot.indexing",
  service: "iot",
  kinds: [KIND.iotFleetIndexing],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "GetIndexingConfiguration", calls: { type: "fixed", count: 1 } },
    { operation: "ListIndices", calls: { type: "fixed", count: 1 } },
  ],
} satisfies CollectorPlan;
