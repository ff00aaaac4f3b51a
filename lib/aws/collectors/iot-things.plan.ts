import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.things collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-things.ts, which spreads this in.
 */
export const iotThingsPlan = {
  id: "iot.things",
  service: "iot",
  kinds: [KIND.iotThing],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListThings", calls: { type: "pages", of: KIND.iotThing, pageSize: PAGE_SIZE } },
    { operation: "ListThingPrincipals", calls: { type: "per-item", of: KIND.iotThing }, deepOnly: true },
    {
      operation: "ListNamedShadowsForThing",
      service: "iotdata",
      calls: { type: "per-item", of: KIND.iotThing },
      deepOnly: true,
      shadowsOnly: true,
    },
    {
      operation: "GetThingShadow",
      service: "iotdata",
      // The classic shadow; each named shadow adds one more.
      calls: { type: "per-item", of: KIND.iotThing },
      deepOnly: true,
      shadowsOnly: true,
    },
  ],
} satisfies CollectorPlan;
