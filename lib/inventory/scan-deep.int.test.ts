import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { arns } from "@/doubles/aws/arns";
import { estateSummary, expectedCounts, type RegionEstate } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * A deep scan with shadows of the stand-in estate: the per-device calls (ListThingPrincipals,
 * DescribeCertificate, the shadows) land where the inventory shows them. Everything is compared
 * with the generated estate, not with what the scan said about itself.
 */

useTestDatabase();

let fx: InventoryFixture;
let scanId: string;
let status: string;
beforeAll(async () => {
  fx = await createInventoryFixture({ seed: 21, things: 60 });
  ({ scanId, status } = await scanFixture(fx, { mode: "deep", includeShadows: true }));
}, 120_000);
afterAll(async () => fx?.stop());

const scopeOf = (region: string) => ({ accountId: fx.estate.accountId, region });
const regionEstate = (region: string) => fx.estate.byRegion[region] as RegionEstate;

async function rawByArn(kind: string): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await pool().query<{ arn: string; raw: Record<string, unknown> }>(`SELECT arn, raw FROM resources WHERE scan_id = $1 AND kind = $2`, [scanId, kind]);
  return new Map(rows.map((r) => [r.arn, r.raw]));
}

describe("a deep scan with shadows", () => {
  it("reads every kind exactly, and lists only the deliberately malformed policies", async () => {
    expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => `${i.region} ${i.code} ${i.arn}`).sort()).toEqual(
      estateSummary(fx.estate)
        .notable.malformedPolicies.map((m) => `${m.region} MalformedPolicy ${arns.policy(scopeOf(m.region), m.policyName)}`)
        .sort(),
    );
  });

  it("links every attached certificate to its thing, and nothing else", async () => {
    const { rows } = await pool().query<{ from_arn: string; to_arn: string }>(
      `SELECT from_arn, to_arn FROM resource_relations WHERE scan_id = $1 AND type = 'attached-to' AND to_kind = 'AWS::IoT::Thing'`,
      [scanId],
    );
    const expected = fx.regions.flatMap((region) =>
      regionEstate(region).iot.things.flatMap((t) => t.principals.map((id) => `${arns.certificate(scopeOf(region), id)} -> ${arns.thing(scopeOf(region), t.name)}`)),
    );
    expect(expected.length).toBeGreaterThan(100);
    // things with no certificate and things with a rotated (two) certificates are both in the estate
    expect(fx.regions.some((region) => regionEstate(region).iot.things.some((t) => t.principals.length === 2))).toBe(true);
    expect(fx.regions.some((region) => regionEstate(region).iot.things.some((t) => t.principals.length === 0))).toBe(true);
    expect(rows.map((r) => `${r.from_arn} -> ${r.to_arn}`).sort()).toEqual(expected.sort());
  });

  it("keeps each certificate's validity and issuing CA from DescribeCertificate", async () => {
    const stored = await rawByArn("AWS::IoT::Certificate");
    let checked = 0;
    for (const region of fx.regions) {
      for (const c of regionEstate(region).iot.certificates) {
        const raw = stored.get(arns.certificate(scopeOf(region), c.id));
        const description = raw?.description as { validity?: { notBefore?: string; notAfter?: string }; caCertificateId?: string | null } | undefined;
        expect(description?.validity, c.id).toEqual({
          notBefore: new Date(c.notBefore * 1000).toISOString(),
          notAfter: new Date(c.notAfter * 1000).toISOString(),
        });
        expect(description?.caCertificateId ?? undefined).toBe(c.caCertificateId);
        checked++;
      }
    }
    expect(checked).toBe(stored.size);
  });

  it("links CA-issued certificates to their CA (ListCertificatesByCA)", async () => {
    const { rows } = await pool().query<{ from_arn: string; to_arn: string }>(`SELECT from_arn, to_arn FROM resource_relations WHERE scan_id = $1 AND type = 'issued-by'`, [scanId]);
    const expected = fx.regions.flatMap((region) =>
      regionEstate(region)
        .iot.certificates.filter((c) => c.caCertificateId)
        .map((c) => `${arns.certificate(scopeOf(region), c.id)} -> ${arns.caCertificate(scopeOf(region), c.caCertificateId as string)}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.from_arn} -> ${r.to_arn}`).sort()).toEqual(expected.sort());
  });

  it("stores classic and named shadows in the thing's raw.shadows", async () => {
    const stored = await rawByArn("AWS::IoT::Thing");
    let classic = 0;
    let named = 0;
    for (const region of fx.regions) {
      for (const t of regionEstate(region).iot.things) {
        const shadows = stored.get(arns.thing(scopeOf(region), t.name))?.shadows as
          | { classic: { state?: { reported?: Record<string, unknown> } } | null; named: Record<string, { state?: { reported?: Record<string, unknown> } }> }
          | undefined;
        expect(shadows, t.name).toBeDefined();
        if (t.classicShadow) {
          classic++;
          expect(shadows?.classic?.state?.reported?.firmware, t.name).toBe(t.attributes.firmware);
        } else {
          expect(shadows?.classic, t.name).toBeNull();
        }
        expect(Object.keys(shadows?.named ?? {}).sort(), t.name).toEqual([...t.namedShadows].sort());
        named += t.namedShadows.length;
        if (t.namedShadows.includes("firmware")) expect(shadows?.named.firmware?.state?.reported?.version).toBe(t.attributes.firmware);
      }
    }
    expect(classic).toBeGreaterThan(0);
    expect(named).toBeGreaterThan(0);
  });
});
