import { describe, expect, it } from "vitest";
import { DEFAULT_IOT_QUOTAS, FALLBACK_TPS, quotaFor } from "@/lib/aws/default-quotas";
import { ASSUMED_IOT_QUOTAS, PUBLISHED_IOT_QUOTAS, STAND_IN_OTHER_TPS, standInQuota } from "./aws-published-quotas";
import { QuotaLimiter } from "./quota-limiter";

/**
 * The product's quota table (what the scanner plans and paces with) and the stand-in's own copy
 * of AWS's published defaults (what the stand-in throttles by) are kept apart on purpose; here
 * they must agree wherever both name an operation, so changing one without the other fails.
 */
describe("the stand-in's quota table and the product's", () => {
  const operations = [...new Set([...Object.keys(DEFAULT_IOT_QUOTAS), ...Object.keys(PUBLISHED_IOT_QUOTAS), ...Object.keys(ASSUMED_IOT_QUOTAS)])].sort();

  it("agree on the rate of every IoT operation either of them names", () => {
    const disagreements = operations
      .map((op) => ({ op, product: quotaFor("iot", op), standIn: standInQuota("iot", op) }))
      .filter((r) => r.product !== r.standIn)
      .map((r) => `${r.op}: product ${r.product}/s, AWS's published default ${r.standIn}/s`);
    expect(disagreements).toEqual([]);
  });

  it("the product plans every published operation with its own entry, not with the fallback", () => {
    const missing = Object.keys(PUBLISHED_IOT_QUOTAS).filter((op) => !(op in DEFAULT_IOT_QUOTAS));
    expect(missing).toEqual([]);
  });

  it("agree on the rate of the operations neither table names, and of the other services", () => {
    expect(FALLBACK_TPS).toBe(STAND_IN_OTHER_TPS);
    for (const [service, op] of [["iot", "ListOTAUpdates"], ["s3", "ListBuckets"], ["dynamodb", "DescribeTable"], ["lambda", "ListFunctions"], ["kms", "DescribeKey"]] as const) {
      expect(quotaFor(service, op), `${service}:${op}`).toBe(standInQuota(service, op));
    }
  });

  it("honour an override the same way (service:Operation, or a bare IoT operation)", () => {
    const overrides = { "iot:ListThings": 3, DescribeThing: 7, "s3:ListBuckets": 2 };
    for (const [service, op] of [["iot", "ListThings"], ["iot", "DescribeThing"], ["s3", "ListBuckets"], ["s3", "GetBucketLocation"]] as const) {
      expect(quotaFor(service, op, overrides), `${service}:${op}`).toBe(standInQuota(service, op, overrides));
    }
  });

  it("the stand-in throttles by its own table", () => {
    const limiter = new QuotaLimiter("default");
    for (const op of operations) expect(limiter.rateFor("iot", op), op).toBe(standInQuota("iot", op));
    // ListIndices is published at 5 per second: the sixth call of one instant is throttled.
    const now = 1_000;
    const taken = Array.from({ length: 6 }, () => limiter.take("123456789012", "eu-central-1", "iot", "ListIndices", now));
    expect(taken).toEqual([true, true, true, true, true, false]);
  });
});
