import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { attachOrHostEmbeddedDatabase, type EmbeddedHandle } from "@/lib/db/embedded-host";
import { migrate } from "@/lib/db/migrate";

/**
 * The one Prisma client, and the pg pool under it (used directly for bulk inserts and the
 * inventory's hand-tuned queries). With DATABASE_URL set it talks to that Postgres; without, to
 * the embedded PGlite database, which the same driver reaches over a loopback socket with the
 * password its host published (lib/db/embedded-host.ts).
 *
 * Every process calls `prepareDatabase()` once at start (Next.js instrumentation, the worker,
 * the command line, test setup); after that `db()` and `pool()` are ready.
 */

interface DbState {
  url: string;
  embedded: EmbeddedHandle | null;
  pool: pg.Pool;
  prisma: PrismaClient;
}

const g = globalThis as typeof globalThis & {
  __silkrouteDb?: DbState;
  __silkrouteDbPreparing?: Promise<DbState>;
};

export interface PrepareOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Use this connection string instead of the configured one (tests). */
  url?: string;
  /** Pool size; the embedded database serialises work anyway, so it gets a small pool. */
  poolSize?: number;
}

export async function prepareDatabase(options: PrepareOptions = {}): Promise<DbState> {
  if (g.__silkrouteDb) return g.__silkrouteDb;
  g.__silkrouteDbPreparing ??= (async () => {
    const config = env();
    let embedded: EmbeddedHandle | null = null;
    let url = options.url ?? config.DATABASE_URL;
    if (!url) {
      embedded = await attachOrHostEmbeddedDatabase(config.dataDir);
      url = embedded.url;
    }
    // A host applied the migrations before it let anyone in; a client checks they match its own.
    if (options.migrate !== false && !embedded?.owner) await migrate(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? (embedded ? 4 : 10),
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 15_000,
    });
    pool.on("error", () => undefined); // an idle client dropped by the server is replaced on next use
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const state: DbState = { url, embedded, pool, prisma };
    g.__silkrouteDb = state;
    return state;
  })();
  try {
    return await g.__silkrouteDbPreparing;
  } catch (err) {
    g.__silkrouteDbPreparing = undefined;
    throw err;
  }
}

function state(): DbState {
  if (!g.__silkrouteDb) {
    throw new Error("The database is not prepared in this process: call prepareDatabase() at start-up.");
  }
  return g.__silkrouteDb;
}

export function db(): PrismaClient {
  return state().prisma;
}

export function pool(): pg.Pool {
  return state().pool;
}

export function databaseUrl(): string {
  return state().url;
}

export function isEmbeddedDatabase(): boolean {
  return state().embedded !== null;
}

export async function closeDatabase(): Promise<void> {
  const current = g.__silkrouteDb;
  g.__silkrouteDb = undefined;
  g.__silkrouteDbPreparing = undefined;
  if (!current) return;
  await current.prisma.$disconnect().catch(() => undefined);
  await current.pool.end().catch(() => undefined);
  await current.embedded?.close();
}
