import { describe, expect, it } from "vitest";
import { createRetryStrategy, FullJitterBackoff } from "@/lib/aws/create-retry-strategy";
import { awsError } from "@/lib/aws/testing/run-collector";

describe("FullJitterBackoff", () => {
  it("draws from [0, min(cap, base * 2^retry))", () => {
    const max = new FullJitterBackoff(() => 0.999999, 20_000);
    max.setDelayBase(100);
    expect([0, 1, 2, 3].map((n) => max.computeNextBackoffDelay(n))).toEqual([99, 199, 399, 799]);
    expect(max.computeNextBackoffDelay(20)).toBe(19_999);
    const min = new FullJitterBackoff(() => 0);
    expect(min.computeNextBackoffDelay(5)).toBe(0);
  });
});

describe("createRetryStrategy", () => {
  const noJitter = () => 0;

  it("retries throttling and any 5xx but 501 up to maxAttempts, then gives up", async () => {
    const strategy = createRetryStrategy({ maxAttempts: 3, random: noJitter });
    let token = await strategy.acquireInitialRetryToken("");
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: "CLIENT_ERROR", error: awsError("SlowDown", 503) as never });
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: "SERVER_ERROR", error: awsError("BadGateway", 502) as never });
    expect(token.getRetryCount()).toBe(2);
    await expect(
      strategy.refreshRetryTokenForRetry(token, { errorType: "THROTTLING", error: awsError("ThrottlingException") as never }),
    ).rejects.toThrow();
  });

  it("does not retry 501 Not Implemented: the endpoint does not offer the operation", async () => {
    const strategy = createRetryStrategy({ random: noJitter });
    const token = await strategy.acquireInitialRetryToken("");
    await expect(
      strategy.refreshRetryTokenForRetry(token, { errorType: "SERVER_ERROR", error: awsError("NotImplemented", 501) as never }),
    ).rejects.toThrow();
  });

  it("keeps a separate retry quota per scope", async () => {
    const strategy = createRetryStrategy({ maxAttempts: 100, random: noJitter });
    const failing = async (scope: string) => {
      let token = await strategy.acquireInitialRetryToken(scope);
      for (;;) token = await strategy.refreshRetryTokenForRetry(token, { errorType: "TRANSIENT", error: awsError("InternalFailure", 500) as never });
    };
    await expect(failing("iot.ListTagsForResource")).rejects.toThrow("No retry token available");
    const other = await strategy.acquireInitialRetryToken("iot.ListThings");
    await expect(strategy.refreshRetryTokenForRetry(other, { errorType: "TRANSIENT", error: awsError("InternalFailure", 500) as never })).resolves.toBeDefined();
  });

  it("does not retry a client error", async () => {
    const strategy = createRetryStrategy({ random: noJitter });
    const token = await strategy.acquireInitialRetryToken("");
    await expect(
      strategy.refreshRetryTokenForRetry(token, { errorType: "CLIENT_ERROR", error: awsError("ValidationException") as never }),
    ).rejects.toThrow();
  });
});
