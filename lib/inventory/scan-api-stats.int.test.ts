import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { GLOBAL_PART } from "@/lib/inventory/plan-scan";
import { createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

useTestDatabase();

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await createInventoryFixture({ things: 20, hostile: false });
});
afterAll(async () => fx?.stop());

describe("the calls a scan counts per region and API", () => {
  it("counts a global service's calls under global, as the scan's plan lists them, in both phases", async () => {
    const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
    await runScanInline(created.scanId, created.parts);
    const stats = await db().scanApiStat.findMany({ where: { scanId: created.scanId } });
    const iam = stats.filter((s) => s.service === "iam");
    expect(iam.length).toBeGreaterThan(0);
    expect([...new Set(iam.map((s) => s.region))]).toEqual([GLOBAL_PART]);
    // Every planned global API that was called is found under the same region and name.
    const planned = created.estimate.calls.filter((c) => c.region === GLOBAL_PART && c.service === "iam");
    for (const c of planned) expect(stats.some((s) => s.region === GLOBAL_PART && s.service === c.service && s.operation === c.operation), `${c.service}:${c.operation}`).toBe(true);
  }, 120_000);
});
