import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

export const IOT_ENDPOINT_TYPES = ["iot:Data-ATS", "iot:CredentialProvider", "iot:Jobs"] as const;

/**
 * What the iot.endpoints collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-endpoints.ts, which spreads this in.
 */
export const iotEndpointsPlan = {
  id: "iot.endpoints",
  service: "iot",
  kinds: [KIND.iotEndpoint],
  scope: "regional",
  phase: 1,
  apis: [{ operation: "DescribeEndpoint", calls: { type: "fixed", count: IOT_ENDPOINT_TYPES.length } }],
} satisfies CollectorPlan;
