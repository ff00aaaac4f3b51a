import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TokenBucket } from "@/lib/aws/token-bucket";

/** A bucket on vitest's fake clock, recording when each take() resolved. */
function fakeClockBucket(ratePerSecond: number, capacity?: number) {
  return new TokenBucket({ ratePerSecond, capacity, now: () => Date.now() });
}

async function takeMany(bucket: TokenBucket, count: number): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  const all = Array.from({ length: count }, () => bucket.take().then(() => times.push(Date.now() - start)));
  await vi.runAllTimersAsync();
  await Promise.all(all);
  return times.sort((a, b) => a - b);
}

/** Replays call times against an AWS-style bucket: capacity = one second's worth, refilled continuously. */
function serverWouldThrottle(times: number[], ratePerSecond: number): boolean {
  let tokens = ratePerSecond;
  let last = 0;
  for (const t of times) {
    tokens = Math.min(ratePerSecond, tokens + ((t - last) * ratePerSecond) / 1000);
    last = t;
    if (tokens < 1 - 1e-9) return true;
    tokens -= 1;
  }
  return false;
}

describe("TokenBucket", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets the first call through at once and spaces the next ones by 1/rate", async () => {
    const times = await takeMany(fakeClockBucket(10), 5);
    expect(times).toEqual([0, 100, 200, 300, 400]);
  });

  it("never exceeds a server-side bucket of one second's capacity, even when 200 callers arrive together", async () => {
    const times = await takeMany(fakeClockBucket(10), 200);
    expect(serverWouldThrottle(times, 10)).toBe(false);
    // ...and stays close to the floor the quota sets: 199 intervals of 100 ms.
    expect(times.at(-1)).toBe(19_900);
  });

  it("paces fractional rates (one call every 4 s at 0.25 TPS)", async () => {
    const times = await takeMany(fakeClockBucket(0.25), 3);
    expect(times).toEqual([0, 4000, 8000]);
  });

  it("allows a burst up to its capacity when asked for one", async () => {
    const times = await takeMany(fakeClockBucket(10, 3), 5);
    expect(times).toEqual([0, 0, 0, 100, 200]);
  });

  it("refills while idle, but never beyond its capacity", async () => {
    const bucket = fakeClockBucket(10);
    await bucket.take();
    await vi.advanceTimersByTimeAsync(5_000);
    const times = await takeMany(bucket, 3);
    expect(times).toEqual([0, 100, 200]);
  });

  it("rejects at once when the signal has already fired", async () => {
    const bucket = fakeClockBucket(10);
    const controller = new AbortController();
    controller.abort(new Error("scan cancelled"));
    await expect(bucket.take(controller.signal)).rejects.toThrow("scan cancelled");
    // Nothing was consumed: the next call goes through at once.
    expect(bucket.pendingDelayMs()).toBe(0);
  });

  it("stops waiting when the signal fires, and gives its slot back", async () => {
    const bucket = fakeClockBucket(1);
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    const assertion = expect(waiting).rejects.toThrow("stop");
    await vi.advanceTimersByTimeAsync(300);
    controller.abort(new Error("stop"));
    await assertion;
    // The aborted caller's slot (at 1000 ms) is free again for the next caller.
    expect(bucket.pendingDelayMs()).toBe(700);
  });

  it("refuses rates that cannot pace anything", () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: Number.NaN })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 5, capacity: 0 })).toThrow(RangeError);
  });
});
