import { spawnSync } from "node:child_process";
import { env } from "@/lib/env";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { isStartupError } from "@/lib/start-server-process";
import { checkMasterSecret } from "@/lib/secrets";
import { runServices } from "@/lib/launcher/run-services";
import { DEMO_PASSWORD, ensureDemoUsers } from "@/lib/users/ensure-demo-users";
import { seedDemoEstate, type DemoEstate } from "@/scripts/demo/seed-demo-estate";

/**
 * `npm run demo`: builds for production, prepares the embedded database, creates one user per
 * role, starts a stand-in AWS with a sample IoT estate and a connection to it, then runs the web
 * app and a worker, and prints where to sign in.
 */
async function main() {
  const started = Date.now();
  const config = env();
  checkMasterSecret();
  console.log("Silkroute demo: building for production (next build)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) {
    console.error("The production build failed; see above.");
    process.exit(1);
  }
  const embedded = config.embedded ? await hostEmbeddedDatabase(config.dataDir) : null;
  await prepareDatabase({ url: embedded?.url });
  const users = await ensureDemoUsers();
  const estate: DemoEstate = await seedDemoEstate();
  const services = runServices({ ...process.env, ...estate.childEnv });
  const shutdown = async () => {
    await services.stop();
    await estate.stop();
    await closeDatabase();
    await embedded?.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await services.ready;
  const seconds = Math.round((Date.now() - started) / 1000);
  const width = Math.max(...users.map((u) => u.email.length));
  console.log(
    [
      "",
      `  Silkroute is ready at ${config.baseUrl}   (started in ${seconds} s)`,
      "",
      `  Sign in with any of these accounts; the password is "${DEMO_PASSWORD}" for all:`,
      ...users.map((u) => `    ${u.email.padEnd(width)}   ${u.role}`),
      "",
      ...estate.summary,
      `  Data folder: ${config.embedded ? config.dataDir : "(DATABASE_URL)"}   ·   Stop with Ctrl+C.`,
      "",
    ].join("\n"),
  );
  const code = await services.exited;
  await estate.stop();
  await closeDatabase();
  await embedded?.close();
  process.exit(code);
}

main().catch((err) => {
  console.error(isStartupError(err) ? `\n${err.message}\n` : err);
  process.exit(1);
});
