/**
 * The counting behind `npm test`'s closing line, as pure functions over the reports vitest and
 * Playwright write, so what the line claims is tested (scripts/count-test-results.test.ts).
 *
 * Four counts, per stage and in total:
 * - passed: tests that ran and passed (flaky ones included: they passed on a retry);
 * - failed: everything that should have passed and did not: tests that failed, errors outside a
 *   test (a hook, a file that crashed after its tests, Playwright's global errors such as a
 *   `.only` the config forbids), and everything that did not run;
 * - did not run (a part of failed): a test file that failed to load, tests of a Playwright project
 *   whose setup project failed, the end-to-end tests when the build or the browser is missing;
 * - skipped: tests skipped on purpose (`skip`, `todo`, `fixme`, a runtime `test.skip`): they do
 *   not fail the run, but the closing line shows them.
 */

export interface Counts {
  passed: number;
  failed: number;
  /** Included in `failed`. */
  notRun: number;
  skipped: number;
}

export const NO_COUNTS: Counts = { passed: 0, failed: 0, notRun: 0, skipped: 0 };

/** What `npm test -- <stage>...` may name, in the order they run. */
export const STAGES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a command line asks for (all when none are named); an unknown name is an error. */
export function parseStages(args: string[]): { ok: true; stages: Stage[] } | { ok: false; error: string } {
  const names = args.filter((a) => a !== "--");
  const unknown = names.filter((n) => !(STAGES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    return { ok: false, error: `Unknown test stage${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. The stages are: ${STAGES.join(", ")}.` };
  }
  return { ok: true, stages: names.length === 0 ? [...STAGES] : STAGES.filter((s) => names.includes(s)) };
}

/** The fields of vitest's JSON report (jest's format) that the counts come from. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ name: string; status: string; message?: string; assertionResults: Array<{ status: string }> }>;
}

/**
 * Counts one vitest run. A file that failed with no test results failed to load: one "did not
 * run" (how many tests it held is unknowable). A file that failed although none of its tests did
 * (a hook, an unhandled error) is one failure. A non-zero exit with nothing failed counted is one
 * failure too, so the run can never end "0 failed" after vitest said otherwise.
 */
export function countVitestReport(report: VitestReport, exitCode: number): Counts {
  let notRun = 0;
  let fileErrors = 0;
  for (const file of report.testResults) {
    if (file.status !== "failed") continue;
    if (file.assertionResults.length === 0) notRun += 1;
    else if (!file.assertionResults.some((a) => a.status === "failed")) fileErrors += 1;
  }
  let failed = report.numFailedTests + fileErrors + notRun;
  if (failed === 0 && exitCode !== 0) failed = 1;
  return { passed: report.numPassedTests, failed, notRun, skipped: report.numPendingTests + report.numTodoTests };
}

/** The fields of Playwright's JSON report that the counts come from. */
export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightSuite {
  specs?: Array<{ tests: Array<{ status: string; expectedStatus: string; results: Array<{ status: string }> }> }>;
  suites?: PlaywrightSuite[];
}

function* testsOf(suites: PlaywrightSuite[] = []): Generator<{ status: string; expectedStatus: string; results: Array<{ status: string }> }> {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) yield* spec.tests;
    yield* testsOf(suite.suites);
  }
}

/**
 * Counts one Playwright run. Playwright reports a test that never ran (its project's setup
 * failed, the run was interrupted) as "skipped" with no result; one skipped on purpose expects
 * to be skipped or ran and skipped itself. Errors outside any test (a forbidden `.only`, a web
 * server that did not start) are failures.
 */
export function countPlaywrightReport(report: PlaywrightReport, exitCode: number): Counts {
  let notRun = 0;
  let skipped = 0;
  let interrupted = 0;
  for (const test of testsOf(report.suites)) {
    if (test.status !== "skipped") continue;
    const ranAndSkipped = test.results.some((r) => r.status === "skipped");
    if (ranAndSkipped || test.expectedStatus === "skipped") skipped += 1;
    else if (test.results.some((r) => r.status === "interrupted")) interrupted += 1;
    else notRun += 1;
  }
  notRun += interrupted;
  let failed = report.stats.unexpected + (report.errors?.length ?? 0) + notRun;
  if (failed === 0 && exitCode !== 0) failed = 1;
  return { passed: report.stats.expected + report.stats.flaky, failed, notRun, skipped };
}

/**
 * The end-to-end run's counts, when the report may hold no test at all (the web server or the
 * global setup failed before any test started): then every listed test did not run.
 */
export function countPlaywrightRun(report: PlaywrightReport, exitCode: number, listed: () => number): Counts {
  const counts = countPlaywrightReport(report, exitCode);
  if (countListedTests(report) > 0) return counts;
  const notRun = Math.max(1, listed());
  return { ...counts, failed: counts.failed + notRun, notRun: counts.notRun + notRun };
}

/** The tests Playwright would run (`playwright test --list --reporter=json`): what "did not run" counts when none could. */
export function countListedTests(report: PlaywrightReport): number {
  let n = 0;
  for (const _test of testsOf(report.suites)) n += 1;
  return n;
}

export function addCounts(all: Counts[]): Counts {
  return all.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, notRun: sum.notRun + c.notRun, skipped: sum.skipped + c.skipped }), NO_COUNTS);
}

/**
 * One line of counts: "12 passed, 3 failed (2 did not run), 1 skipped". It starts
 * `N passed, N failed` (what .ci/run reads); "did not run" is part of the failed.
 */
export function countsLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed (${c.notRun} did not run), ${c.skipped} skipped`;
}

/** The run fails on anything failed or not run; skipped tests alone do not fail it. */
export function runFailed(c: Counts): boolean {
  return c.failed > 0 || c.notRun > 0;
}
