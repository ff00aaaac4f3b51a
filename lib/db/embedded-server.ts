import "server-only";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite database to ordinary Postgres clients (pg, Prisma's pg adapter, pg-boss) over
 * TCP on the loopback interface.
 *
 * PGlite is a single Postgres backend, so clients must take turns. @electric-sql/pglite-socket
 * queues individual protocol messages, which lets the Parse/Bind/Execute messages of two clients
 * interleave and corrupt each other's unnamed statements and portals (we reproduced "portal does
 * not exist" errors under concurrent load). This server queues whole protocol cycles instead: a
 * client owns the backend from its first message until a Sync or simple Query leaves the backend
 * outside a transaction, so a transaction is never interleaved with another client's statements.
 * See docs/decisions/0002-embedded-database.md.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export interface EmbeddedServerOptions {
  db: PGlite;
  host?: string;
  port?: number;
  /** How long a client may wait for its turn before it gets an error, in ms. */
  lockTimeoutMs?: number;
}

export interface EmbeddedServer {
  host: string;
  port: number;
  stop(): Promise<void>;
  connections(): number;
}

/** A FIFO mutex with an owner, so the owner can keep it across several batches (a transaction). */
class BackendLock {
  private owner: symbol | null = null;
  private waiters: Array<{ id: symbol; resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }> = [];

  constructor(private readonly timeoutMs: number) {}

  isOwner(id: symbol): boolean {
    return this.owner === id;
  }

  acquire(id: symbol): Promise<void> {
    if (this.owner === id) return Promise.resolve();
    if (this.owner === null) {
      this.owner = id;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.id !== id);
        reject(new Error(`the embedded database was busy for more than ${Math.round(this.timeoutMs / 1000)} s`));
      }, this.timeoutMs);
      timer.unref();
      this.waiters.push({ id, resolve, reject, timer });
    });
  }

  release(id: symbol): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      this.owner = next.id;
      next.resolve();
    } else {
      this.owner = null;
    }
  }

  drop(id: symbol): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.id !== id) return true;
      clearTimeout(w.timer);
      return false;
    });
    this.release(id);
  }
}

/** Builds a Postgres ErrorResponse message, for errors raised by this server itself. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from("SERROR\0", "utf8"),
    Buffer.from("VERROR\0", "utf8"),
    Buffer.from(`C${code}\0`, "utf8"),
    Buffer.from(`M${message}\0`, "utf8"),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { db } = options;
  const host = options.host ?? "127.0.0.1";
  const lock = new BackendLock(options.lockTimeoutMs ?? 60_000);
  const sockets = new Set<net.Socket>();

  const run = (message: Uint8Array, socket: net.Socket) =>
    db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        onRawData: (chunk: Uint8Array) => {
          if (chunk.length > 0 && socket.writable) socket.write(chunk);
        },
      }),
    );

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    const id = Symbol("connection");
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let chain: Promise<void> = Promise.resolve();
    let closed = false;

    const processBatch = async (messages: Buffer[], endsCycle: boolean) => {
      try {
        await lock.acquire(id);
      } catch (err) {
        if (socket.writable) {
          socket.write(errorResponse("55P03", (err as Error).message));
          socket.write(Buffer.from([0x5a, 0, 0, 0, 5, 0x49])); // ReadyForQuery, idle
        }
        return;
      }
      if (closed) {
        await cleanup();
        return;
      }
      for (const message of messages) await run(message, socket);
      if (endsCycle && !db.isInTransaction()) lock.release(id);
    };

    const cleanup = async () => {
      if (lock.isOwner(id) && db.isInTransaction()) {
        // exec takes PGlite's own query lock, so it must not run inside runExclusive.
        await db.exec("ROLLBACK").catch(() => undefined);
      }
      lock.drop(id);
    };

    const onData = (data: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      const batch: Buffer[] = [];
      let endsCycle = false;
      for (;;) {
        if (!started) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          batch.push(Buffer.from(message));
          endsCycle = true;
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) break;
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === "X") {
          socket.end();
          break;
        }
        batch.push(message);
        // A protocol cycle ends with Sync (extended protocol) or a simple Query; Flush asks for
        // the answers so far while the cycle goes on.
        endsCycle = type === "S" || type === "Q";
      }
      if (batch.length > 0) {
        const messages = batch.splice(0);
        const ends = endsCycle;
        chain = chain.then(() => processBatch(messages, ends)).catch(() => {
          socket.destroy();
        });
      }
    };

    socket.on("data", onData);
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      closed = true;
      sockets.delete(socket);
      chain = chain.then(cleanup, cleanup);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("embedded database server has no address");

  return {
    host,
    port: address.port,
    connections: () => sockets.size,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
