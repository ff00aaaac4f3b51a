import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
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
  __silkrouteTransaction?: AsyncLocalStorage<OpenTransaction>;
};

interface OpenTransaction {
  client: Prisma.TransactionClient;
}

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

function openTransaction(): OpenTransaction | undefined {
  return g.__silkrouteTransaction?.getStore();
}

/**
 * The Prisma client; inside `transaction()` the transaction's client, so every query of an
 * operation (and its audit entry) commits or rolls back together. Inside a transaction use
 * `transaction()` again rather than `$transaction` (it joins the open one).
 */
export function db(): PrismaClient {
  return (openTransaction()?.client as PrismaClient | undefined) ?? state().prisma;
}

/**
 * The one transaction helper: runs `work` in a Prisma interactive transaction and makes `db()`
 * and `sqlQuery()` use it for everything `work` awaits (AsyncLocalStorage), so lib functions need
 * no client parameter. Called inside an open transaction it joins it. Everything the work does
 * must go through `db()` / `sqlQuery()`: a query on another pool connection waits for the
 * transaction to end on the embedded database (one backend, held by the transaction).
 */
export async function transaction<T>(work: () => Promise<T>): Promise<T> {
  if (openTransaction()) return work();
  g.__silkrouteTransaction ??= new AsyncLocalStorage<OpenTransaction>();
  const storage = g.__silkrouteTransaction;
  return state().prisma.$transaction((client) => storage.run({ client }, work), { maxWait: 15_000, timeout: 60_000 });
}

/** True while the caller runs inside `transaction()`. */
export function inTransaction(): boolean {
  return openTransaction() !== undefined;
}

/**
 * A hand-written SQL statement: through the open transaction when there is one, else through the
 * pool. Objects among the values are sent as JSON, as `pg` does. Integer columns come back as
 * numbers; bigint and count(*) as a bigint inside a transaction and a string outside, so callers
 * convert them with Number().
 */
export async function sqlQuery<R = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<{ rows: R[] }> {
  const open = openTransaction();
  if (!open) return pool().query(text, values) as unknown as Promise<{ rows: R[] }>;
  const args = values.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) && !Buffer.isBuffer(v) && !Array.isArray(v) ? JSON.stringify(v) : v));
  return { rows: await open.client.$queryRawUnsafe<R[]>(text, ...args) };
}

/**
 * The pg pool, for bulk and hand-tuned queries outside transactions. Inside `transaction()` it
 * refuses: a query on another connection would wait for the transaction to end on the embedded
 * database, and would not be part of it anywhere; use `sqlQuery()` there.
 */
export function pool(): pg.Pool {
  if (openTransaction()) throw new Error("pool() was called inside transaction(): use sqlQuery() or db() so the query is part of the transaction.");
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
