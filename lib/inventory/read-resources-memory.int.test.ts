import crypto from "node:crypto";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { storeBatch } from "@/lib/inventory/store-batch";
import { readResources } from "@/lib/inventory/read-resources";
import { KIND } from "@/lib/aws/resource-kinds";
import type { ResourceRecord } from "@/lib/aws/collector-types";
import { loadScopedScan, type ScopedScan } from "@/lib/plans/scoped-plan";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * The read contract holds its memory constant however many resources a scan has: 100,000 things
 * are iterated while the live heap (after a forced collection, so garbage is not counted) is
 * sampled, and its growth must stay far below what holding every row would take, measured in the
 * same run from the first rows.
 */

useTestDatabase();

const TOTAL = 100_000;
const STORE_BATCH = 2_000;
const SAMPLE_EVERY = 5_000;
const HELD_FOR_ESTIMATE = 5_000;

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const liveHeap = () => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const name = (i: number) => `thing-${String(i).padStart(6, "0")}`;
const thing = (i: number): ResourceRecord => {
  const arn = `arn:aws:iot:eu-central-1:123456789012:thing/${name(i)}`;
  return {
    arn,
    kind: KIND.iotThing,
    region: "eu-central-1",
    accountId: "123456789012",
    name: name(i),
    tags: {},
    raw: {
      thing: {
        thingName: name(i),
        thingArn: arn,
        thingTypeName: `sensor-type-${i % 12}`,
        version: i % 7,
        attributes: { model: `m-${i % 40}`, firmware: `1.${i % 9}.${i % 31}`, site: `site-${i % 300}`, note: `installed by crew ${i % 17} `.repeat(6) },
      },
      principals: [`arn:aws:iot:eu-central-1:123456789012:cert/${crypto.createHash("sha256").update(String(i)).digest("hex")}`],
    },
  };
};

let scan: ScopedScan;

beforeAll(async () => {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Read contract at fleet size" } });
  const planId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId, name: "Fleet of 100,000" } });
  const scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId, mode: "summary", regions: ["eu-central-1"], status: "complete" } });
  for (let start = 0; start < TOTAL; start += STORE_BATCH) {
    const page = Array.from({ length: Math.min(STORE_BATCH, TOTAL - start) }, (_, k) => thing(start + k));
    await storeBatch(pool(), { scanId, planId }, page, []);
  }
  scan = await loadScopedScan(organizationId, scanId);
}, 600_000);

describe("reading 100,000 resources", () => {
  it("yields every one once, in order, typed, with the heap flat", async () => {
    // What holding rows costs, from the first rows of the same walk (a consumer that stops early).
    const before = liveHeap();
    const held: unknown[] = [];
    for await (const resource of readResources(scan, KIND.iotThing)) {
      held.push(resource);
      if (held.length === HELD_FOR_ESTIMATE) break;
    }
    const perRow = (liveHeap() - before) / held.length;
    held.length = 0;
    const holdingAll = perRow * TOTAL;

    const baseline = liveHeap();
    let peak = 0;
    let count = 0;
    let previous = "";
    let outOfOrder = 0;
    let versions = 0;
    for await (const resource of readResources(scan, KIND.iotThing)) {
      if (resource.problem) throw new Error(`row ${resource.id}: ${resource.problem.issues}`);
      if (!(resource.name > previous)) outOfOrder++;
      previous = resource.name;
      versions += resource.raw.thing.version ?? 0;
      count++;
      if (count % SAMPLE_EVERY === 0) peak = Math.max(peak, liveHeap() - baseline);
    }
    expect(count).toBe(TOTAL);
    // Strictly increasing names (each is unique) and the full count: every row once.
    expect(outOfOrder).toBe(0);
    expect(versions).toBe(Array.from({ length: TOTAL }, (_, i) => i % 7).reduce((a, b) => a + b, 0));
    // Holding every row would take this much (about 1.5 KB a row here); the walk must stay under a tenth of it.
    expect(holdingAll).toBeGreaterThan(50 * 1024 * 1024);
    expect(peak, `heap growth ${(peak / 1e6).toFixed(1)} MB while holding all would take ${(holdingAll / 1e6).toFixed(0)} MB`).toBeLessThan(holdingAll / 10);
  }, 600_000);
});
