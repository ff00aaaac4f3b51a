import { describe, expect, it } from "vitest";
import { addCounts, countListedTests, countPlaywrightReport, countPlaywrightRun, countsLine, countVitestReport, parseStages, runFailed, type PlaywrightReport, type VitestReport } from "./count-test-results";

const file = (status: string, results: string[], message?: string) => ({ name: "x.test.ts", status, message, assertionResults: results.map((s) => ({ status: s })) });

describe("counting a vitest report", () => {
  it("counts passed, failed, skipped and todo tests", () => {
    const report: VitestReport = { numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1, testResults: [file("failed", ["passed", "passed", "passed", "failed", "skipped", "todo"])] };
    expect(countVitestReport(report, 1)).toEqual({ passed: 3, failed: 1, notRun: 0, skipped: 2 });
  });

  it("counts a file that failed to load as one that did not run, and as failed", () => {
    const report: VitestReport = { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [file("passed", ["passed", "passed"]), file("failed", [], "Cannot find module './nope'")] };
    const counts = countVitestReport(report, 1);
    expect(counts).toEqual({ passed: 2, failed: 1, notRun: 1, skipped: 0 });
    expect(runFailed(counts)).toBe(true);
  });

  it("counts a file that failed although its tests passed (a hook) as one failure", () => {
    const report: VitestReport = { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [file("failed", ["passed", "passed"])] };
    expect(countVitestReport(report, 1)).toEqual({ passed: 2, failed: 1, notRun: 0, skipped: 0 });
  });

  it("never reports nothing failed when vitest exited with an error", () => {
    const report: VitestReport = { numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [file("passed", ["passed"])] };
    expect(countVitestReport(report, 1).failed).toBe(1);
    expect(countVitestReport(report, 0).failed).toBe(0);
  });
});

const pwTest = (status: string, expectedStatus: string, results: string[]) => ({ status, expectedStatus, results: results.map((s) => ({ status: s })) });

describe("counting a Playwright report", () => {
  it("tells tests that did not run (their setup failed) from tests skipped on purpose", () => {
    const report: PlaywrightReport = {
      stats: { expected: 0, unexpected: 1, flaky: 0, skipped: 4 },
      errors: [],
      suites: [
        { specs: [{ tests: [pwTest("unexpected", "passed", ["failed"])] }] },
        { suites: [{ specs: [{ tests: [pwTest("skipped", "passed", []), pwTest("skipped", "passed", [])] }, { tests: [pwTest("skipped", "skipped", []), pwTest("skipped", "passed", ["skipped"])] }] }] },
      ],
    };
    const counts = countPlaywrightReport(report, 1);
    expect(counts).toEqual({ passed: 0, failed: 3, notRun: 2, skipped: 2 });
    expect(countsLine(counts)).toBe("0 passed, 3 failed (2 did not run), 2 skipped");
  });

  it("counts flaky tests as passed and errors outside any test (a forbidden .only) as failed", () => {
    expect(countPlaywrightReport({ stats: { expected: 4, unexpected: 0, flaky: 1, skipped: 0 }, errors: [], suites: [] }, 0)).toEqual({ passed: 5, failed: 0, notRun: 0, skipped: 0 });
    expect(countPlaywrightReport({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "item focused with '.only' is not allowed" }], suites: [] }, 1)).toEqual({ passed: 0, failed: 1, notRun: 0, skipped: 0 });
  });

  it("counts every listed test as not run when the report holds none (the web server did not start)", () => {
    const report: PlaywrightReport = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Process from config.webServer was not able to start." }], suites: [] };
    expect(countPlaywrightRun(report, 1, () => 340)).toEqual({ passed: 0, failed: 341, notRun: 340, skipped: 0 });
    const ran: PlaywrightReport = { stats: { expected: 1, unexpected: 0, flaky: 0, skipped: 0 }, suites: [{ specs: [{ tests: [pwTest("expected", "passed", ["passed"])] }] }] };
    expect(countPlaywrightRun(ran, 0, () => 340)).toEqual({ passed: 1, failed: 0, notRun: 0, skipped: 0 });
  });

  it("counts interrupted tests as not run", () => {
    const report: PlaywrightReport = { stats: { expected: 1, unexpected: 0, flaky: 0, skipped: 1 }, suites: [{ specs: [{ tests: [pwTest("expected", "passed", ["passed"]), pwTest("skipped", "passed", ["interrupted"])] }] }] };
    expect(countPlaywrightReport(report, 130)).toEqual({ passed: 1, failed: 1, notRun: 1, skipped: 0 });
  });

  it("counts the tests a listing names", () => {
    expect(countListedTests({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, suites: [{ specs: [{ tests: [pwTest("x", "passed", []), pwTest("x", "passed", [])] }], suites: [{ specs: [{ tests: [pwTest("x", "passed", [])] }] }] }] })).toBe(3);
  });
});

describe("the closing line", () => {
  it("adds the stages up and starts as .ci/run reads it", () => {
    const total = addCounts([
      { passed: 10, failed: 0, notRun: 0, skipped: 1 },
      { passed: 3, failed: 2, notRun: 2, skipped: 0 },
    ]);
    expect(countsLine(total)).toBe("13 passed, 2 failed (2 did not run), 1 skipped");
    expect(countsLine(total)).toMatch(/^[0-9]+ passed, [0-9]+ failed/);
  });

  it("fails the run on anything failed or not run, not on skipped tests alone", () => {
    expect(runFailed({ passed: 3, failed: 0, notRun: 0, skipped: 4 })).toBe(false);
    expect(runFailed({ passed: 3, failed: 1, notRun: 0, skipped: 0 })).toBe(true);
    expect(runFailed({ passed: 3, failed: 0, notRun: 1, skipped: 0 })).toBe(true);
  });
});

describe("naming stages", () => {
  it("runs every stage when none is named, and the named ones in their order", () => {
    expect(parseStages([])).toEqual({ ok: true, stages: ["typecheck", "lint", "unit", "integration", "e2e"] });
    expect(parseStages(["--", "e2e", "unit"])).toEqual({ ok: true, stages: ["unit", "e2e"] });
  });

  it("refuses an unknown stage and names the known ones", () => {
    const parsed = parseStages(["unit", "nosuchstage"]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe("Unknown test stage: nosuchstage. The stages are: typecheck, lint, unit, integration, e2e.");
  });
});
