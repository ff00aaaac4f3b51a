import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { expectedCounts } from "@/doubles/aws/estate";
import type { Stats } from "@/doubles/aws/server";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * A whole scan through an AWS-compatible endpoint that speaks HTTP/1.1 only and whose Timestream
 * endpoint discovery names a host of its own, as AWS's does: Kinesis streams and Timestream
 * databases are listed, and every call Silkroute makes reaches the configured endpoint, whether
 * the endpoint is the connection's or comes from AWS_ENDPOINT_URL.
 */

useTestDatabase();

/** A host name that never resolves (RFC 2606): a call sent there fails, and the stand-in never sees it. */
const DISCOVERED_ELSEWHERE = "ingest.timestream.discovered.invalid";

describe.each(["connection", "environment"] as const)("a scan through an HTTP/1.1-only endpoint set in the %s", (endpointFrom) => {
  let fx: InventoryFixture;
  let scanId: string;
  let status: string;
  let server: Stats;
  beforeAll(async () => {
    fx = await createInventoryFixture({ seed: 23, things: 30, http2: false, timestreamDiscoveryAddress: DISCOVERED_ELSEWHERE, endpointFrom });
    fx.standIn.resetStats();
    ({ scanId, status } = await scanFixture(fx));
    server = fx.standIn.stats();
  }, 300_000);
  afterAll(async () => fx?.stop());

  it("lists the Kinesis streams and the Timestream databases and tables, and everything else, exactly", async () => {
    const counts = await scanCounts(scanId);
    for (const region of fx.regions) {
      const r = fx.estate.byRegion[region]!;
      expect(counts[region]?.["AWS::Kinesis::Stream"], region).toBe(r.kinesisStreams.length);
      expect(counts[region]?.["AWS::Timestream::Database"], region).toBe(r.timestreamDatabases.length);
      expect(counts[region]?.["AWS::Timestream::Table"], region).toBe(r.timestreamDatabases.reduce((n, d) => n + d.tables.length, 0));
    }
    expect(fx.regions.every((region) => (fx.estate.byRegion[region]?.kinesisStreams.length ?? 0) > 0)).toBe(true);
    expect(countDifferences(counts, expectedCounts(fx.estate))).toEqual([]);
  });

  it("finishes with nothing but the estate's malformed policies to report", async () => {
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => i.code).filter((c) => c !== "MalformedPolicy")).toEqual([]);
  });

  it("opened no HTTP/2 connection and sent every call to the configured endpoint", async () => {
    expect(server.http2Refused).toBe(0);
    // Endpoint discovery is off with an endpoint configured: nothing asked where to go.
    expect(server.byOperation["timestream:DescribeEndpoints"]).toBeUndefined();
    expect(server.byOperation["kinesis:ListStreams"]?.calls).toBeGreaterThanOrEqual(fx.regions.length);
    expect(server.byOperation["timestream:ListDatabases"]?.calls).toBeGreaterThanOrEqual(fx.regions.length);
    // Every attempt Silkroute counted is one the stand-in received: none went anywhere else.
    const stats = await db().scanApiStat.findMany({ where: { scanId } });
    expect(stats.reduce((n, s) => n + s.calls, 0)).toBe(server.calls);
  });
});
