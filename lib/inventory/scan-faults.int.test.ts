import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { estateSummary, expectedCounts } from "@/doubles/aws/estate";
import { hashUnit } from "@/doubles/aws/prng";
import type { Stats } from "@/doubles/aws/server";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * A scan through an unreliable AWS: one call in five answers with the service's internal error
 * and one in fifty hangs and has its connection cut. The clients retry both, so the inventory
 * comes out exact and the scan lists nothing but the deliberately malformed policies.
 */

useTestDatabase();

/** Cut connections are held briefly: long enough to be in flight, short enough to keep the test fast. */
const FAULTS = { error5xxRate: 0.2, timeoutRate: 0.02, timeoutMs: 300, seed: 4 };

let fx: InventoryFixture;
let scanId: string;
let status: string;
let server: Stats;
beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 13, things: 80, faults: FAULTS });
  fx.standIn.resetStats();
  ({ scanId, status } = await scanFixture(fx));
  server = fx.standIn.stats();
}, 120_000);
afterAll(async () => fx?.stop());

describe("a scan through server errors and cut connections", () => {
  it("met the injected faults, cut connections included", () => {
    // The stand-in draws each call's fate from the seed, the operation and its call number, so
    // the faults among the calls it served can be recounted after the fact.
    const draws = Object.entries(server.byOperation).flatMap(([key, s]) => Array.from({ length: s.calls }, (_, i) => hashUnit(FAULTS.seed, key, i)));
    expect(server.faults).toBe(draws.filter((v) => v < FAULTS.timeoutRate + FAULTS.error5xxRate).length);
    expect(server.faults).toBeGreaterThan(server.calls * 0.1);
    expect(draws.filter((v) => v < FAULTS.timeoutRate).length).toBeGreaterThan(0);
  });

  it("reads every kind in every region exactly", async () => {
    expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
  });

  it("ends with only the malformed policies listed", async () => {
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => `${i.code} ${i.message}`)).toEqual(estateSummary(fx.estate).notable.malformedPolicies.map(() => expect.stringMatching(/^MalformedPolicy /)));
  });

  it("counted the retried attempts", async () => {
    const stats = await db().scanApiStat.findMany({ where: { scanId } });
    expect(stats.reduce((n, s) => n + s.calls, 0)).toBe(server.calls);
  });
});
