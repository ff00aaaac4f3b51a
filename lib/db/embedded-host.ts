import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server";

/**
 * The embedded database: PGlite keeps its files under `<data dir>/pglite`, and one process at a
 * time opens them and serves them on 127.0.0.1 (see embedded-server.ts). That process writes
 * `<data dir>/embedded.lock` with its pid and port; other processes of the same installation (the
 * worker, the command line, the web app) find the port there and connect as ordinary Postgres
 * clients. A second process that tries to open the same files is refused with a clear message,
 * so two PGlite instances never write the same data folder.
 */

export interface EmbeddedLock {
  pid: number;
  port: number | null;
  host: string;
  startedAt: string;
}

export interface EmbeddedHandle {
  url: string;
  /** True when this process opened the database; false when it connected to another process. */
  owner: boolean;
  close(): Promise<void>;
}

export class EmbeddedDatabaseInUseError extends Error {
  readonly code = "EMBEDDED_DB_IN_USE";
  constructor(dataDir: string, lock: EmbeddedLock) {
    super(
      `The embedded database in ${dataDir} is already open in process ${lock.pid} (since ${lock.startedAt}). ` +
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

const lockPath = (dataDir: string) => path.join(dataDir, "embedded.lock");

export function embeddedUrl(host: string, port: number): string {
  return `postgres://postgres:postgres@${host}:${port}/postgres?sslmode=disable`;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(dataDir: string): EmbeddedLock | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as EmbeddedLock;
    if (typeof parsed.pid !== "number") return null;
    return parsed;
  } catch {
    return null;
  }
}

/** Takes the lock, or returns the live holder. Removes a lock left by a process that died. */
function takeLock(dataDir: string): { taken: true } | { taken: false; holder: EmbeddedLock } {
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const lock: EmbeddedLock = { pid: process.pid, port: null, host: "127.0.0.1", startedAt: new Date().toISOString() };
    try {
      fs.writeFileSync(lockPath(dataDir), JSON.stringify(lock), { flag: "wx", mode: 0o600 });
      return { taken: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readLock(dataDir);
    if (holder && isAlive(holder.pid)) return { taken: false, holder };
    // The holder died (killed, crashed): its lock is stale. PGlite recovers its files on open.
    fs.rmSync(lockPath(dataDir), { force: true });
  }
  throw new EmbeddedDatabaseError(`Could not take the lock ${lockPath(dataDir)}: remove it if no Silkroute process is running.`);
}

async function waitForPort(dataDir: string, timeoutMs: number): Promise<EmbeddedLock | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lock = readLock(dataDir);
    if (!lock || !isAlive(lock.pid)) return null;
    if (lock.port) return lock;
    await new Promise((r) => setTimeout(r, 100));
  }
  return readLock(dataDir);
}

/**
 * Opens the embedded database in this process and serves it.
 * @throws EmbeddedDatabaseInUseError when another live process has it open.
 */
export async function hostEmbeddedDatabase(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedHandle> {
  const taken = takeLock(dataDir);
  if (!taken.taken) throw new EmbeddedDatabaseInUseError(dataDir, taken.holder);
  let db: PGlite | undefined;
  let server: EmbeddedServer | undefined;
  try {
    // pg_trgm serves the inventory's text search, as on a Postgres server.
    db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
    server = await startEmbeddedServer({ db, port: options.port ?? 0 });
    const lock: EmbeddedLock = { pid: process.pid, port: server.port, host: server.host, startedAt: new Date().toISOString() };
    fs.writeFileSync(lockPath(dataDir), JSON.stringify(lock), { mode: 0o600 });
  } catch (err) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    fs.rmSync(lockPath(dataDir), { force: true });
    throw new EmbeddedDatabaseError(
      `The embedded database in ${dataDir} could not be opened: ${(err as Error).message}`,
      { cause: err },
    );
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server!.stop().catch(() => undefined);
    await db!.close().catch(() => undefined);
    const current = readLock(dataDir);
    if (current?.pid === process.pid) fs.rmSync(lockPath(dataDir), { force: true });
  };
  const onExit = () => {
    const current = readLock(dataDir);
    if (current?.pid === process.pid) fs.rmSync(lockPath(dataDir), { force: true });
  };
  process.once("exit", onExit);
  return { url: embeddedUrl(server.host, server.port), owner: true, close };
}

/**
 * Connects to the embedded database that another process of this installation serves, or opens
 * it here when none does.
 */
export async function attachOrHostEmbeddedDatabase(dataDir: string): Promise<EmbeddedHandle> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder = readLock(dataDir);
    if (holder && isAlive(holder.pid) && holder.pid !== process.pid) {
      const ready = await waitForPort(dataDir, 30_000);
      if (ready?.port) {
        return { url: embeddedUrl(ready.host, ready.port), owner: false, close: async () => undefined };
      }
      continue;
    }
    try {
      return await hostEmbeddedDatabase(dataDir);
    } catch (err) {
      // Another process took the lock between our read and our write: connect to it instead.
      if (err instanceof EmbeddedDatabaseInUseError) continue;
      throw err;
    }
  }
  throw new EmbeddedDatabaseError(`The embedded database in ${dataDir} is starting in another process but did not become ready.`);
}
