import { env } from "@/lib/env";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { isStartupError } from "@/lib/start-server-process";
import { runServices } from "@/lib/launcher/run-services";

/**
 * `npm run dev`: Silkroute for development on this machine: the embedded database (unless
 * DATABASE_URL is set), the Next.js development server on PORT (no build needed, pages compile
 * on first request and reload on change) and one worker. As `npm start`, but without a build.
 */
async function main() {
  const config = env();
  const embedded = config.embedded ? await hostEmbeddedDatabase(config.dataDir) : null;
  await prepareDatabase({ url: embedded?.url });
  await ensureFirstAdmin();
  const services = runServices(process.env, { dev: true });
  const shutdown = async () => {
    await services.stop();
    await closeDatabase();
    await embedded?.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await services.ready;
  console.log(`Silkroute (development) is running at ${config.baseUrl}`);
  const code = await services.exited;
  await closeDatabase();
  await embedded?.close();
  process.exit(code);
}

main().catch((err) => {
  console.error(isStartupError(err) ? `\n${err.message}\n` : err);
  process.exit(1);
});
