import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { buildIacInput } from "@/lib/testing/iac-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * `silkroute export terraform|ros` as a user runs it: a separate process on the integration database
 * (Postgres), exporting a mapping run stored as the mapping step stores it.
 */
const database = useTestDatabase();
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as object;
const planName = `Export plan ${crypto.randomUUID()}`;
let outDir: string;
let runId = "";

function silkroute(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url(), SILKROUTE_SECRET: "cli-test-secret-0123456789-abcdefghijklmnop", SILKROUTE_DATA_DIR: outDir };
    const child = spawn(process.execPath, ["bin/silkroute.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-export-"));
  if (database.kind() !== "postgres") return;
  const organizationId = await ensureDefaultOrganization();
  const planId = crypto.randomUUID();
  await db().migrationPlan.create({ data: { id: planId, organizationId, name: planName, sourceRegions: ["eu-central-1"], targetRegionBySource: { "eu-central-1": "eu-central-1" } } });
  // Big enough to need nested stacks (more than 300 resources).
  const { result } = buildIacInput({ size: 300 });
  runId = crypto.randomUUID();
  await db().mappingRun.create({
    data: { id: runId, planId, scanId: crypto.randomUUID(), status: "succeeded", products: toJson(result.products), republishRules: toJson(result.republishRules), startedAt: new Date("2099-01-01T00:00:00Z") },
  });
  await db().mappingProposal.createMany({
    data: result.proposals.map((p) => ({
      runId,
      kind: p.kind,
      arn: p.arn,
      name: p.name,
      region: "eu-central-1",
      status: p.status,
      proposedStatus: p.status,
      target: p.target,
      rosType: p.rosType,
      fit: p.fit,
      properties: toJson(p.properties),
      reasons: toJson(p.reasons),
      targetResources: toJson(p.targetResources),
    })),
  });
}, 60_000);
afterAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  if (!runId) return;
  // The run is dated far ahead so that it is the newest: removed, so no other test meets it.
  await db().mappingProposal.deleteMany({ where: { runId } });
  await db().migrationPlan.deleteMany({ where: { name: planName } });
});

describe.skipIf(!process.env.DATABASE_URL)("silkroute export", () => {
  it("writes the Terraform configuration of the plan's newest mapping run and prints one JSON document", async () => {
    const dir = path.join(outDir, "tf");
    const run = await silkroute(["export", "terraform", "--out", dir, "--plan", planName, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? "{}") as { status: string; runId: string; files: string[]; warnings: string[] };
    expect(result.status).toBe("complete");
    expect(result.runId).toBe(runId);
    for (const name of ["main.tf", "variables.tf", "versions.tf", "outputs.tf", "SKIPPED.txt"]) expect(fs.existsSync(path.join(dir, name)), name).toBe(true);
    expect(fs.readFileSync(path.join(dir, "main.tf"), "utf8")).toContain('resource "alicloud_ros_stack"');
    expect(result.files.every((f) => fs.existsSync(f))).toBe(true);
  }, 120_000);

  it("writes the ROS parent to FILE and its parts beside it, under the names the parent loads (the newest run when no plan is named)", async () => {
    const file = path.join(outDir, "ros", "estate.json");
    const run = await silkroute(["export", "ros", "--out", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Wrote");
    const parent = JSON.parse(fs.readFileSync(file, "utf8")) as { Resources: Record<string, { Type: string; Properties: { TemplateURL: { "Fn::Join": [string, [unknown, string]] } } }> };
    const parts = Object.values(parent.Resources);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.Type).toBe("ALIYUN::ROS::Stack");
      const name = part.Properties.TemplateURL["Fn::Join"][1][1];
      expect(fs.existsSync(path.join(outDir, "ros", name)), name).toBe(true);
    }
  }, 120_000);

  it("fails with exit code 1 and a clear message for a plan that does not exist, 64 for a missing --out", async () => {
    const missing = await silkroute(["export", "ros", "--out", path.join(outDir, "x.json"), "--plan", "No such plan at all"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no plan named "No such plan at all"');
    const usage = await silkroute(["export", "terraform"]);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain("--out");
  }, 120_000);
});
