import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/**
 * What the iot.logging collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-logging.ts, which spreads this in.
 */
export const iotLoggingPlan = {
  id: "iot.logging",
  service: "iot",
  kinds: [KIND.iotLogging],
  scope: "regional",
  phase: 1,
  apis: [{ operation: "GetV2LoggingOptions", calls: { type: "fixed", count: 1 } }],
} satisfies CollectorPlan;
