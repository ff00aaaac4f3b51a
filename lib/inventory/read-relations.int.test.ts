import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storeBatch } from "@/lib/inventory/store-batch";
import { readRelations, type InventoryRelation } from "@/lib/inventory/read-relations";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import type { RelationRecord, ResourceRecord } from "@/lib/aws/collector-types";
import { loadScopedPlan, loadScopedScan, type ScopedScan } from "@/lib/plans/scoped-plan";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/** The relations of a scan through the read contract: paging, filters, both ends resolved to the scan's resources. */

useTestDatabase();

const ACCOUNT = "123456789012";
const iot = (resource: string) => `arn:aws:iot:eu-central-1:${ACCOUNT}:${resource}`;
const FUNCTION = `arn:aws:lambda:eu-central-1:${ACCOUNT}:function:ingest`;
const QUEUE = `arn:aws:sqs:eu-central-1:${ACCOUNT}:ingest-dlq`;
const identity = (id: string) => `arn:aws:cognito-identity:eu-central-1:${ACCOUNT}:identity/eu-central-1:${id}`;

const resource = (kind: string, arn: string, name: string, raw: Record<string, unknown>): ResourceRecord => ({
  arn,
  kind,
  region: "eu-central-1",
  accountId: ACCOUNT,
  name,
  tags: {},
  raw,
});

const things = Array.from({ length: 10 }, (_, i) => resource(KIND.iotThing, iot(`thing/t-${i}`), `t-${i}`, { thing: { thingName: `t-${i}` } }));
const groups = Array.from({ length: 3 }, (_, i) => resource(KIND.iotThingGroup, iot(`thinggroup/g-${i}`), `g-${i}`, { group: { thingGroupName: `g-${i}` }, dynamic: false }));
const certificates = Array.from({ length: 5 }, (_, i) => resource(KIND.iotCertificate, iot(`cert/c-${i}`), `c-${i}`, { certificate: { certificateId: `c-${i}` } }));

const relations: RelationRecord[] = [
  ...things.map((t, i) => ({ fromArn: t.arn, toArn: groups[i % 3]!.arn, type: REL.memberOf, toKind: KIND.iotThingGroup })),
  // Thing types are not stored: dangling references.
  ...things.map((t, i) => ({ fromArn: t.arn, toArn: iot(`thingtype/type-${i % 2}`), type: REL.hasType, toKind: KIND.iotThingType })),
  ...certificates.map((c, i) => ({ fromArn: c.arn, toArn: things[i]!.arn, type: REL.attachedTo, toKind: KIND.iotThing })),
  // Cognito identities and the policy are not stored: the "from" end is known by its ARN only.
  ...[0, 1, 2].map((i) => ({ fromArn: identity(`id-${i}`), toArn: things[i]!.arn, type: REL.attachedTo, toKind: KIND.iotThing })),
  ...certificates.map((c) => ({ fromArn: iot("policy/DevicePolicy"), toArn: c.arn, type: REL.attachedTo, toKind: KIND.iotCertificate })),
  // One pair of ends under two types: the page key must include the type.
  { fromArn: FUNCTION, toArn: QUEUE, type: REL.deadLettersTo, toKind: KIND.sqsQueue },
  { fromArn: FUNCTION, toArn: QUEUE, type: REL.writesTo, toKind: KIND.sqsQueue },
];

let scan: ScopedScan;
let otherScan: ScopedScan;

beforeAll(async () => {
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Relations" } });
  const planId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId, name: "Relations plan" } });
  const plan = await loadScopedPlan(organizationId, planId);
  const ids = [crypto.randomUUID(), crypto.randomUUID()];
  for (const id of ids) await db().scan.create({ data: { id, planId: plan.id, mode: "deep", regions: ["eu-central-1"], status: "complete" } });
  scan = await loadScopedScan(organizationId, ids[0]!);
  otherScan = await loadScopedScan(organizationId, ids[1]!);
  await storeBatch(pool(), { scanId: scan.id, planId }, [...things, ...groups, ...certificates], relations);
  await storeBatch(pool(), { scanId: otherScan.id, planId }, things, relations.slice(0, 10));
});

