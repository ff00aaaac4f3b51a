import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 100;

/**
 * What the dynamodb.tables collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * dynamodb-tables.ts, which spreads this in.
 */
export const dynamodbTablesPlan = {
  id: "dynamodb.tables",
  service: "dynamodb",
  kinds: [KIND.dynamoDbTable],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListTables", calls: { type: "pages", of: KIND.dynamoDbTable, pageSize: PAGE_SIZE } },
    { operation: "DescribeTable", calls: { type: "per-item", of: KIND.dynamoDbTable } },
    { operation: "DescribeContinuousBackups", calls: { type: "per-item", of: KIND.dynamoDbTable } },
    { operation: "ListTagsOfResource", calls: { type: "per-item", of: KIND.dynamoDbTable } },
  ],
} satisfies CollectorPlan;
