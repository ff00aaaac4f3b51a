import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storeBatch } from "@/lib/inventory/store-batch";
import { readResources, type InventoryResource } from "@/lib/inventory/read-resources";
import { readRelations } from "@/lib/inventory/read-relations";
import { KIND } from "@/lib/aws/resource-kinds";
import type { ResourceRecord } from "@/lib/aws/collector-types";
import type { CollectedKind } from "@/lib/inventory/raw/raw-schema-registry";
import { loadPlanScope, loadScopedPlan, loadScopedScan, type ScopedPlan, type ScopedScan } from "@/lib/plans/scoped-plan";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * The read contract's paging, scope and handling of stored data it cannot read, on rows stored
 * with the scan engine's own bulk writer.
 */

useTestDatabase();

const ACCOUNT = "123456789012";
/** Names with ties (each used several times), case, accents, spaces, an empty name and LIKE wildcards. */
const NAMES = ["sensor", "Sensor", "ünïcode ñ", "", "gate way", "100%_x", "zeta"];
const REGIONS = ["eu-central-1", "us-east-1"];

function thing(scanTag: string, i: number, name: string): ResourceRecord {
  const region = REGIONS[i % 2]!;
  const arn = `arn:aws:iot:${region}:${ACCOUNT}:thing/${scanTag}-${i}`;
  return { arn, kind: KIND.iotThing, region, accountId: ACCOUNT, name, tags: { n: String(i) }, raw: { thing: { thingName: `${scanTag}-${i}`, thingArn: arn, version: i } } };
}

function certificate(i: number): ResourceRecord {
  const arn = `arn:aws:iot:eu-central-1:${ACCOUNT}:cert/c${i}`;
  return { arn, kind: KIND.iotCertificate, region: "eu-central-1", accountId: ACCOUNT, name: NAMES[i % NAMES.length]!, tags: {}, raw: { certificate: { certificateId: `c${i}`, status: "ACTIVE" } } };
}

async function newOrganisation(label: string): Promise<{ organizationId: string; plan: ScopedPlan }> {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: label } });
  const planId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId, name: `${label} plan` } });
  return { organizationId, plan: await loadScopedPlan(organizationId, planId) };
}

async function newScan(organizationId: string, plan: ScopedPlan): Promise<ScopedScan> {
  const scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId: plan.id, mode: "deep", regions: REGIONS, status: "complete" } });
  return loadScopedScan(organizationId, scanId);
}

