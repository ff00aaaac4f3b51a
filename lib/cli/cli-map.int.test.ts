import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEstate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn } from "@/doubles/aws/server";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

/**
 * `silkroute map` as a user runs it, in its own process on its own database: it maps the newest
 * scan (or the one named) and prints exactly the document the issue names; failures keep the
 * exit codes of `scan`.
 */
let standIn: AwsStandIn;
let db: ScratchDatabase | null = null;
let dataDir: string;

beforeAll(async () => {
  const estate = generateEstate({ seed: 9, regions: ["eu-central-1"], thingsPerRegion: 25 });
  standIn = await startAwsStandIn({ estate, quotas: "off" });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-cli-map-"));
  if (process.env.DATABASE_URL) db = await createScratchDatabase("climap");
});
afterAll(async () => {
  await standIn?.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function silkroute(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ENDPOINT_URL: standIn.url,
    AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_CREDENTIALS.secretAccessKey,
    AWS_REGION: "eu-central-1",
    SILKROUTE_DATA_DIR: dataDir,
    SILKROUTE_SECRET: "cli-test-secret-0123456789-abcdefghijklmnop",
    DATABASE_URL: db?.url ?? "",
  };
  delete env.AWS_PROFILE;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/silkroute.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

describe("silkroute map", () => {
  it("says there is nothing to map before any scan", async () => {
    const run = await silkroute(["map", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ scanId: null, error: { code: "NOT_FOUND" } });
  });

  it("maps the newest scan and prints exactly one document of the named shape", async () => {
    const scan = await silkroute(["scan", "--region", "eu-central-1", "--json"]);
    // The stand-in estate holds a malformed policy document: the scan is partial (exit 2).
    expect(scan.code, scan.stderr).toBe(2);
    const result = JSON.parse(scan.stdout.trim()) as { scanId: string; counts: Record<string, Record<string, number>> };
    const scanned = { scanId: result.scanId, resources: Object.values(result.counts).reduce((n, byKind) => n + sum(byKind), 0) };
    const run = await silkroute(["map", "--json"]);
    // Mapped from a partial scan: exit 2, as `scan` says partial.
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as { scanId: string; coverage: Record<string, number>; byKind: Record<string, Record<string, number>>; targets: Record<string, number> };
    expect(Object.keys(doc).sort()).toEqual(["byKind", "coverage", "scanId", "targets"]);
    expect(doc.scanId).toBe(scanned.scanId);
    expect(Object.keys(doc.coverage).sort()).toEqual(["blocked", "decision", "mapped", "none"]);
    expect(sum(doc.coverage)).toBe(scanned.resources);
    expect(Object.values(doc.byKind).reduce((n, c) => n + sum(c), 0)).toBe(scanned.resources);
    expect(doc.byKind["AWS::IoT::Thing"]?.mapped).toBe(doc.targets["ALIYUN::IOT::Device"]);
    expect(doc.targets["ALIYUN::IOT::Device"]).toBeGreaterThan(0);

    const named = await silkroute(["map", "--scan", scanned.scanId]);
    expect(named.code).toBe(2);
    expect(named.stdout).toContain(`Mapped scan ${scanned.scanId}`);
  });

  it("fails with a clear message on an unknown scan and refuses flags it does not understand", async () => {
    const unknown = await silkroute(["map", "--scan", "no-such-scan", "--json"]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout.trim())).toMatchObject({ scanId: null, error: { code: "NOT_FOUND" } });
    const bad = await silkroute(["map", "--everything", "--json"]);
    expect(bad.code).toBe(64);
    expect(JSON.parse(bad.stdout.trim())).toMatchObject({ scanId: null, error: { code: "USAGE" } });
  });
});
