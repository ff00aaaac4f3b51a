import type { CollectorPlan } from "@/lib/aws/collector-types";
import { KIND } from "@/lib/aws/resource-kinds";

/** Items per page of the list call (the most the API returns). */
export const PAGE_SIZE = 50;

/**
 * What the lambda.functions collector reads and calls, for a scan's plan (estimate, checkpoints,
 * the read-only policy) without loading the collector and its AWS SDK clients. Its code is in
 * lambda-functions.ts, which spreads this in.
 */
export const lambdaFunctionsPlan = {
  id: "lambda.functions",
  service: "lambda",
  kinds: [KIND.lambdaFunction],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListFunctions", calls: { type: "pages", of: KIND.lambdaFunction, pageSize: PAGE_SIZE } },
    { operation: "ListTags", calls: { type: "per-item", of: KIND.lambdaFunction } },
  ],
} satisfies CollectorPlan;
