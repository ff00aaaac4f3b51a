import { spawn, spawnSync } from "node:child_process";
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

function cliEnv(extraEnv: Record<string, string | undefined>): NodeJS.ProcessEnv {
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
  for (const [key, value] of Object.entries(extraEnv)) if (value === undefined) delete env[key];
  return env;
}

function silkroute(args: string[], extraEnv: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/silkroute.mjs", ...args], { env: cliEnv(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
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

  it("checks every flag before it opens or writes anything", async () => {
    const untouched = path.join(dataDir, "never-created");
    const cases: Array<[string[], RegExp]> = [
      [["--profile", "ops", "--role-arn", "arn:aws:iam::123456789012:role/Reader"], /--profile: Use either --profile or --role-arn/],
      [["--external-id", "ext-1"], /--external-id: --external-id needs --role-arn/],
      [["--role-arn", "not-an-arn"], /--role-arn: --role-arn must be a role ARN/],
      [["--shadows"], /--shadows: device shadows are read only in a deep scan/],
      [["--use-connection", "--profile", "ops"], /--use-connection: --use-connection scans with the plan's own connection/],
    ];
    for (const [flags, message] of cases) {
      const run = await silkroute(["scan", "--region", "eu-central-1", "--plan", "Flag checks", ...flags, "--json"], { SILKROUTE_DATA_DIR: untouched, DATABASE_URL: "" });
      const lines = run.stdout.trim().split("\n");
      expect(lines, flags.join(" ")).toHaveLength(1);
      const result = JSON.parse(lines[0]!);
      expect(run.code, flags.join(" ")).toBe(1);
      expect(result).toMatchObject({ scanId: null, status: "failed", errors: [{ code: "VALIDATION_FAILED", message: expect.stringMatching(message) }] });
    }
    // A flag commander does not know: still exactly one JSON document, and the usage exit code.
    const unknown = await silkroute(["scan", "--region", "eu-central-1", "--no-such-flag", "--json"], { SILKROUTE_DATA_DIR: untouched, DATABASE_URL: "" });
    expect(unknown.code).toBe(64);
    expect(JSON.parse(unknown.stdout.trim())).toMatchObject({ scanId: null, status: "failed", errors: [{ code: "USAGE", message: expect.stringContaining("--no-such-flag") }] });
    // Nothing was opened: not even the data folder exists.
    expect(fs.existsSync(untouched)).toBe(false);
  }, 120_000);

  it("leaves a plan that reads through another connection alone unless told, and says what it changes", async () => {
    // A profile in the AWS config files that holds the stand-in's keys: other credentials, same account.
    const awsDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-cli-aws-"));
    fs.writeFileSync(path.join(awsDir, "config"), "[profile standin]\nregion = eu-central-1\n");
    fs.writeFileSync(
      path.join(awsDir, "credentials"),
      `[standin]\naws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}\n`,
    );
    const profileEnv = { AWS_CONFIG_FILE: path.join(awsDir, "config"), AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, "credentials") };
    try {
      const first = await silkroute(["scan", "--plan", "Shared plan", "--region", "eu-central-1", "--json"]);
      expect(JSON.parse(first.stdout.trim()).scanId, first.stderr.slice(-2000)).toBeTruthy();
      expect(first.stderr).toContain('Created plan "Shared plan", reading AWS through "Command line (default credentials)"');

      const refused = await silkroute(["scan", "--plan", "Shared plan", "--profile", "standin", "--region", "eu-central-1", "--json"], profileEnv);
      expect(refused.code).toBe(1);
      const refusal = JSON.parse(refused.stdout.trim());
      expect(refusal.scanId).toBeNull();
      expect(refusal.errors[0].message).toContain('Plan "Shared plan" reads AWS through the connection "Command line (default credentials)", not "Command line (profile standin)". Nothing was changed.');

      const repointed = await silkroute(["scan", "--plan", "Shared plan", "--profile", "standin", "--region", "eu-central-1", "--repoint", "--json"], profileEnv);
      expect(JSON.parse(repointed.stdout.trim()).scanId, repointed.stderr.slice(-2000)).toBeTruthy();
      expect(repointed.stderr).toContain('Plan "Shared plan" now reads AWS through "Command line (profile standin)" instead of "Command line (default credentials)" (--repoint).');
      expect(repointed.stderr).toContain("These changes are recorded in the audit log.");

      // Without credential flags, --use-connection scans through what the plan has now (the profile).
      const own = await silkroute(["scan", "--plan", "Shared plan", "--use-connection", "--json"], profileEnv);
      expect(JSON.parse(own.stdout.trim()).status, own.stderr.slice(-2000)).toBe("partial");
      expect(own.stderr).toContain('Scanning plan "Shared plan" through its own connection "Command line (profile standin)".');
    } finally {
      fs.rmSync(awsDir, { recursive: true, force: true });
    }
  }, 300_000);
});

