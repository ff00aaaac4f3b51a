import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 20;

/**
 * What the timestream.databases collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * timestream-databases.ts, which spreads this in.
 */
export const timestreamDatabasesPlan = {
  id: "timestream.databases",
  service: "timestream",
  kinds: [KIND.timestreamDatabase, KIND.timestreamTable],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "DescribeEndpoints", calls: { type: "fixed", count: 1 } },
    { operation: "ListDatabases", calls: { type: "pages", of: KIND.timestreamDatabase, pageSize: PAGE_SIZE } },
    { operation: "ListTables", calls: { type: "per-item", of: KIND.timestreamDatabase } },
    // Once per database and once per table.
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.timestreamDatabase, perItem: 2 } },
  ],
} satisfies CollectorPlan;