async function all(iterable: AsyncIterable<InventoryRelation>): Promise<InventoryRelation[]> {
  const out: InventoryRelation[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function expectedIds(where = "TRUE", params: unknown[] = []): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id::text AS id FROM resource_relations WHERE scan_id = $1 AND ${where} ORDER BY from_arn, to_arn, type`,
    [scan.id, ...params],
  );
  return rows.map((r) => r.id);
}

describe("reading a scan's relations", () => {
  it("yields every relation once, in the index's order, whatever the page size", async () => {
    const expected = await expectedIds();
    expect(expected).toHaveLength(relations.length);
    for (const pageSize of [1, 2, 4, 7, 34, 35, 36, 1000]) {
      expect((await all(readRelations(scan, { pageSize }))).map((r) => r.id), `page size ${pageSize}`).toEqual(expected);
    }
  });

  it("filters by type and by the kind of the from end, known from the scan's resources or from the ARN", async () => {
    expect((await all(readRelations(scan, { type: REL.memberOf, pageSize: 3 }))).map((r) => r.id)).toEqual(await expectedIds("type = $2", [REL.memberOf]));
    expect(await all(readRelations(scan, { type: REL.issuedBy }))).toEqual([]);
    const fromThings = await all(readRelations(scan, { fromKind: KIND.iotThing, pageSize: 3 }));
    expect(fromThings).toHaveLength(20);
    expect(new Set(fromThings.map((r) => r.type))).toEqual(new Set([REL.memberOf, REL.hasType]));
    const fromIdentities = await all(readRelations(scan, { fromKind: KIND.cognitoIdentity, pageSize: 2 }));
    expect(fromIdentities.map((r) => r.fromArn).sort()).toEqual([0, 1, 2].map((i) => identity(`id-${i}`)));
    expect(fromIdentities.every((r) => r.fromResourceId === null && r.toResourceId !== null)).toBe(true);
    const policyTargets = await all(readRelations(scan, { type: REL.attachedTo, fromKind: KIND.iotPolicy, pageSize: 4 }));
    expect(policyTargets.map((r) => r.toArn).sort()).toEqual(certificates.map((c) => c.arn).sort());
  });

  it("resolves both ends to the scan's resources, and leaves dangling references unresolved", async () => {
    const { rows } = await pool().query<{ arn: string; id: string }>(`SELECT arn, id::text AS id FROM resources WHERE scan_id = $1`, [scan.id]);
    const idOf = new Map(rows.map((r) => [r.arn, r.id]));
    for (const relation of await all(readRelations(scan, { pageSize: 5 }))) {
      expect(relation.fromResourceId).toBe(idOf.get(relation.fromArn) ?? null);
      expect(relation.toResourceId).toBe(idOf.get(relation.toArn) ?? null);
      if (relation.fromResourceId) expect(relation.fromKind).toBe([...things, ...groups, ...certificates].find((r) => r.arn === relation.fromArn)?.kind);
    }
    const types = await all(readRelations(scan, { type: REL.hasType }));
    expect(types.every((r) => r.toResourceId === null && r.toKind === KIND.iotThingType)).toBe(true);
  });

  it("is not disturbed by relations another scan stores while it walks", async () => {
    const expected = await expectedIds();
    const seen: string[] = [];
    let n = 0;
    for await (const relation of readRelations(scan, { pageSize: 3 })) {
      seen.push(relation.id);
      await storeBatch(pool(), { scanId: otherScan.id, planId: otherScan.plan.id }, [], [{ fromArn: relation.fromArn, toArn: `${relation.toArn}-${n++}`, type: relation.type }]);
    }
    expect(seen).toEqual(expected);
  });

  it("refuses a relation type Silkroute does not record", async () => {
    const error = await readRelations(scan, { type: "owns" as never }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).reason).toBe("inventoryRelationTypeUnknown");
  });
});
