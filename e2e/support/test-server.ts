/**
 * The server the end-to-end tests run against: a production build of Silkroute on a fresh
 * database (a new database on the Postgres server in DATABASE_URL, else a new embedded PGlite
 * folder), with one user per role, and the web server and a worker as in production.
 * Started by Playwright (playwright.config.ts, webServer).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { ensureDemoUsers } from "@/lib/users/ensure-demo-users";
import { runServices } from "@/lib/launcher/run-services";
import { CHOSEN_FOR_YOU_EMAIL, CHOSEN_FOR_YOU_PASSWORD, E2E_PORT, E2E_SECRET, E2E_SIGNIN_MAX_ATTEMPTS, STAND_IN_FILE } from "@/e2e/support/constants";
import { createUser } from "@/lib/users/create-user";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { generateEstate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn } from "@/doubles/aws/server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-e2e-"));
process.env.SILKROUTE_DATA_DIR = dataDir;
process.env.SILKROUTE_SECRET = E2E_SECRET;
resetEnvForTests();

const scratch = await createScratchDatabase("e2e");
await prepareDatabase({ url: scratch.url });
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

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(E2E_PORT),
  SILKROUTE_URL: `http://localhost:${E2E_PORT}`,
  SILKROUTE_DATA_DIR: scratch.dataDir ?? dataDir,
  SILKROUTE_SECRET: E2E_SECRET,
  SILKROUTE_SIGNIN_MAX_ATTEMPTS: String(E2E_SIGNIN_MAX_ATTEMPTS),
  SILKROUTE_SIGNIN_WINDOW_SECONDS: "60",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The stand-in AWS is on 127.0.0.1; connections to it need loopback endpoints allowed.
  SILKROUTE_ALLOW_PRIVATE_ENDPOINTS: "true",
  ...(scratch.kind === "postgres" ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "" }),
};
const services = runServices(childEnv);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
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
console.log(`e2e server ready on ${E2E_PORT} (${scratch.kind})`);
const code = await services.exited;
if (!stopping) {
  await closeDatabase();
  await scratch.drop();
  process.exit(code);
}
