import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { EMBEDDED_DATABASE, EMBEDDED_USER, startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions, type EmbeddedServerStats } from "@/lib/db/embedded-server";
import { lockDataFolder, type DataFolderLock } from "@/lib/db/lock-data-folder";
import { readEmbeddedDetails, removeEmbeddedDetails, writeEmbeddedDetails, type EmbeddedDetails } from "@/lib/db/embedded-details";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { logger } from "@/lib/log";

/**
 * The embedded database: PGlite keeps its files under `<data dir>/pglite`, and exactly one
 * process at a time opens them and serves them on 127.0.0.1 (embedded-server.ts), the one that
 * holds the folder's OS lock (lock-data-folder.ts). It applies the migrations, then writes how to
 * reach it (address, this instance's password) to `<data dir>/embedded.json`, mode 0600
 * (embedded-details.ts). The other processes of the installation (the worker, the command line,
 * the web app) read that file and connect as ordinary Postgres clients, authenticating with
 * SCRAM-SHA-256. The data folder is kept at mode 0700.
 */

export interface EmbeddedHandle {
  /** A connection string with this instance's password: keep it out of logs. */
  url: string;
  /** True when this process opened the database; false when it connected to another process. */
  owner: boolean;
  /** The hosting instance's token. */
  token: string;
  /** The server's figures, in the hosting process only. */
  stats(): EmbeddedServerStats | null;
  close(): Promise<void>;
}

export class EmbeddedDatabaseInUseError extends Error {
  readonly code = "EMBEDDED_DB_IN_USE";
  constructor(dataDir: string, details: EmbeddedDetails | null) {
    const holder = details ? `process ${details.pid} (since ${details.startedAt})` : "another process";
    super(
      `The embedded database in ${dataDir} is already open in ${holder}. ` +
        `Stop that process first, or point SILKROUTE_DATA_DIR at another folder, or set DATABASE_URL to use a Postgres server.`,
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

export class EmbeddedDatabaseError extends Error {
  readonly code = "EMBEDDED_DB_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedDatabaseError";
  }
}

/**
 * PGlite's own start parameters (fsync off among them: -F), and two that follow from it. With
 * fsync off a crash of the machine can lose or tear pages whatever else is set, so full-page
 * images in the WAL buy nothing; and each new 16 MiB WAL segment need not be written with zeros
 * first. Measured on a summary scan of 100,000 things: time in COMMIT from 6.3 s to 1.3 s.
 * A process killed with kill -9 loses nothing: what Postgres wrote is in the operating system.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "full_page_writes=off", "-c", "wal_init_zero=off"];

export interface HostOptions {
  port?: number;
  /** Apply Silkroute's migrations before publishing the details (default true). */
  migrate?: boolean;
  /** Limits of the server (tests shorten them). */
  server?: Pick<
    EmbeddedServerOptions,
    "idleInTransactionMs" | "lockTimeoutMs" | "authTimeoutMs" | "maxConnections" | "maxMessageBytes" | "checkpointWalBytes" | "checkpointCheckMs" | "onTurn"
  >;
}

export interface AttachOptions extends HostOptions {
  /** How long to wait for a process that holds the lock to become reachable (default 120 s). */
  waitMs?: number;
}

export const DEFAULT_ATTACH_WAIT_MS = 120_000;

export function embeddedUrl(details: { host: string; port: number; password: string }): string {
  return `postgres://${EMBEDDED_USER}:${encodeURIComponent(details.password)}@${details.host}:${details.port}/${EMBEDDED_DATABASE}?sslmode=disable`;
}

/** Creates the data folder if needed and makes it the owner's alone (0700). */
export function prepareDataFolder(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if ((fs.statSync(dataDir).mode & 0o077) !== 0) fs.chmodSync(dataDir, 0o700);
  } catch (err) {
    throw new EmbeddedDatabaseError(
      `The data folder ${dataDir} cannot be prepared (${(err as Error).message}): it must belong to the user Silkroute runs as.`,
      { cause: err },
    );
  }
}

async function takeLock(dataDir: string): Promise<DataFolderLock | null> {
  try {
    return await lockDataFolder(dataDir);
  } catch (err) {
    throw new EmbeddedDatabaseError(`The embedded database in ${dataDir} cannot be locked: ${(err as Error).message}`, { cause: err });
  }
}

