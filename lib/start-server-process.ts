import "server-only";
import { env, ConfigError } from "@/lib/env";
import { prepareDatabase, closeDatabase } from "@/lib/db";
import { MigrationError } from "@/lib/db/migrate";
import { EmbeddedDatabaseError, EmbeddedDatabaseInUseError } from "@/lib/db/embedded-host";
import { ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { logger } from "@/lib/log";
import { checkMasterSecret, SecretError } from "@/lib/secrets";

export type ProcessRole = "web" | "worker" | "cli";

const shutdownHooks: Array<() => Promise<void>> = [];

/** Work to finish before the process exits on SIGTERM/SIGINT (run newest first, then the database closes). */
export function onShutdown(hook: () => Promise<void>): void {
  shutdownHooks.unshift(hook);
}

/** Start-up errors that the user can fix, printed as they are (no stack trace). */
export function isStartupError(err: unknown): err is Error {
  return (
    err instanceof ConfigError ||
    err instanceof SecretError ||
    err instanceof MigrationError ||
    err instanceof EmbeddedDatabaseInUseError ||
    err instanceof EmbeddedDatabaseError
  );
}

/**
 * What every long-running Silkroute process does first: check the configuration and the master
 * secret, open the database, apply migrations. The web process also creates the first admin on an empty
 * database. A failure ends the process with exit code 1 and one clear message.
 */
export async function startServerProcess(role: ProcessRole): Promise<void> {
  try {
    env();
    checkMasterSecret();
    await prepareDatabase();
    if (role === "web") await ensureFirstAdmin();
    let closing = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      logger().info({ signal, role }, "shutting down");
      for (const hook of shutdownHooks) await hook().catch((err) => logger().error({ err }, "shutdown hook failed"));
      await closeDatabase();
      process.exit(0);
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  } catch (err) {
    if (isStartupError(err)) {
      console.error(`\n${err.message}\n`);
    } else {
      console.error("\nSilkroute could not start:", err, "\n");
    }
    process.exit(1);
  }
}
