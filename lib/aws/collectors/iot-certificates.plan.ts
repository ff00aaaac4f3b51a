import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.certificates collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-certificates.ts, which spreads this in.
 */
export const iotCertificatesPlan = {
  id: "iot.certificates",
  service: "iot",
  kinds: [KIND.iotCertificate],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListCertificates", calls: { type: "pages", of: KIND.iotCertificate, pageSize: PAGE_SIZE } },
    { operation: "DescribeCertificate", calls: { type: "per-item", of: KIND.iotCertificate }, deepOnly: true },
  ],
} satisfies CollectorPlan;
