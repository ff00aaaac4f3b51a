import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.domain-configurations collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-domain-configurations.ts, which spreads this in.
 */
export const iotDomainConfigurationsPlan = {
  id: "iot.domain-configurations",
  service: "iot",
  kinds: [KIND.iotDomainConfiguration],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListDomainConfigurations", calls: { type: "pages", of: KIND.iotDomainConfiguration, pageSize: PAGE_SIZE } },
    { operation: "DescribeDomainConfiguration", calls: { type: "per-item", of: KIND.iotDomainConfiguration } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotDomainConfiguration } },
  ],
} satisfies CollectorPlan;
