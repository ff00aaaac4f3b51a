import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { checkMasterSecret, deriveKey, MIN_SECRET_BYTES, resetSecretsForTests, SecretError } from "@/lib/secrets";

const root = path.resolve(import.meta.dirname, "..");

function run(entry: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/run.mjs"), entry, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    // A process that does not stop as it should is ended, so no test leaves one behind.
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dataDir: string;
const saved = { dir: process.env.SILKROUTE_DATA_DIR, secret: process.env.SILKROUTE_SECRET };

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-secret-"));
  process.env.SILKROUTE_DATA_DIR = dataDir;
  delete process.env.SILKROUTE_SECRET;
  resetEnvForTests();
  resetSecretsForTests();
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.SILKROUTE_DATA_DIR = saved.dir;
  if (saved.secret === undefined) delete process.env.SILKROUTE_SECRET;
  else process.env.SILKROUTE_SECRET = saved.secret;
  resetEnvForTests();
  resetSecretsForTests();
});

describe("the generated master secret", () => {
  it("is created once with owner-only access, at least 32 bytes, and read back the same", () => {
    const nested = path.join(dataDir, "fresh");
    process.env.SILKROUTE_DATA_DIR = nested;
    resetEnvForTests();
    checkMasterSecret();
    const file = path.join(nested, "secret.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(nested).mode & 0o777).toBe(0o700);
    expect(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64").length).toBeGreaterThanOrEqual(MIN_SECRET_BYTES);
    // No temporary file is left behind.
    expect(fs.readdirSync(nested)).toEqual(["secret.key"]);
    const first = deriveKey("auth-sessions");
    resetSecretsForTests();
    expect(deriveKey("auth-sessions").equals(first)).toBe(true);
  });

  it.each([
    ["empty", "", /holds no key \(the file is empty\)/],
    ["blank", "  \n", /holds no key \(the file is empty\)/],
    ["short", `${Buffer.alloc(16, 7).toString("base64")}\n`, /holds only 16 bytes of key; at least 32 are needed/],
    ["not base64", "this is not a key at all, is it? ".repeat(3), /is not a Silkroute key/],
  ])("refuses a secret.key that is %s, naming the file and how to fix it", (_label, content, message) => {
    fs.writeFileSync(path.join(dataDir, "secret.key"), content, { mode: 0o600 });
    let error: unknown;
    try {
      checkMasterSecret();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecretError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(path.join(dataDir, "secret.key"));
    expect((error as Error).message).toMatch(/SILKROUTE_SECRET/);
    // The bad file is never replaced by a new key behind the user's back.
    expect(fs.readFileSync(path.join(dataDir, "secret.key"), "utf8")).toBe(content);
  });

  it("refuses a secret.key it cannot read", () => {
    // A folder in its place cannot be read by anyone (root included, which mode 000 would not stop).
    fs.mkdirSync(path.join(dataDir, "secret.key"));
    expect(() => checkMasterSecret()).toThrow(/secret\.key cannot be read \(EISDIR\)/);
  });

  it("uses SILKROUTE_SECRET when it is set, and writes no file", () => {
    process.env.SILKROUTE_SECRET = "an-operator-chosen-secret-of-enough-length-42";
    resetEnvForTests();
    checkMasterSecret();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe("at start-up", () => {
  it.each([
    ["an empty secret.key", "", /secret\.key holds no key/],
    ["a short secret.key", Buffer.alloc(20, 1).toString("base64"), /holds only 20 bytes of key/],
  ])("a worker with %s stops with the message and exit code 1", async (_label, content, message) => {
    fs.writeFileSync(path.join(dataDir, "secret.key"), content, { mode: 0o600 });
    const result = await run("lib/jobs/worker-main.ts", [], { SILKROUTE_DATA_DIR: dataDir, SILKROUTE_SECRET: "", DATABASE_URL: "", LOG_LEVEL: "silent" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Silkroute cannot start:/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(path.join(dataDir, "secret.key"));
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // It stopped before opening the database.
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
  }, 60_000);

  it("a SILKROUTE_SECRET of one repeated character stops start-up", async () => {
    const result = await run("lib/jobs/worker-main.ts", [], { SILKROUTE_DATA_DIR: dataDir, SILKROUTE_SECRET: "a".repeat(40), DATABASE_URL: "", LOG_LEVEL: "silent" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SILKROUTE_SECRET: is not random enough/);
  }, 60_000);

  it("processes that create the secret at the same moment all end up with one key", async () => {
    for (let round = 0; round < 3; round++) {
      const dir = path.join(dataDir, `round-${round}`);
      const startAt = Date.now() + 4000;
      const results = await Promise.all(
        Array.from({ length: 3 }, () => run("lib/testing/fixtures/print-secret-fingerprint.ts", [String(startAt)], { SILKROUTE_DATA_DIR: dir, SILKROUTE_SECRET: "" })),
      );
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const fingerprints = new Set(results.map((r) => r.stdout.trim()));
      expect(fingerprints.size).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(["secret.key"]);
    }
  }, 120_000);
});
