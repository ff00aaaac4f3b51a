import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { estateSummary } from "@/doubles/aws/estate";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

/**
 * IoT job and job template documents are strings in AWS's answers. The stand-in's estate plants
 * credentials in some of them (a URL pre-signed by hand, MQTT and API credentials, a document
 * that is not JSON); a scan must store none of them, and keep what an architect needs.
 */
let fx: InventoryFixture;
let scanId: string;
beforeAll(async () => {
  fx = await createInventoryFixture({ things: 40, regions: ["eu-central-1"] });
  ({ scanId } = await scanFixture(fx));
}, 300_000);
afterAll(async () => fx?.stop());

async function documents(kind: string): Promise<Array<{ name: string; raw: Record<string, unknown> }>> {
  const { rows } = await pool().query<{ name: string; raw: Record<string, unknown> }>(`SELECT name, raw FROM resources WHERE scan_id = $1 AND kind = $2 ORDER BY name`, [scanId, kind]);
  return rows;
}

describe("job and job template documents", () => {
  it("never stores a credential planted in a document", async () => {
    const secrets = estateSummary(fx.estate).notable.jobDocumentSecrets;
    // Three kinds of pre-signed credential per signed URL, plus passwords and keys.
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    const { rows } = await pool().query<{ arn: string; hit: string }>(
      `SELECT r.arn, s.hit FROM resources r, unnest($2::text[]) AS s(hit) WHERE r.scan_id = $1 AND (r.raw::text LIKE '%' || s.hit || '%' OR r.tags::text LIKE '%' || s.hit || '%')`,
      [scanId, secrets],
    );
    expect(rows).toEqual([]);
  });

  it("stores JSON documents as JSON, keeping the operation, the placeholder and the S3 bucket and key", async () => {
    const region = fx.estate.byRegion["eu-central-1"]!;
    const jobs = await documents("AWS::IoT::Job");
    expect(jobs.map((j) => j.name).sort()).toEqual(region.iot.jobs.map((j) => j.id).sort());
    const bucket = region.iot.jobs
      .map((j) => /s3\.amazonaws\.com\/([^/]+)\//.exec(j.document)?.[1])
      .find(Boolean) as string;
    const configured = jobs.find((j) => typeof j.raw.document === "object" && "fallbackUrl" in (j.raw.document as object));
    expect(configured, "a job whose document carries a hand-signed URL").toBeTruthy();
    const doc = configured!.raw.document as { operation: string; url: string; fallbackUrl: string; telemetry: { broker: string }; callback: { apiToken: string } };
    expect(doc.operation).toBe("firmwareUpdate");
    expect(doc.url).toMatch(new RegExp(`^\\$\\{aws:iot:s3-presigned-url:https://s3\\.amazonaws\\.com/${bucket}/firmware/[\\d.]+\\.bin\\}$`));
    expect(doc.fallbackUrl).toMatch(new RegExp(`^https://${bucket}\\.s3\\.eu-central-1\\.amazonaws\\.com/firmware/[\\d.]+\\.bin\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&`));
    expect(doc.fallbackUrl).toContain("X-Amz-Signature=[redacted]");
    expect(doc.telemetry.broker).toBe("mqtts://telemetry:[redacted]@broker.example.com:8883");
    expect(doc.callback.apiToken).toBe("[redacted]");
    // Every JSON document AWS served is an object here, not a string.
    for (const job of region.iot.jobs.filter((j) => j.document.startsWith("{"))) {
      expect(typeof jobs.find((j) => j.name === job.id)!.raw.document, job.id).toBe("object");
    }
    const [template] = (await documents("AWS::IoT::JobTemplate")).filter((t) => t.name === "firmware-rollout-template");
    expect((template!.raw.jobTemplate as { document: { operation: string; callback: { apiToken: string } } }).document).toMatchObject({
      operation: "firmwareUpdate",
      callback: { apiToken: "[redacted]" },
    });
  });

  it("keeps a document that is not JSON as text, with its secrets redacted", async () => {
    const text = (await documents("AWS::IoT::Job")).map((j) => j.raw.document).find((d): d is string => typeof d === "string");
    expect(text, "the stand-in serves one job document that is not JSON").toBeTruthy();
    expect(text).toContain("#!/bin/sh");
    expect(text).toMatch(/curl -fsSL 'https:\/\/[^/]+\.s3\.eu-central-1\.amazonaws\.com\/scripts\/rotate-logs\.sh\?/);
    expect(text).toContain("API_KEY=[redacted]");
  });
});
