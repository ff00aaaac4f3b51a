import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.job-templates collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-job-templates.ts, which spreads this in.
 */
export const iotJobTemplatesPlan = {
  id: "iot.job-templates",
  service: "iot",
  kinds: [KIND.iotJobTemplate],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListJobTemplates", calls: { type: "pages", of: KIND.iotJobTemplate, pageSize: PAGE_SIZE } },
    { operation: "DescribeJobTemplate", calls: { type: "per-item", of: KIND.iotJobTemplate } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotJobTemplate } },
  ],
} satisfies CollectorPlan;