/** Opens the database (this process holds the lock), serves it, migrates it, then publishes it. */
async function hostWithLock(dataDir: string, lock: DataFolderLock, options: HostOptions): Promise<EmbeddedHandle> {
  const token = crypto.randomUUID();
  const password = crypto.randomBytes(32).toString("base64url");
  const startedAt = new Date().toISOString();
  let db: PGlite | undefined;
  let server: EmbeddedServer | undefined;
  let url: string;
  try {
    writeEmbeddedDetails(dataDir, { state: "starting", token, pid: process.pid, startedAt });
    // pg_trgm serves the inventory's text search, as on a Postgres server.
    db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { pg_trgm }, startParams: EMBEDDED_START_PARAMS });
    logger().debug({ dataDir, token }, "embedded database opened");
    server = await startEmbeddedServer({ ...options.server, db, password, port: options.port ?? 0 });
    url = embeddedUrl({ host: server.host, port: server.port, password });
    // Clients see the database only once it is migrated: never half of a migration.
    if (options.migrate !== false) await migrate(url);
    writeEmbeddedDetails(dataDir, { state: "ready", token, pid: process.pid, startedAt, host: server.host, port: server.port, user: EMBEDDED_USER, password });
  } catch (err) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    try {
      removeEmbeddedDetails(dataDir, token);
    } finally {
      lock.release();
    }
    if (err instanceof MigrationError) throw err;
    throw new EmbeddedDatabaseError(`The embedded database in ${dataDir} could not be opened: ${(err as Error).message}`, { cause: err });
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server!.stop().catch(() => undefined);
    await db!.close().catch(() => undefined);
    try {
      removeEmbeddedDetails(dataDir, token);
    } finally {
      lock.release();
    }
    logger().debug({ dataDir, token }, "embedded database closed");
  };
  return { url, owner: true, token, stats: () => server!.stats(), close };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The details of the process that holds the lock, to name it in a message (only: who hosts is
 * decided by the lock alone). A holder that has just taken the lock may not have written its
 * own yet, and details left by a killed instance name a process that is gone: wait a moment for
 * details whose process runs.
 */
async function describeHolder(dataDir: string): Promise<EmbeddedDetails | null> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const details = readEmbeddedDetails(dataDir);
    if (details && isRunning(details.pid)) return details;
    if (Date.now() >= deadline) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens the embedded database in this process and serves it.
 * @throws EmbeddedDatabaseInUseError when another process holds the folder.
 */
export async function hostEmbeddedDatabase(dataDir: string, options: HostOptions = {}): Promise<EmbeddedHandle> {
  prepareDataFolder(dataDir);
  const lock = await takeLock(dataDir);
  if (!lock) throw new EmbeddedDatabaseInUseError(dataDir, await describeHolder(dataDir));
  return hostWithLock(dataDir, lock, options);
}

/** Connects once with these details: null when they work, else why not. */
async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects to the embedded database that another process of this installation hosts, or hosts
 * it here when none does. A host that is still starting (or migrating) is waited for; details
 * that do not work (left by an earlier instance, or not yet replaced by a starting one) are read
 * again until they do, or until the lock is free and this process hosts.
 */
export async function attachOrHostEmbeddedDatabase(dataDir: string, options: AttachOptions = {}): Promise<EmbeddedHandle> {
  prepareDataFolder(dataDir);
  const waitMs = options.waitMs ?? DEFAULT_ATTACH_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let seen: EmbeddedDetails | null = null;
  let lastProblem = "it has not said how to reach it yet";
  for (;;) {
    const lock = await takeLock(dataDir);
    if (lock) return hostWithLock(dataDir, lock, options);
    const details = readEmbeddedDetails(dataDir);
    if (details) seen = details;
    if (details?.state === "ready") {
      const url = embeddedUrl(details);
      const problem = await probe(url);
      if (problem === null) {
        return { url, owner: false, token: details.token, stats: () => null, close: async () => undefined };
      }
      lastProblem = `connecting with the details it published failed: ${problem}`;
    } else if (details?.state === "starting") {
      lastProblem = "it is still starting (opening or migrating the database)";
    }
    if (Date.now() >= deadline) {
      const holder = seen ? `process ${seen.pid} (since ${seen.startedAt})` : "another process";
      throw new EmbeddedDatabaseError(
        `The embedded database in ${dataDir} is open in ${holder}, which did not let this process in within ${Math.round(waitMs / 1000)} s: ${lastProblem}. ` +
          `If that process is stuck, stop it; or set DATABASE_URL to use a Postgres server.`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
