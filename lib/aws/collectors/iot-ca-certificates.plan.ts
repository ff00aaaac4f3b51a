import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 250;

/**
 * What the iot.ca-certificates collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * iot-ca-certificates.ts, which spreads this in.
 */
export const iotCaCertificatesPlan = {
  id: "iot.ca-certificates",
  service: "iot",
  kinds: [KIND.iotCaCertificate],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListCACertificates", calls: { type: "pages", of: KIND.iotCaCertificate, pageSize: PAGE_SIZE } },
    { operation: "DescribeCACertificate", calls: { type: "per-item", of: KIND.iotCaCertificate } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotCaCertificate } },
    // One page per CA at least; N certificates of a CA take N/250 calls.
    { operation: "ListCertificatesByCA", calls: { type: "per-item", of: KIND.iotCaCertificate } },
  ],
} satisfies CollectorPlan;
