/**
 * The server the end-to-end tests run against: a production build of Silkroute on a fresh
 * database (a new database on the Postgres server in DATABASE_URL, else a new embedded PGlite
 * folder), with one user per role, a second organisation with its own users, plan and finished
 * scan (e2e/support/second-organization.ts), and the web server and a worker as in production,
 * at the loopback addresses with no SILKROUTE_URL (as `npm run demo` runs). Beside it, a second
 * web server on the same database as a team runs it behind a TLS proxy (constants.ts,
 * PROXIED_FILE). Started by Playwright (playwright.config.ts, webServer).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { ensureDemoUsers } from "@/lib/users/ensure-demo-users";
import { runServices } from "@/lib/launcher/run-services";
import { fork } from "node:child_process";
import {
  CHOSEN_FOR_YOU_EMAIL,
  CHOSEN_FOR_YOU_PASSWORD,
  E2E_ACCOUNT_MAX_FAILURES,
  E2E_PORT,
  E2E_PROXIED_UPSTREAM_PORT,
  PROXIED_FILE,
  E2E_SECRET,
  E2E_SIGNIN_MAX_ATTEMPTS,
  OTHER_ORG_FILE,
  STAND_IN_FILE,
  SERVICE_MAP_FILE,
  DATABASE_FILE,
} from "@/e2e/support/constants";
import { createServiceMapSample } from "@/e2e/support/service-map-sample";
import { startTlsProxy } from "@/e2e/support/tls-proxy";
import { createSecondOrganization } from "@/e2e/support/second-organization";
import { seedMappingDecisionsPlan } from "@/e2e/support/mapping-decisions-seed";
import { createUser } from "@/lib/users/create-user";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { generateEstate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn } from "@/doubles/aws/server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-e2e-"));
process.env.SILKROUTE_DATA_DIR = dataDir;
process.env.SILKROUTE_SECRET = E2E_SECRET;
// The stand-in AWS listens on 127.0.0.1: the connections this process creates point at it.
process.env.SILKROUTE_ALLOW_PRIVATE_ENDPOINTS = "true";
resetEnvForTests();

const scratch = await createScratchDatabase("e2e");
await prepareDatabase({ url: scratch.url });
fs.mkdirSync(path.dirname(DATABASE_FILE), { recursive: true });
fs.writeFileSync(DATABASE_FILE, JSON.stringify({ url: scratch.url }), { mode: 0o600 });
await ensureDemoUsers();
await createUser({
  organizationId: await ensureDefaultOrganization(),
  email: CHOSEN_FOR_YOU_EMAIL,
  name: "Chosen For-You",
  role: "admin",
  password: CHOSEN_FOR_YOU_PASSWORD,
  mustChangePassword: true,
});

// A stand-in AWS with a small estate (hostile values included) for the inventory journeys.
const estate = generateEstate({ seed: 11, regions: ["eu-central-1", "us-east-1"], thingsPerRegion: 150, hostile: true });
const standIn = await startAwsStandIn({ estate, quotas: "off" });
fs.mkdirSync(path.dirname(STAND_IN_FILE), { recursive: true });
fs.writeFileSync(STAND_IN_FILE, JSON.stringify({ url: standIn.url, ...DEFAULT_CREDENTIALS, regions: estate.regions, accountId: estate.accountId }));
const other = await createSecondOrganization({ url: standIn.url, ...DEFAULT_CREDENTIALS, regions: estate.regions });
fs.writeFileSync(OTHER_ORG_FILE, JSON.stringify(other));
const sample = await createServiceMapSample({ url: standIn.url, ...DEFAULT_CREDENTIALS, regions: estate.regions });
fs.writeFileSync(SERVICE_MAP_FILE, JSON.stringify(sample));
// A plan with a stored mapping run for the mapping-decisions journey.
await seedMappingDecisionsPlan();

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(E2E_PORT),
  SILKROUTE_URL: "",
  SILKROUTE_TRUSTED_PROXIES: "0",
  SILKROUTE_TRUST_PROXY: "",
  SILKROUTE_DATA_DIR: scratch.dataDir ?? dataDir,
  SILKROUTE_SECRET: E2E_SECRET,
  SILKROUTE_SIGNIN_MAX_ATTEMPTS: String(E2E_SIGNIN_MAX_ATTEMPTS),
  SILKROUTE_SIGNIN_WINDOW_SECONDS: "60",
  SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES: String(E2E_ACCOUNT_MAX_FAILURES),
  SILKROUTE_SIGNIN_ACCOUNT_WINDOW_SECONDS: "600",
  SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS: "600",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The stand-in AWS is on 127.0.0.1; connections to it need loopback endpoints allowed.
  SILKROUTE_ALLOW_PRIVATE_ENDPOINTS: "true",
  ...(scratch.kind === "postgres" ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "" }),
};
const services = runServices(childEnv);

// The proxied web server: same database and secret, its own address and one trusted hop.
const proxy = await startTlsProxy({ upstreamPort: E2E_PROXIED_UPSTREAM_PORT, dir: dataDir });
const proxiedUrl = `https://localhost:${proxy.port}`;
fs.writeFileSync(PROXIED_FILE, JSON.stringify({ url: proxiedUrl, port: proxy.port }));
const proxiedWeb = fork(path.resolve("bin/run.mjs"), ["scripts/web-server.ts"], {
  env: { ...childEnv, NODE_ENV: "production", PORT: String(E2E_PROXIED_UPSTREAM_PORT), SILKROUTE_URL: proxiedUrl, SILKROUTE_TRUSTED_PROXIES: "1" },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const proxiedReady = new Promise<void>((resolve, reject) => {
  proxiedWeb.on("message", (m: { type?: string }) => m?.type === "listening" && resolve());
  proxiedWeb.once("exit", (code) => reject(new Error(`the proxied web server exited with code ${code}`)));
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await proxy.stop();
  await new Promise<void>((resolve) => {
    if (proxiedWeb.exitCode !== null || proxiedWeb.signalCode !== null) return resolve();
    proxiedWeb.once("exit", () => resolve());
    proxiedWeb.kill("SIGTERM");
    setTimeout(() => proxiedWeb.kill("SIGKILL"), 25_000).unref();
  });
  await services.stop();
  await standIn.stop();
  await closeDatabase();
  await scratch.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await services.ready;
await proxiedReady;
console.log(`e2e server ready on ${E2E_PORT} and ${proxiedUrl} (${scratch.kind})`);
const code = await services.exited;
if (!stopping) {
  await closeDatabase();
  await scratch.drop();
  process.exit(code);
}
