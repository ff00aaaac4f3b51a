import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { KIND } from "@/lib/aws/resource-kinds";
import { readResources } from "@/lib/inventory/read-resources";
import { readRelations } from "@/lib/inventory/read-relations";
import { COLLECTED_KINDS, RAW_SCHEMAS, type CollectedKind } from "@/lib/inventory/raw/raw-schema-registry";
import { declaredParts } from "@/lib/testing/declared-view";
import { loadScopedScan, type ScopedScan } from "@/lib/plans/scoped-plan";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * The contract between the collectors and the stages that read the inventory: a deep scan (with
 * shadows) of the stand-in estate, hostile values included, read back kind by kind through the
 * read contract. Every stored row must read with its kind's schema, and the top-level parts each
 * collector writes must be exactly the ones its kind's schema names: a collector that renames,
 * drops, adds or retypes a part of what it stores fails here until the schema follows.
 */

useTestDatabase();

let fx: InventoryFixture;
let scan: ScopedScan;
let storedCounts: Map<string, number>;

beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 31, things: 40, hostile: true });
  const { scanId } = await scanFixture(fx, { mode: "deep", includeShadows: true });
  scan = await loadScopedScan(fx.organizationId, scanId);
  const { rows } = await pool().query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM resources WHERE scan_id = $1 GROUP BY kind`, [scanId]);
  storedCounts = new Map(rows.map((r) => [r.kind, r.n]));
}, 300_000);
afterAll(async () => fx?.stop());

/**
 * Parts a collector writes only for answers the stand-in estate never gives; their collector's
 * unit test covers them (lib/aws/collectors/iot-jobs.test.ts: a job created from an S3 document).
 */
const NOT_SERVED_BY_THE_STAND_IN: Partial<Record<CollectedKind, string[]>> = {
  [KIND.iotJob]: ["documentSource"],
};

describe("the inventory's read contract against what the collectors store", () => {
  it("covers every kind the collectors store, and the stand-in estate has every one", () => {
    expect([...storedCounts.keys()].sort()).toEqual([...COLLECTED_KINDS].sort());
  });

  it.each(COLLECTED_KINDS.map((kind) => [kind]))("reads every stored %s with its schema", async (kind: CollectedKind) => {
    const problems: string[] = [];
    const written = new Set<string>();
    let count = 0;
    for await (const resource of readResources(scan, kind, { pageSize: 7 })) {
      count++;
      if (resource.problem) problems.push(`${resource.arn}: ${resource.problem.issues}`);
      else for (const part of Object.keys(resource.raw)) written.add(part);
    }
    expect(problems).toEqual([]);
    expect(count).toBe(storedCounts.get(kind));
    const notServed = NOT_SERVED_BY_THE_STAND_IN[kind] ?? [];
    const declared = declaredParts(RAW_SCHEMAS[kind]).filter((part) => !notServed.includes(part)).sort();
    for (const part of notServed) written.delete(part);
    expect([...written].sort(), `the parts of ${kind}'s raw data the collector wrote, and the ones its schema names`).toEqual(declared);
  });

  it("reads every relation, of every type", async () => {
    const { rows } = await pool().query<{ type: string; n: number }>(`SELECT type, count(*)::int AS n FROM resource_relations WHERE scan_id = $1 GROUP BY type`, [scan.id]);
    expect(rows.length).toBeGreaterThan(10);
    let total = 0;
    for (const { type, n } of rows) {
      let count = 0;
      for await (const relation of readRelations(scan, { type: type as never, pageSize: 97 })) {
        expect(relation.type).toBe(type);
        count++;
      }
      expect(count, type).toBe(n);
      total += n;
    }
    let all = 0;
    for await (const _ of readRelations(scan)) all++;
    expect(all).toBe(total);
  });
});
