import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { diffScans } from "@/lib/inventory/diff-scans";
import { startAwsStandIn, type AwsStandIn } from "@/doubles/aws/server";
import type { Estate, RegionEstate } from "@/doubles/aws/estate-types";
import { createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";

useTestDatabase();
const REGION = "eu-central-1";

let fx: InventoryFixture;
let second: AwsStandIn | undefined;
beforeAll(async () => {
  fx = await createInventoryFixture({ regions: [REGION], things: 200, hostile: false });
});
afterAll(async () => {
  await fx?.stop();
  await second?.stop();
});

async function scan() {
  const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
  await runScanInline(created.scanId, created.parts);
  return created.scanId;
}

describe("comparing two scans of a plan", () => {
  it("shows exactly what was added, removed and changed since the last scan", async () => {
    const first = await scan();

    // The fleet changes: things come and go, some are re-configured. (Memberships are relations, not
    // part of a group's own data, so a group whose members change is not itself "changed".)
    const estate = structuredClone(fx.estate) as Estate;
    const things = (estate.byRegion[REGION] as RegionEstate).iot.things;
    // (Certificates list no things in a summary scan, so attached principals do not matter here.)
    const loose = things.filter((t) => !t.billingGroupName);
    expect(loose.length).toBeGreaterThanOrEqual(8);
    const removed = new Set(loose.slice(0, 5).map((t) => t.name));
    const changed = loose.slice(5, 8);
    for (const t of changed) t.attributes = { ...t.attributes, firmware: "9.9.9-diff-test" };
    (estate.byRegion[REGION] as RegionEstate).iot.things = [
      ...things.filter((t) => !removed.has(t.name)),
      ...Array.from({ length: 4 }, (_, i) => ({ ...loose[0]!, name: `diff-test-new-thing-${i}`, attributes: { site: "new" } })),
    ];
    // The same account at the same address (queue URLs carry the endpoint), now serving the changed estate.
    const port = fx.standIn.port;
    await fx.standIn.stop();
    second = await startAwsStandIn({ estate, quotas: "off", port });

    const next = await scan();
    const diff = await diffScans(await loadScopedScan(fx.organizationId, next), { page: 1, pageSize: 200 });
    expect(diff.base?.id).toBe(first);
    // Groups whose member count moved changed too; nothing else did (volatile fields such as
    // delivery times and restore windows are not changes).
    const groups = diff.byKind.find((k) => k.kind === "AWS::IoT::ThingGroup");
    expect(diff.byKind.filter((k) => k.kind !== "AWS::IoT::ThingGroup")).toEqual([{ kind: "AWS::IoT::Thing", added: 4, removed: 5, changed: 3 }]);
    expect(groups?.added ?? 0).toBe(0);
    expect(groups?.removed ?? 0).toBe(0);
    expect(diff.rows.filter((r) => r.change === "removed").map((r) => r.name).sort()).toEqual([...removed].sort());
    expect(diff.rows.filter((r) => r.change === "changed" && r.kind === "AWS::IoT::Thing").map((r) => r.name).sort()).toEqual(changed.map((t) => t.name).sort());
    expect(diff.rows.filter((r) => r.change === "added").every((r) => r.name.startsWith("diff-test-new-thing-") && r.resourceId)).toBe(true);

    const onlyRemoved = await diffScans(await loadScopedScan(fx.organizationId, next), { change: "removed", page: 1, pageSize: 2 });
    expect(onlyRemoved.total).toBe(5);
    expect(onlyRemoved.rows).toHaveLength(2);
  }, 120_000);
});
