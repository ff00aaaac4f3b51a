import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 1000;

const perBucket = (operation: string) => ({ operation, calls: { type: "per-item" as const, of: KIND.s3Bucket } });

/**
 * What the s3.buckets collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * s3-buckets.ts, which spreads this in.
 */
export const s3BucketsPlan = {
  id: "s3.buckets",
  service: "s3",
  kinds: [KIND.s3Bucket],
  scope: "global",
  phase: 1,
  apis: [
    { operation: "ListBuckets", calls: { type: "pages", of: KIND.s3Bucket, pageSize: PAGE_SIZE } },
    perBucket("GetBucketLocation"),
    perBucket("GetBucketVersioning"),
    perBucket("GetBucketEncryption"),
    perBucket("GetPublicAccessBlock"),
    perBucket("GetBucketReplication"),
    perBucket("GetObjectLockConfiguration"),
    perBucket("GetBucketLifecycleConfiguration"),
    perBucket("GetBucketTagging"),
  ],
} satisfies CollectorPlan;
