import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.provisioning-templates collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-provisioning-templates.ts, which spreads this in.
 */
export const iotProvisioningTemplatesPlan = {
  id: "iot.provisioning-templates",
  service: "iot",
  kinds: [KIND.iotProvisioningTemplate],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListProvisioningTemplates", calls: { type: "pages", of: KIND.iotProvisioningTemplate, pageSize: PAGE_SIZE } },
    { operation: "DescribeProvisioningTemplate", calls: { type: "per-item", of: KIND.iotProvisioningTemplate } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotProvisioningTemplate } },
  ],
} satisfies CollectorPlan;
