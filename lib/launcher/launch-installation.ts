import "server-only";
import { env } from "@/lib/env";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { isStartupError } from "@/lib/start-server-process";
import { checkMasterSecret } from "@/lib/secrets";
import { runServices } from "@/lib/launcher/run-services";

export interface LaunchOptions {
  /** The Next.js development server instead of the production build (`npm run dev`). */
  dev?: boolean;
  /** Create the first admin on an empty database (`npm start`, `npm run dev`; the demo makes its own users). */
  firstAdmin?: boolean;
  /**
   * Work once the database is ready and before the web server and worker start (the demo: its
   * users and its stand-in AWS): settings to pass to them, and what to stop when they stop.
   */
  prepare?: () => Promise<{ childEnv?: Record<string, string>; stop?: () => Promise<void> }>;
  /** What to print once the web server listens. */
  ready: () => string;
}

/**
 * How `npm start`, `npm run dev` and `npm run demo` run an installation on this machine: check
 * the master secret, host the embedded database (unless DATABASE_URL is set; migrations are
 * applied before it is ready), run the web server and one worker as child processes, pass Ctrl+C
 * on to them, and close everything when they stop. A start-up error the user can fix is printed as
 * its message alone.
 */
export async function launchInstallation(options: LaunchOptions): Promise<never> {
  try {
    const config = env();
    checkMasterSecret();
    const embedded = config.embedded ? await hostEmbeddedDatabase(config.dataDir) : null;
    await prepareDatabase({ url: embedded?.url });
    if (options.firstAdmin) await ensureFirstAdmin();
    const prepared = (await options.prepare?.()) ?? {};
    const services = runServices({ ...process.env, ...prepared.childEnv }, { dev: options.dev });
    const close = async () => {
      await prepared.stop?.();
      await closeDatabase();
      await embedded?.close();
    };
    const shutdown = async () => {
      await services.stop();
      await close();
      process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    await services.ready;
    console.log(options.ready());
    const code = await services.exited;
    await close();
    process.exit(code);
  } catch (err) {
    console.error(isStartupError(err) ? `\n${err.message}\n` : err);
    process.exit(1);
  }
}
