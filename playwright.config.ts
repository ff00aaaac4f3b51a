import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/constants";

/**
 * End-to-end tests against a production build (`npm test` builds it first). The browser is
 * Playwright's own Chromium if installed, else the system's (SILKROUTE_CHROMIUM_PATH, found by
 * scripts/test.ts).
 */
const executablePath = process.env.SILKROUTE_CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /\.spec\.ts$/,
  outputDir: "./test-results",
  // A focused test (`.only`) fails the run instead of quietly skipping the rest.
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /(rate-limit|limits-behind-proxy)\.spec\.ts/ },
    // Runs last: they spend sign-in attempts (of this address, of some accounts) on purpose.
    { name: "rate-limit", use: { ...devices["Desktop Chrome"] }, dependencies: ["chromium"], testMatch: /(rate-limit|limits-behind-proxy)\.spec\.ts/ },
  ],
  webServer: {
    command: "node bin/run.mjs e2e/support/test-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
