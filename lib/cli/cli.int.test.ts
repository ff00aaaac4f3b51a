import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedCounts, generateEstate, type Estate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn } from "@/doubles/aws/server";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";
import { countDifferences } from "@/lib/testing/inventory-fixture";

/**
 * The command line as a user runs it: a separate process, AWS settings from the environment
 * (AWS_ENDPOINT_URL, keys), a database of its own that it prepares itself.
 */
let standIn: AwsStandIn;
let estate: Estate;
let db: ScratchDatabase | null = null;
let dataDir: string;

beforeAll(async () => {
  estate = generateEstate({ seed: 5, regions: ["eu-central-1", "us-east-1"], thingsPerRegion: 80 });
  standIn = await startAwsStandIn({ estate, quotas: "off", disabledRegions: ["ap-east-1"] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-cli-"));
  // With a Postgres server, the command line gets an empty database of its own; else an empty data folder.
  if (process.env.DATABASE_URL) db = await createScratchDatabase("cli");
});
afterAll(async () => {
  await standIn?.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function silkroute(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_ENDPOINT_URL: standIn.url,
      AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEFAULT_CREDENTIALS.secretAccessKey,
      AWS_REGION: "eu-central-1",
      SILKROUTE_DATA_DIR: dataDir,
      SILKROUTE_SECRET: "cli-test-secret-0123456789-abcdefghijklmnop",
      DATABASE_URL: db?.url ?? "",
      ...extraEnv,
    };
    delete env.AWS_PROFILE;
    const child = spawn(process.execPath, ["bin/silkroute.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe("silkroute scan", () => {
  it("prints exactly one JSON document with counts per region and kind, and exits 2 when partial", async () => {
    const run = await silkroute(["scan", "--region", "eu-central-1", "--region", "us-east-1", "--json"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines, run.stderr.slice(-2000)).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(["counts", "errors", "scanId", "status"]);
    // The estate has a malformed policy document in each region: partial, with it listed.
    expect(result.status).toBe("partial");
    expect(run.code).toBe(2);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e: { code: string }) => e.code === "MalformedPolicy")).toBe(true);
    const expected = expectedCounts(estate);
    // What the command line reports, every kind in every region, both ways.
    expect(countDifferences(result.counts, expected)).toEqual([]);
    expect(result.counts.global["AWS::IAM::Role"]).toBeGreaterThan(0);
  }, 180_000);

  it("fails with exit code 1 and a clear message when the credentials are refused", async () => {
    const run = await silkroute(["scan", "--region", "eu-central-1", "--json"], { AWS_SECRET_ACCESS_KEY: "not-the-right-secret-key-000000000000000" });
    const result = JSON.parse(run.stdout.trim());
    expect(run.code).toBe(1);
    expect(result.status).toBe("failed");
    expect(result.errors[0].code).toBe("InvalidCredentials");
    expect(result.errors[0].message).not.toMatch(/SignatureDoesNotMatch|<Error>|stack/);
  }, 120_000);

  it("refuses bad flags with a clear message and no scan", async () => {
    const run = await silkroute(["scan", "--region", "mars-north-1", "--json"]);
    const result = JSON.parse(run.stdout.trim());
    expect(run.code).toBe(1);
    expect(result.scanId).toBeNull();
    expect(result.errors[0].message).toMatch(/--region/);
    const help = await silkroute(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/scan/);
  }, 60_000);
});