/**
 * The command line as a new user sees it on a terminal, against an endpoint where some operations
 * keep failing. util-linux `script` gives the command a pseudo-terminal and records what it shows.
 */
describe("silkroute scan on a terminal", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;

  it.skipIf(!hasScript)("shows bars and a grouped summary only, and writes the log records to the file it names", async () => {
    // Two secondary calls keep failing (their resources are stored with gaps), and one list call
    // answers what cannot be read (that collector stops, and its error goes to the log file).
    standIn.setFaults({ error5xxRate: 1, operations: ["iot:ListTagsForResource", "iot:DescribeJob"], rules: [{ operation: "iot:ListRoleAliases", answer: "malformed" }] });
    try {
      const logDir = path.join(dataDir, "terminal-logs");
      const command = `${process.execPath} bin/silkroute.mjs scan --region eu-central-1 --region us-east-1 --plan "Terminal scans"`;
      const env = cliEnv({ LOG_LEVEL: undefined, SILKROUTE_DATA_DIR: dataDir, TERM: "xterm-256color", COLUMNS: "100" });
      // Not spawnSync: the stand-in AWS answers from this process's event loop.
      const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn("script", ["-qfec", command, "/dev/null"], { env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stdout += d));
        child.once("exit", (status) => resolve({ status, stdout }));
      });
      const screen = run.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "\n");
      const lines = screen.split("\n");
      expect(run.status, screen.slice(-3000)).toBe(2);
      // No stack traces, no JSON log records, no "INF" for the time left.
      expect(screen).not.toMatch(/^\s{4}at /m);
      expect(screen).not.toContain('{"level"');
      expect(lines.filter((l) => l.trim().startsWith("{"))).toEqual([]);
      expect(screen).not.toMatch(/\bINF\b|NaN/);
      // Bars: "—" until the time left can be estimated (a first scan of the plan cannot).
      const bars = lines.filter((l) => / found · \d+ calls/.test(l));
      expect(bars.length).toBeGreaterThan(0);
      expect(bars.some((l) => l.trimEnd().endsWith("· —"))).toBe(true);
      // The problems, grouped by code and operation with a count, not listed one by one.
      const summary = screen.slice(screen.lastIndexOf("Scan "));
      const tagGroup = /^\s+(\d+) × ServiceUnavailable · ListTagsForResource {2}\(eu-central-1, us-east-1\)$/m.exec(summary);
      expect(tagGroup, summary).not.toBeNull();
      expect(Number(tagGroup![1])).toBeGreaterThan(2);
      // DescribeJob failed for every job of the estate: one group with that count.
      const jobs = Object.values(expectedCounts(estate)).reduce((n, byKind) => n + (byKind["AWS::IoT::Job"] ?? 0), 0);
      expect(summary).toMatch(new RegExp(`^\\s+${jobs} × ServiceUnavailable · DescribeJob {2}\\(eu-central-1, us-east-1\\)$`, "m"));
      expect(summary.match(/AWS answered with a server error calling ListTagsForResource/g)).toHaveLength(1);
      // The two failing operations, the list that could not be read and the estate's deliberately malformed policy.
      expect(summary).toMatch(/^\d+ problems of 4 kinds:$/m);
      // The log file: named at the start and in the summary, present, and holding the records.
      const named = [...screen.matchAll(/^Log: (.+\.log)$/gm)].map((m) => m[1]!.trim());
      expect(named.length).toBe(2);
      expect(new Set(named).size).toBe(1);
      const file = named[0]!;
      expect(path.dirname(file)).toBe(path.join(dataDir, "logs"));
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const records = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { msg: string; err?: { stack?: string } });
      expect(records.some((r) => r.msg === "collector failed" && r.err?.stack)).toBe(true);
      expect(records.some((r) => r.msg === "process warning") || !screen.includes("NodeVersionSupportWarning")).toBe(true);
      expect(screen).not.toContain("NodeVersionSupportWarning");
      fs.rmSync(logDir, { recursive: true, force: true });
    } finally {
      standIn.setFaults({});
    }
  }, 300_000);
});
