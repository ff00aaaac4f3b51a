import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { addCounts, countListedTests, countPlaywrightRun, countVitestReport, countsLine, NO_COUNTS, parseStages, runFailed, type Counts, type PlaywrightReport, type VitestReport } from "./count-test-results";

const require = createRequire(import.meta.url);

/**
 * `npm test`: type check, lint (ESLint and import boundaries), unit tests, integration tests (against DATABASE_URL when set, else the
 * embedded database), a production build, and the end-to-end tests in Chromium. `npm test --
 * unit e2e` runs only the stages named; an unknown name is an error. Ends with one line
 * `N passed, N failed (N did not run), N skipped` (scripts/count-test-results.ts) and a non-zero
 * exit code when anything failed or did not run.
 */

interface Outcome extends Counts {
  name: string;
  note?: string;
}

const outcomes: Outcome[] = [];

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
    outcomes.push({ name: project, ...NO_COUNTS, failed: 1, notRun: 1, note: `vitest exited ${code} without a report` });
    return;
  }
  outcomes.push({ name: project, ...countVitestReport(JSON.parse(fs.readFileSync(report, "utf8")) as VitestReport, code) });
}

const PLAYWRIGHT = "node_modules/@playwright/test/cli.js";

/** How many end-to-end tests there are (`playwright test --list`). */
function listE2eTests(): number {
  const listed = spawnSync(process.execPath, [PLAYWRIGHT, "test", "--list", "--reporter=json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return countListedTests(JSON.parse(listed.stdout) as PlaywrightReport);
  } catch {
    return 0;
  }
}

/** When the end-to-end tests cannot run at all: how many there are, as "did not run". */
function e2eNotRun(note: string): Outcome {
  const notRun = Math.max(1, listE2eTests());
  return { name: "e2e", ...NO_COUNTS, failed: notRun, notRun, note };
}

const parsed = parseStages(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  console.log(countsLine({ ...NO_COUNTS, failed: 1 }));
  process.exit(2);
}
const stages = new Set(parsed.stages);
fs.mkdirSync("test-results", { recursive: true });

if (stages.has("typecheck")) {
  const code = run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
  outcomes.push({ name: "typecheck", ...NO_COUNTS, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}
if (stages.has("lint")) {
  // ESLint (typescript-eslint, React hooks, Next.js rules) and the import boundaries (dependency-cruiser).
  const eslint = run(process.execPath, ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]);
  const boundaries = run(process.execPath, ["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", "app", "components", "lib", "scripts", "e2e", "doubles", "bin", "--config", ".dependency-cruiser.cjs"]);
  outcomes.push({ name: "lint", ...NO_COUNTS, passed: (eslint === 0 ? 1 : 0) + (boundaries === 0 ? 1 : 0), failed: (eslint === 0 ? 0 : 1) + (boundaries === 0 ? 0 : 1) });
}
if (stages.has("unit")) vitest("unit");
if (stages.has("integration")) vitest("integration");

if (stages.has("e2e")) {
  const chromium = findChromium();
  if (chromium === null) {
    console.error(
      "\nNo browser for the end-to-end tests. Install one of:\n  sudo apt-get install -y chromium        (Debian/Ubuntu)\n  npx playwright install chromium\n",
    );
    outcomes.push(e2eNotRun("no browser"));
  } else {
    const build = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...process.env, NODE_ENV: "production" });
    if (build !== 0) {
      outcomes.push({ name: "build", ...NO_COUNTS, failed: 1 });
      outcomes.push(e2eNotRun("the build failed"));
    } else {
      const report = path.join("test-results", "e2e-report.json");
      fs.rmSync(report, { force: true });
      const code = run(process.execPath, [PLAYWRIGHT, "test"], {
        ...process.env,
        ...(chromium ? { SILKROUTE_CHROMIUM_PATH: chromium } : {}),
      });
      if (fs.existsSync(report)) {
        outcomes.push({ name: "e2e", ...countPlaywrightRun(JSON.parse(fs.readFileSync(report, "utf8")) as PlaywrightReport, code, listE2eTests) });
      } else {
        outcomes.push(e2eNotRun(`playwright exited ${code} without a report`));
      }
    }
  }
}

const total = addCounts(outcomes);
console.log("\nSilkroute tests:");
for (const o of outcomes) console.log(`  ${o.name.padEnd(12)} ${countsLine(o)}${o.note ? ` (${o.note})` : ""}`);
console.log(countsLine(total));
process.exit(runFailed(total) ? 1 : 0);
