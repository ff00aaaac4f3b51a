import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import vitestConfig from "@/vitest.config";
import playwrightConfig from "@/playwright.config";
import { countPlaywrightReport, countVitestReport, type PlaywrightReport, type VitestReport } from "./count-test-results";

/**
 * `npm test`'s runner against the real tools: tiny fixture projects run by vitest and Playwright
 * (their own JSON reports, not made-up ones), counted by scripts/count-test-results.ts; and the
 * runner itself refusing a stage it does not know.
 */
const root = process.cwd();
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-runner-"));
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(fixtures, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

describe("the test runner", () => {
  it("refuses an unknown stage with the stages it knows, and ends with a failed count", () => {
    const run = spawnSync(process.execPath, ["bin/run.mjs", "scripts/test.ts", "nosuchstage"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown test stage: nosuchstage. The stages are: typecheck, lint, unit, integration, e2e.");
    expect(run.stdout.trim().split("\n").at(-1)).toBe("0 passed, 1 failed (0 did not run), 0 skipped");
  });

  it("counts vitest's skipped, todo, failed and focused tests and a file that does not load", () => {
    const dir = project("vitest", {
      "vitest.config.mjs": `export default { test: { include: ["*.test.mjs"], allowOnly: false } };`,
      "a.test.mjs": `import { it } from "vitest";\nit("passes", () => {});\nit.skip("skipped", () => {});\nit.todo("todo");\nit("fails", () => { throw new Error("no"); });\n`,
      "b.test.mjs": `import { it } from "vitest";\nimport "./missing.mjs";\nit("never runs", () => {});\n`,
      "c.test.mjs": `import { it } from "vitest";\nit.only("focused", () => {});\nit("other", () => {});\n`,
    });
    const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--reporter=json", "--outputFile.json=report.json"], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, CI: "" } });
    const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as VitestReport;
    // "other" is skipped by the focus; "focused" fails because .only is not allowed.
    const counts = countVitestReport(report, run.status ?? 1);
    expect(counts.passed).toBe(1);
    expect(counts.notRun).toBe(1);
    expect(counts.failed).toBe(3); // "fails", the forbidden .only, and the file that did not load
    expect(counts.skipped).toBeGreaterThanOrEqual(2);
  });

  it("counts the tests of a Playwright project whose setup failed as not run, apart from those skipped on purpose", () => {
    const dir = project("playwright", {
      "playwright.config.mjs": `export default { testDir: ".", forbidOnly: true, reporter: [["json", { outputFile: "report.json" }]], projects: [
        { name: "setup", testMatch: /x\\.setup\\.mjs/ }, { name: "main", testMatch: /\\.spec\\.mjs/, dependencies: ["setup"] } ] };`,
      "x.setup.mjs": `import { test } from "@playwright/test";\ntest("setup", () => { throw new Error("setup failed"); });\n`,
      "a.spec.mjs": `import { test } from "@playwright/test";\ntest("one", () => {});\ntest("two", () => {});\ntest.skip("skipped", () => {});\n`,
    });
    const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "playwright.config.mjs"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as PlaywrightReport;
    expect(countPlaywrightReport(report, run.status ?? 1)).toEqual({ passed: 0, failed: 3, notRun: 2, skipped: 1 });
  });

  it("Playwright refuses a focused test under forbidOnly, and the count says so", () => {
    const dir = project("playwright-only", {
      "playwright.config.mjs": `export default { testDir: ".", forbidOnly: true, reporter: [["json", { outputFile: "report.json" }]] };`,
      "a.spec.mjs": `import { test } from "@playwright/test";\ntest.only("focused", () => {});\ntest("other", () => {});\n`,
    });
    const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "playwright.config.mjs"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(run.status).not.toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as PlaywrightReport;
    expect(countPlaywrightReport(report, run.status ?? 1).failed).toBeGreaterThanOrEqual(1);
  });

  it("Silkroute's own configurations forbid focused tests everywhere", () => {
    const projects = (vitestConfig.test?.projects ?? []) as Array<{ test?: { name?: string; allowOnly?: boolean } }>;
    expect(projects.map((p) => [p.test?.name, p.test?.allowOnly])).toEqual([
      ["unit", false],
      ["integration", false],
    ]);
    expect(playwrightConfig.forbidOnly).toBe(true);
  });
});
