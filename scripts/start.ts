import fs from "node:fs";
import { env } from "@/lib/env";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { isStartupError } from "@/lib/start-server-process";
import { checkMasterSecret } from "@/lib/secrets";
import { runServices } from "@/lib/launcher/run-services";

/**
 * `npm start`: runs a production build on this machine: the embedded database (unless
 * DATABASE_URL is set), the web server on PORT and one worker.
 */
async function main() {
  const config = env();
  checkMasterSecret();
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("There is no production build yet: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }
  const embedded = config.embedded ? await hostEmbeddedDatabase(config.dataDir) : null;
  await prepareDatabase({ url: embedded?.url });
  await ensureFirstAdmin();
  const services = runServices(process.env);
  const shutdown = async () => {
    await services.stop();
    await closeDatabase();
    await embedded?.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await services.ready;
  console.log(`Silkroute is running at ${config.baseUrl}`);
  const code = await services.exited;
  await closeDatabase();
  await embedded?.close();
  process.exit(code);
}

main().catch((err) => {
  console.error(isStartupError(err) ? `\n${err.message}\n` : err);
  process.exit(1);
});
