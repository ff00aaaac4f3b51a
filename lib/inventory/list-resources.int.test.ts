import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { storeBatch } from "@/lib/inventory/store-batch";
import { listResources } from "@/lib/inventory/list-resources";
import { resourceQuerySchema } from "@/lib/inventory/resource-query";
import { advanceScan } from "@/lib/inventory/advance-scan";
import { inventorySummary } from "@/lib/inventory/inventory-summary";
import { exportCsv, exportJson } from "@/lib/inventory/export-inventory";
import type { ResourceRecord } from "@/lib/aws/collector-types";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan, type ScopedPlan } from "@/lib/plans/scoped-plan";
import { resolveScan } from "@/lib/inventory/resolve-scan";

useTestDatabase();

const KINDS = ["AWS::IoT::Thing", "AWS::IoT::Certificate", "AWS::S3::Bucket"];
const REGIONS = ["eu-central-1", "us-east-1"];
let planId: string;
let plan: ScopedPlan;
let scanId: string;
const records: ResourceRecord[] = Array.from({ length: 330 }, (_, i) => ({
  arn: `arn:aws:test:${REGIONS[i % 2]}:123456789012:r/${String(i).padStart(4, "0")}`,
  kind: KINDS[i % 3]!,
  region: REGIONS[i % 2]!,
  accountId: "123456789012",
  name: i === 7 ? "100%_real" : i === 8 ? '=HYPERLINK("http://evil.example","x")' : `res-${String((i * 37) % 330).padStart(4, "0")}`,
  tags: (i % 10 === 0 ? { env: "prod", owner: `team-${i % 4}` } : i % 10 === 1 ? { env: "dev" } : {}) as Record<string, string>,
  raw: { i },
}));

beforeAll(async () => {
  const org = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: org, name: "List test" } });
  planId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId: org, name: "List test" } });
  plan = await loadScopedPlan(org, planId);
  scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId, mode: "summary", regions: REGIONS, status: "running" } });
  await storeBatch(pool(), { scanId, planId }, records, []);
  await advanceScan(scanId); // finishes it: no tasks, so complete, with its counts kept
});

const list = (q: Record<string, string | number>) => listResources(plan, resourceQuerySchema.parse(q));

describe("the inventory table's query", () => {
  it("pages through everything once, in order, whatever the sort", async () => {
    for (const sort of ["name", "kind", "region", "arn"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const p = await list({ sort, dir, page, pageSize: 100 });
          expect(p.total).toBe(330);
          seen.push(...p.rows.map((r) => r.id));
          const key = (r: (typeof p.rows)[number]) => (sort === "name" ? r.name : sort === "arn" ? r.arn : sort === "kind" ? r.kind : r.region);
          const keys = p.rows.map(key);
          const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(keys).toEqual(dir === "asc" ? sorted : sorted.reverse());
        }
        expect(new Set(seen).size).toBe(330);
      }
    }
  });

  it("filters by kind, region, tag and text, with exact counts", async () => {
    expect((await list({ kind: "AWS::IoT::Thing" })).total).toBe(110);
    expect((await list({ region: "us-east-1", kind: "AWS::S3::Bucket" })).total).toBe(records.filter((r) => r.region === "us-east-1" && r.kind === "AWS::S3::Bucket").length);
    expect((await list({ tag: "env=prod" })).total).toBe(33);
    expect((await list({ tag: "env" })).total).toBe(66);
    expect((await list({ tag: "owner=team-2" })).total).toBe(records.filter((r) => r.tags.owner === "team-2").length);
    expect((await list({ q: "RES-00" })).total).toBe(records.filter((r) => r.name.startsWith("res-00")).length);
  });

  it("matches the user's text literally: % and _ are not wildcards", async () => {
    const p = await list({ q: "100%_" });
    expect(p.rows.map((r) => r.name)).toEqual(["100%_real"]);
    expect((await list({ q: "%" })).total).toBe(1);
    expect((await list({ q: "'; DROP TABLE resources; --" })).total).toBe(0);
  });

  it("serves a search the same from the text index and from the sort's index", async () => {
    const few = { fromSearchIndexUpTo: 1_000_000 };
    const many = { fromSearchIndexUpTo: -1 };
    for (const q of [{ q: "res-01" }, { q: "res-0", sort: "arn", dir: "desc", page: 2, pageSize: 7 }, { tag: "env" }, { tag: "env=prod", sort: "kind", page: 3, pageSize: 5 }, { q: "nothing-like-this" }]) {
      const parsed = resourceQuerySchema.parse(q);
      const a = await listResources(plan, parsed, few);
      const b = await listResources(plan, parsed, many);
      expect(a.rows.map((r) => r.id)).toEqual(b.rows.map((r) => r.id));
      expect(a.total).toBe(b.total);
      expect(a.totalIsLowerBound).toBe(false);
    }
    // Past the last page: no rows, and still the count.
    const past = await listResources(plan, resourceQuerySchema.parse({ tag: "env=prod", page: 9 }), few);
    expect(past).toMatchObject({ total: 33, totalIsLowerBound: false, rows: [] });
  });

  it("counts a broad search up to the cap, says so, and still pages through every match in order", async () => {
    const matching = records.filter((r) => r.name.startsWith("res-0")).map((r) => r.name).sort();
    for (const limits of [{ countCap: 20, fromSearchIndexUpTo: 1_000_000 }, { countCap: 20, fromSearchIndexUpTo: -1 }]) {
      const first = await listResources(plan, resourceQuerySchema.parse({ q: "res-0", pageSize: 15 }), limits);
      expect(first.totalIsLowerBound).toBe(true);
      expect(first.total).toBe(20);
      expect(first.rows.map((r) => r.name)).toEqual(matching.slice(0, 15));
      const deep = await listResources(plan, resourceQuerySchema.parse({ q: "res-0", pageSize: 15, page: 4 }), limits);
      expect(deep.totalIsLowerBound).toBe(true);
      expect(deep.total).toBe(60);
      expect(deep.rows.map((r) => r.name)).toEqual(matching.slice(45, 60));
    }
  });

  it("keeps a finished scan's counts for the chart", async () => {
    const summary = await inventorySummary(plan);
    expect(summary.total).toBe(330);
    expect(summary.kinds.find((k) => k.kind === "AWS::IoT::Thing")?.count).toBe(110);
    expect(summary.scan?.status).toBe("complete");
  });
});

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the inventory exports", () => {
  it("streams every filtered resource as CSV, with formulas made inert and the guidance note", async () => {
    const csv = await text(exportCsv((await resolveScan(plan, scanId))!, {}));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^# Silkroute inventory export\. Regulatory guidance, not legal advice\.$/);
    expect(lines[1]).toBe("arn,kind,region,account,name,tags");
    expect(lines).toHaveLength(2 + 330);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const things = await text(exportCsv((await resolveScan(plan, scanId))!, { kind: "AWS::IoT::Thing", tag: "env=prod" }));
    expect(things.trimEnd().split("\r\n")).toHaveLength(2 + records.filter((r) => r.kind === "AWS::IoT::Thing" && r.tags.env === "prod").length);
  });

  it("streams JSON that parses, raw data included", async () => {
    const json = JSON.parse(await text(exportJson((await resolveScan(plan, scanId))!, { id: scanId }, { region: "us-east-1" })));
    expect(json.note).toMatch(/not legal advice/);
    expect(json.resources).toHaveLength(165);
    expect(json.resources[0].raw).toHaveProperty("i");
  });
});
