import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * `npm test`: type check, unit tests, integration tests (against DATABASE_URL when set, else the
 * embedded database), a production build, and the end-to-end tests in Chromium. Ends with one
 * line `N passed, N failed` and a non-zero exit code on any failure.
 */

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

const outcomes: Outcome[] = [];
fs.mkdirSync("test-results", { recursive: true });

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function findChromium(): string | null {
  try {
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return "";
  } catch {
    // Playwright's own browser is not installed.
  }
  for (const candidate of [process.env.SILKROUTE_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function vitest(project: "unit" | "integration"): void {
  const report = path.join("test-results", `${project}-report.json`);
  fs.rmSync(report, { force: true });
  const code = run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (!fs.existsSync(report)) {
    outcomes.push({ name: project, passed: 0, failed: 1, note: `vitest exited ${code} without a report` });
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  const failed = json.numFailedTests + (json.numFailedTests === 0 && code !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
  outcomes.push({ name: project, passed: json.numPassedTests, failed });
}

function countPlaywright(report: string): { passed: number; failed: number } {
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
}

const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);

if (wants("typecheck")) {
  const code = run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
  outcomes.push({ name: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}
if (wants("unit")) vitest("unit");
if (wants("integration")) vitest("integration");

if (wants("e2e")) {
  const chromium = findChromium();
  if (chromium === null) {
    console.error(
      "\nNo browser for the end-to-end tests. Install one of:\n  sudo apt-get install -y chromium        (Debian/Ubuntu)\n  npx playwright install chromium\n",
    );
    outcomes.push({ name: "e2e", passed: 0, failed: 1, note: "no browser" });
  } else {
    const build = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...process.env, NODE_ENV: "production" });
    if (build !== 0) {
      outcomes.push({ name: "build", passed: 0, failed: 1 });
    } else {
      const report = path.join("test-results", "e2e-report.json");
      fs.rmSync(report, { force: true });
      const code = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
        ...process.env,
        ...(chromium ? { SILKROUTE_CHROMIUM_PATH: chromium } : {}),
      });
      if (fs.existsSync(report)) {
        const counts = countPlaywright(report);
        outcomes.push({ name: "e2e", ...counts, failed: counts.failed + (counts.failed === 0 && code !== 0 ? 1 : 0) });
      } else {
        outcomes.push({ name: "e2e", passed: 0, failed: 1, note: `playwright exited ${code} without a report` });
      }
    }
  }
}

const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log("\nSilkroute tests:");
for (const o of outcomes) console.log(`  ${o.name.padEnd(12)} ${o.passed} passed, ${o.failed} failed${o.note ? ` (${o.note})` : ""}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
