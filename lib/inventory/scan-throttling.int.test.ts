import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { estateSummary, expectedCounts } from "@/doubles/aws/estate";
import type { Stats } from "@/doubles/aws/server";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * A scan against an account that enforces AWS's quotas, two of them lower than Silkroute plans
 * for (an account whose limits were lowered, or another tool sharing the bucket): the server
 * throttles, the clients back off and retry, and the inventory still comes out exact. The
 * throttles the scan records must be the ones the server sent.
 */

useTestDatabase();

/** Far below the rates the scanner paces these calls at (100/s and 10/s). */
const LOWERED = { "iot:DescribeThingGroup": 10, "iot:GetPolicy": 2 };

let fx: InventoryFixture;
let scanId: string;
let status: string;
let server: Stats;
beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 5, things: 100, quotas: LOWERED });
  fx.standIn.resetStats();
  ({ scanId, status } = await scanFixture(fx));
  server = fx.standIn.stats();
}, 120_000);
afterAll(async () => fx?.stop());

describe("a scan throttled by the account's quotas", () => {
  it("was throttled by the server, on the lowered operations only", () => {
    expect(server.throttles).toBeGreaterThan(0);
    const throttled = Object.entries(server.byOperation)
      .filter(([, s]) => s.throttles > 0)
      .map(([key]) => key);
    expect(throttled.length).toBeGreaterThan(0);
    for (const key of throttled) expect(Object.keys(LOWERED)).toContain(key);
  });

  it("reads every kind in every region exactly, and ends with only the malformed policies listed", async () => {
    expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => i.code)).toEqual(estateSummary(fx.estate).notable.malformedPolicies.map(() => "MalformedPolicy"));
  });

  it("records the throttles the server sent, per API and per task", async () => {
    const stats = await db().scanApiStat.findMany({ where: { scanId } });
    const recorded: Record<string, { calls: number; throttles: number }> = {};
    for (const s of stats) {
      const r = (recorded[`${s.service}:${s.operation}`] ??= { calls: 0, throttles: 0 });
      r.calls += s.calls;
      r.throttles += s.throttles;
    }
    const throttlesOf = (byOperation: Record<string, { throttles: number }>) =>
      Object.fromEntries(
        Object.entries(byOperation)
          .filter(([, s]) => s.throttles > 0)
          .map(([key, s]) => [key, s.throttles]),
      );
    expect(throttlesOf(recorded)).toEqual(throttlesOf(server.byOperation));
    // every attempt the server saw was counted by the scan, and no more
    expect(Object.values(recorded).reduce((n, r) => n + r.calls, 0)).toBe(server.calls);
    const tasks = await db().scanTask.findMany({ where: { scanId }, select: { throttles: true, collectorId: true } });
    expect(tasks.reduce((n, t) => n + t.throttles, 0)).toBe(server.throttles);
    expect(tasks.filter((t) => t.throttles > 0).every((t) => ["iot.thing-groups", "iot.policies"].includes(t.collectorId))).toBe(true);
  });
});
