import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { expectedRelations, type ExpectedRelation } from "@/doubles/aws/expected-relations";
import { REL } from "@/lib/aws/relation-types";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * Every relation a scan stores, compared with the relations the stand-in expects from the estate
 * it serves (doubles/aws/expected-relations.ts, derived from the generated estate and not from
 * the collectors): the same set of (from, to, type) edges, per type, both ways, in a summary and
 * in a deep scan of a small estate with hostile values.
 */
useTestDatabase();

let fx: InventoryFixture;
const stored: Record<"summary" | "deep", ExpectedRelation[]> = { summary: [], deep: [] };

async function relationsOf(scanId: string): Promise<ExpectedRelation[]> {
  const { rows } = await pool().query<{ from_arn: string; to_arn: string; type: string }>(`SELECT from_arn, to_arn, type FROM resource_relations WHERE scan_id = $1`, [scanId]);
  return rows.map((r) => ({ from: r.from_arn, to: r.to_arn, type: r.type }));
}

const edge = (r: ExpectedRelation) => `${r.from} -> ${r.to}`;

function byType(relations: readonly ExpectedRelation[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of relations) out.set(r.type, [...(out.get(r.type) ?? []), edge(r)]);
  return out;
}

/** Per type: what the scan stored that nobody expected, and what was expected but not stored. */
function differences(actual: readonly ExpectedRelation[], expected: readonly ExpectedRelation[]) {
  const got = byType(actual);
  const want = byType(expected);
  const out: Record<string, { unexpected: string[]; missing: string[]; stored: number; expected: number }> = {};
  for (const type of new Set([...got.keys(), ...want.keys()])) {
    const g = got.get(type) ?? [];
    const w = want.get(type) ?? [];
    const gs = new Set(g);
    const ws = new Set(w);
    const unexpected = [...gs].filter((e) => !ws.has(e)).sort();
    const missing = [...ws].filter((e) => !gs.has(e)).sort();
    if (unexpected.length || missing.length || g.length !== w.length) out[type] = { unexpected: unexpected.slice(0, 10), missing: missing.slice(0, 10), stored: g.length, expected: w.length };
  }
  return out;
}

beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 31, regions: ["eu-central-1", "us-east-1"], things: 40, hostile: true });
  stored.summary = await relationsOf((await scanFixture(fx, { mode: "summary" })).scanId);
  stored.deep = await relationsOf((await scanFixture(fx, { mode: "deep" })).scanId);
}, 300_000);
afterAll(async () => fx?.stop());

describe("the relations a scan stores", () => {
  for (const mode of ["summary", "deep"] as const) {
    it(`are exactly those the stand-in's estate holds, per type and both ways (${mode} scan)`, () => {
      const expected = expectedRelations(fx.estate, { mode, regions: fx.regions });
      expect(differences(stored[mode], expected)).toEqual({});
    });
  }

  it("cover every relation type the product knows, and each edge once", () => {
    const types = new Set(stored.deep.map((r) => r.type));
    // Types no part of the stand-in's estate gives rise to yet.
    const absent = Object.values(REL).filter((t) => !types.has(t));
    expect(absent).toEqual([]);
    expect(new Set(stored.deep.map((r) => `${r.type} ${edge(r)}`)).size).toBe(stored.deep.length);
  });

  it("differ between the modes only by the per-device certificate links", () => {
    const summary = new Set(stored.summary.map((r) => `${r.type} ${edge(r)}`));
    const onlyDeep = stored.deep.filter((r) => !summary.has(`${r.type} ${edge(r)}`));
    expect(onlyDeep.length).toBeGreaterThan(0);
    expect(new Set(onlyDeep.map((r) => `${r.type} ${r.to.split(":")[5]?.split("/")[0]}`))).toEqual(new Set(["attached-to thing"]));
  });
});
