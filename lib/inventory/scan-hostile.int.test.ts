import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { arns } from "@/doubles/aws/arns";
import { estateSummary, expectedCounts, type RegionEstate, type Tags } from "@/doubles/aws/estate";
import { HOSTILE_VALUES, HOSTILE_VALUE_LIST } from "@/doubles/aws/hostile-values";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * Tag values and thing attributes carrying markup, control characters (NUL included), a
 * right-to-left override, a formula, SQL and a 4,000-character string, served over every
 * protocol (REST JSON, AWS JSON, query XML, REST XML, HTTP/2). They are stored exactly as received,
 * except NUL, which Postgres cannot hold and which becomes U+2400, and the scan is not disturbed.
 */

useTestDatabase();

let fx: InventoryFixture;
let scanId: string;
let status: string;
beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 17, things: 40, hostile: true });
  ({ scanId, status } = await scanFixture(fx));
}, 120_000);
afterAll(async () => fx?.stop());

/** What Silkroute stores for a value AWS returned. */
const stored = (value: string) => value.replaceAll("\u0000", "\u2400");
const storedTags = (tags: Tags) => Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, stored(v)]));

/** Resources of the estate whose tags carry hostile values, by the ARN the inventory records, with the protocol that serves them. */
function hostileTagged(): Array<{ arn: string; via: string; tags: Tags }> {
  const e = fx.estate;
  const out: Array<{ arn: string; via: string; tags: Tags }> = [];
  const add = (arn: string, via: string, tags: Tags) => {
    if (Object.values(tags).some((v) => HOSTILE_VALUE_LIST.includes(v))) out.push({ arn, via, tags });
  };
  for (const role of e.iamRoles) add(arns.iamRole(e.accountId, role.name, role.path), "IAM (query XML)", role.tags);
  for (const bucket of e.s3Buckets) add(arns.s3Bucket(bucket.name), "S3 (REST XML)", bucket.tags);
  for (const region of fx.regions) {
    const r = e.byRegion[region] as RegionEstate;
    const scope = { accountId: e.accountId, region };
    for (const g of r.iot.thingGroups) add(arns.thingGroup(scope, g.name), "IoT (REST JSON)", g.tags);
    for (const t of r.iot.thingTypes) add(arns.thingType(scope, t.name), "IoT (REST JSON)", t.tags);
    for (const p of r.iot.policies) add(arns.policy(scope, p.name), "IoT (REST JSON)", p.tags);
    for (const rule of r.iot.topicRules) add(arns.topicRule(scope, rule.name), "IoT (REST JSON)", rule.tags);
    for (const t of r.snsTopics) add(arns.snsTopic(scope, t.name), "SNS (query XML)", t.tags);
    for (const q of r.sqsQueues) add(arns.sqsQueue(scope, q.name), "SQS (JSON)", q.tags);
    for (const k of r.kmsKeys) add(arns.kmsKey(scope, k.id), "KMS (JSON)", k.tags);
    for (const t of r.dynamodbTables) add(arns.dynamodbTable(scope, t.name), "DynamoDB (JSON)", t.tags);
    for (const f of r.lambdaFunctions) add(arns.lambdaFunction(scope, f.name), "Lambda (REST JSON)", f.tags);
    for (const s of r.kinesisStreams) add(arns.kinesisStream(scope, s.name), "Kinesis (JSON over HTTP/2)", s.tags);
    for (const d of r.timestreamDatabases) add(arns.timestreamDatabase(scope, d.name), "Timestream (JSON)", d.tags);
    for (const g of r.logGroups) add(arns.logGroup(scope, g.name), "Logs (JSON)", g.tags);
    for (const t of r.cloudTrails) add(arns.cloudTrail(scope, t.name), "CloudTrail (JSON)", t.tags);
  }
  return out;
}

describe("hostile values", () => {
  it("do not disturb the scan", async () => {
    expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => i.code)).toEqual(estateSummary(fx.estate).notable.malformedPolicies.map(() => "MalformedPolicy"));
  });

  it("are stored in tags as received, over every protocol, NUL made visible", async () => {
    const expected = hostileTagged();
    // every hostile value, and every protocol family, is exercised
    for (const value of HOSTILE_VALUE_LIST) expect(expected.some((x) => Object.values(x.tags).includes(value))).toBe(true);
    expect(new Set(expected.map((x) => x.via)).size).toBeGreaterThanOrEqual(10);
    const { rows } = await pool().query<{ arn: string; tags: Record<string, string> }>(`SELECT arn, tags FROM resources WHERE scan_id = $1 AND arn = ANY($2)`, [
      scanId,
      expected.map((x) => x.arn),
    ]);
    const byArn = new Map(rows.map((r) => [r.arn, r.tags]));
    for (const { arn, via, tags } of expected) expect(byArn.get(arn), `${via} ${arn}`).toEqual(storedTags(tags));
  });

  it("keep the 4,000-character value whole and turn NUL into U+2400", async () => {
    const { rows } = await pool().query<{ tags: Record<string, string> }>(`SELECT tags FROM resources WHERE scan_id = $1 AND arn = $2`, [
      scanId,
      arns.thingGroup({ accountId: fx.estate.accountId, region: fx.regions[0] as string }, "factories"),
    ]);
    const values = Object.values(rows[0]?.tags ?? {});
    expect(values).toContain(HOSTILE_VALUES.long);
    expect(HOSTILE_VALUES.long).toHaveLength(4000);
    const control = values.find((v) => v.startsWith("ctl["));
    expect(control).toBe(stored(HOSTILE_VALUES.controlCharacters));
    expect(control).toContain("\u2400");
    expect(control).toContain("\u0001\u0002");
    expect(control).toContain("\u007f");
  });

  it("are stored in thing attributes as received", async () => {
    const hostile = estateSummary(fx.estate).notable.hostileThings;
    expect(hostile).toHaveLength(HOSTILE_VALUE_LIST.length * fx.regions.length);
    const { rows } = await pool().query<{ arn: string; raw: { thing?: { attributes?: Record<string, string> } } }>(
      `SELECT arn, raw FROM resources WHERE scan_id = $1 AND kind = 'AWS::IoT::Thing'`,
      [scanId],
    );
    const byArn = new Map(rows.map((r) => [r.arn, r.raw.thing?.attributes]));
    for (const { region, thingName } of hostile) {
      const thing = (fx.estate.byRegion[region] as RegionEstate).iot.things.find((t) => t.name === thingName);
      expect(byArn.get(arns.thing({ accountId: fx.estate.accountId, region }, thingName)), thingName).toEqual(storedTags(thing?.attributes ?? {}));
    }
  });

  it("are stored in a rule's description as received", async () => {
    const region = fx.regions[0] as string;
    const rule = (fx.estate.byRegion[region] as RegionEstate).iot.topicRules[0];
    const { rows } = await pool().query<{ raw: { rule?: { description?: string } } }>(`SELECT raw FROM resources WHERE scan_id = $1 AND arn = $2`, [
      scanId,
      arns.topicRule({ accountId: fx.estate.accountId, region }, rule?.name as string),
    ]);
    expect(rows[0]?.raw.rule?.description).toBe(stored(rule?.description as string));
    expect(rule?.description).toBe(HOSTILE_VALUES.script);
  });
});