const store = (scan: ScopedScan, resources: ResourceRecord[]) => storeBatch(pool(), { scanId: scan.id, planId: scan.plan.id }, resources, []);

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The database's own order of a scan's rows of a kind: what every walk must reproduce exactly. */
async function expectedIds(scan: ScopedScan, kind: CollectedKind, region?: string): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id::text AS id FROM resources WHERE scan_id = $1 AND kind = $2 AND ($3::text IS NULL OR region = $3) ORDER BY name, resources.id`,
    [scan.id, kind, region ?? null],
  );
  return rows.map((r) => r.id);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let orgA: string;
let planA: ScopedPlan;
let scanA: ScopedScan;
let otherScanOfA: ScopedScan;
let orgB: string;
let planB: ScopedPlan;
let scanB: ScopedScan;

beforeAll(async () => {
  ({ organizationId: orgA, plan: planA } = await newOrganisation("Tenant A"));
  ({ organizationId: orgB, plan: planB } = await newOrganisation("Tenant B"));
  scanA = await newScan(orgA, planA);
  otherScanOfA = await newScan(orgA, planA);
  scanB = await newScan(orgB, planB);
  // Row ids that cross a power of ten inside each group of equal names: the text order of the ids
  // ("10000000" < "9999999") then differs from their order, which is the one paging must follow.
  const { rows } = await pool().query<{ last: string }>(`SELECT last_value::text AS last FROM resources_id_seq`);
  const last = BigInt(rows[0]!.last);
  const power = 10n ** BigInt((last + 100n).toString().length);
  await pool().query(`SELECT setval('resources_id_seq', $1::bigint)`, [(power - 30n).toString()]);
  await store(scanA, Array.from({ length: 70 }, (_, i) => thing("a", i, NAMES[i % NAMES.length]!)));
  await store(scanA, Array.from({ length: 9 }, (_, i) => certificate(i)));
  await store(otherScanOfA, Array.from({ length: 30 }, (_, i) => thing("a2", i, NAMES[i % NAMES.length]!)));
  await store(scanB, Array.from({ length: 20 }, (_, i) => thing("b", i, NAMES[i % NAMES.length]!)));
});

describe("keyset paging", () => {
  it("yields every resource of the kind once, in the database's order, whatever the page size", async () => {
    const expected = await expectedIds(scanA, KIND.iotThing);
    expect(expected).toHaveLength(70);
    // The ids of equal names straddle a power of ten, so an order by the ids' text would differ.
    const texts = [...expected].sort();
    expect(texts).not.toEqual([...expected].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    for (const pageSize of [1, 2, 3, 4, 7, 10, 69, 70, 71, 500]) {
      const ids = (await all(readResources(scanA, KIND.iotThing, { pageSize }))).map((r) => r.id);
      expect(ids, `page size ${pageSize}`).toEqual(expected);
    }
  });

  it("keeps to the kind and the region asked for", async () => {
    const certificates = await all(readResources(scanA, KIND.iotCertificate, { pageSize: 2 }));
    expect(certificates.map((r) => r.id)).toEqual(await expectedIds(scanA, KIND.iotCertificate));
    expect(certificates.every((r) => r.kind === KIND.iotCertificate && r.raw?.certificate.status === "ACTIVE")).toBe(true);
    const inUs = await all(readResources(scanA, KIND.iotThing, { region: "us-east-1", pageSize: 3 }));
    expect(inUs.map((r) => r.id)).toEqual(await expectedIds(scanA, KIND.iotThing, "us-east-1"));
    expect(inUs).toHaveLength(35);
    expect(await all(readResources(scanA, KIND.s3Bucket))).toEqual([]);
  });

  it("is not disturbed by rows another scan stores while it walks", async () => {
    const expected = await expectedIds(scanA, KIND.iotThing);
    const seen: string[] = [];
    let extra = 0;
    for await (const resource of readResources(scanA, KIND.iotThing, { pageSize: 4 })) {
      seen.push(resource.id);
      // Rows with the very name the walk is at, in the same plan, and in another organisation.
      await store(otherScanOfA, [thing("a2-late", extra, resource.name)]);
      if (extra % 5 === 0) await store(scanB, [thing("b-late", extra, resource.name)]);
      extra++;
    }
    expect(seen).toEqual(expected);
    expect((await expectedIds(otherScanOfA, KIND.iotThing)).length).toBe(30 + 70);
  });

  it("returns the stored identity, tags and typed raw data of each row", async () => {
    const [first] = await all(readResources(scanA, KIND.iotThing, { region: "eu-central-1", pageSize: 1 }));
    const { rows } = await pool().query<{ arn: string; name: string; tags: Record<string, string> }>(`SELECT arn, name, tags FROM resources WHERE id = $1`, [first!.id]);
    expect(first).toMatchObject({ arn: rows[0]!.arn, name: rows[0]!.name, tags: rows[0]!.tags, accountId: ACCOUNT, region: "eu-central-1", kind: KIND.iotThing, problem: null });
    expect(first!.raw?.thing.thingArn).toBe(rows[0]!.arn);
    expect(typeof first!.raw?.thing.version).toBe("number");
  });
});

describe("organisation scope", () => {
  it("cannot obtain another organisation's scan", async () => {
    expect((await rejection(loadScopedScan(orgA, scanB.id))).code).toBe("NOT_FOUND");
    expect((await rejection(loadPlanScope(orgA, { scanId: scanB.id }))).reason).toBe("scanNotFound");
    expect((await rejection(loadScopedScan(orgB, scanA.id))).code).toBe("NOT_FOUND");
  });

  it("reads nothing of a hand-built scope that names another organisation's scan", async () => {
    const forgeries = [
      { id: scanB.id, plan: planA },
      { id: scanB.id, plan: { ...planA, id: planB.id } },
      { id: scanA.id, plan: { ...planA, organizationId: orgB } },
    ] as unknown as ScopedScan[];
    for (const forged of forgeries) {
      const resources = readResources(forged, KIND.iotThing);
      expect((await rejection(resources.next())).reason).toBe("scanNotFound");
      expect((await rejection(readRelations(forged).next())).reason).toBe("scanNotFound");
    }
  });

  it("reads only its own organisation's rows", async () => {
    const own = await all(readResources(await loadScopedScan(orgB, scanB.id), KIND.iotThing));
    expect(own.length).toBeGreaterThanOrEqual(20);
    expect(own.every((r) => r.arn.includes(":thing/b"))).toBe(true);
  });
});

describe("stored data of an unexpected shape", () => {
  it("is yielded in its place with raw: null and a problem, and the walk goes on", async () => {
    const scan = await newScan(orgA, planA);
    const base = thing("p", 0, "ok");
    await store(scan, [
      { ...base, arn: `${base.arn}-ok` },
      { ...base, arn: `${base.arn}-wrong-type`, name: "bad-1", raw: { thing: { thingName: "p-1", version: "SECRET-VALUE-7" } } },
      { ...base, arn: `${base.arn}-renamed`, name: "bad-2", raw: { device: { thingName: "p-2" } } },
      { ...base, arn: `${base.arn}-tags`, name: "bad-3", tags: { n: 5 } as never },
    ]);
    const rows = await all(readResources(scan, KIND.iotThing, { pageSize: 1 }));
    expect(rows.map((r) => r.name)).toEqual(["bad-1", "bad-2", "bad-3", "ok"]);
    const [wrongType, renamed, badTags, ok] = rows as Array<InventoryResource<typeof KIND.iotThing>> as [
      InventoryResource<typeof KIND.iotThing>,
      InventoryResource<typeof KIND.iotThing>,
      InventoryResource<typeof KIND.iotThing>,
      InventoryResource<typeof KIND.iotThing>,
    ];
    expect(badTags.problem?.issues).toContain("tags.n");
    expect(badTags.tags).toEqual({});
    expect(wrongType.raw).toBeNull();
    expect(wrongType.problem?.code).toBe("StoredShapeMismatch");
    expect(wrongType.problem?.issues).toContain("raw.thing.version");
    expect(wrongType.problem?.issues).not.toContain("SECRET-VALUE-7");
    expect(wrongType.tags).toEqual({ n: "0" });
    expect(renamed.raw).toBeNull();
    expect(renamed.problem?.issues).toContain("raw.thing");
    expect(ok.problem).toBeNull();
    expect(ok.raw?.thing.thingName).toBe("p-0");
  });

  it("refuses a Lambda function stored with its environment values, so no later stage reads them", async () => {
    const scan = await newScan(orgA, planA);
    const arn = `arn:aws:lambda:eu-central-1:${ACCOUNT}:function:ingest`;
    await store(scan, [
      { arn, kind: KIND.lambdaFunction, region: "eu-central-1", accountId: ACCOUNT, name: "ingest", tags: {}, raw: { function: { FunctionName: "ingest", FunctionArn: arn, Environment: { Variables: { DB_PASSWORD: "hunter2" } } } } },
    ]);
    const [row] = await all(readResources(scan, KIND.lambdaFunction));
    expect(row?.raw).toBeNull();
    expect(row?.problem?.issues).toContain("raw.function.Environment.Variables");
    expect(row?.problem?.issues).not.toContain("hunter2");
  });
});

describe("arguments", () => {
  it("refuses a kind Silkroute does not collect and a page size out of range", async () => {
    expect((await rejection(readResources(scanA, "AWS::Nope::Thing" as never).next())).reason).toBe("inventoryKindUnknown");
    expect((await rejection(readResources(scanA, KIND.firehoseDeliveryStream as never).next())).reason).toBe("inventoryKindUnknown");
    expect((await rejection(readResources(scanA, KIND.iotThing, { pageSize: 0 }).next())).code).toBe("VALIDATION_FAILED");
    expect((await rejection(readResources(scanA, KIND.iotThing, { pageSize: 5_001 }).next())).code).toBe("VALIDATION_FAILED");
  });
});
