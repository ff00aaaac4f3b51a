import "server-only";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { BackendLock, BackendLockTimeoutError } from "@/lib/db/backend-lock";
import { WireByteQueue } from "@/lib/db/wire-byte-queue";
import {
  SYNC_MESSAGE,
  authenticationSasl,
  authenticationSaslContinue,
  authenticationSaslFinal,
  errorResponse,
  negotiateProtocolVersion,
  readyForQueryIdle,
  startupMessage,
} from "@/lib/db/postgres-wire-messages";
import { SCRAM_MECHANISM, ScramProtocolError, ScramServerExchange, deriveScramVerifier, type ScramVerifier } from "@/lib/db/scram-server";

/**
 * Serves one PGlite database to ordinary Postgres clients (pg, Prisma's pg adapter, pg-boss) over
 * TCP on the loopback interface, and is the door to it: nothing reaches PGlite before the client
 * has proven the password with SCRAM-SHA-256.
 *
 * PGlite is a single Postgres backend, so clients must take turns. @electric-sql/pglite-socket
 * queues individual protocol messages, which lets the Parse/Bind/Execute messages of two clients
 * interleave and corrupt each other's unnamed statements and portals (we reproduced "portal does
 * not exist" errors under concurrent load). This server queues whole protocol cycles instead: a
 * client owns the backend from its first message until a Sync or simple Query leaves the backend
 * outside a transaction, so a transaction is never interleaved with another client's statements.
 *
 * What a client sends is hostile until it parses: a frame whose declared length is impossible or
 * above the maximum closes that client's connection with an ErrorResponse (08P01); a client that
 * holds the backend and then says nothing is rolled back and disconnected (25P03); connections
 * are capped (53300); a connection that does not finish authenticating in time is closed.
 * See docs/decisions/0002-embedded-database.md.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TYPE_PASSWORD = 0x70; // 'p': SASLInitialResponse, SASLResponse (and a cleartext PasswordMessage)
const TYPE_SYNC = 0x53; // 'S'
const TYPE_PARSE = 0x50; // 'P'
const TYPE_QUERY = 0x51; // 'Q'
const TYPE_TERMINATE = 0x58; // 'X'
/**
 * The frontend messages PGlite is handed once a client is in: Query, Parse, Bind, Execute,
 * Describe, Close, Flush, Sync, FunctionCall, CopyData, CopyDone, CopyFail. Postgres ends a
 * connection that sends any other type; PGlite hangs on one (we measured it, for every unknown
 * type tried), which would freeze the database for every client, so the proxy refuses it first.
 */
const FORWARDED_TYPES = new Set([..."QPBEDCHSFdcf"].map((c) => c.charCodeAt(0)));

/** The one user and database of the embedded database (PGlite's own). */
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_DATABASE = "postgres";

/**
 * The largest message a client may send once authenticated: 256 MiB (Postgres's own limit is
 * 1 GiB). A scan's messages are its pages: about 0.45 MiB per 1,000 resources, and relations a
 * page of the list they come from (a CA's issued certificates were once one 7.3 MiB statement at
 * 100,000 things; they are now stored page by page). 256 MiB leaves a wide margin for estates and
 * stages to come. Before authentication the limits are a few KiB, so only a client that knows the
 * password can make the host buffer that much.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** As Postgres (MAX_STARTUP_PACKET_LENGTH). */
export const MAX_STARTUP_PACKET_BYTES = 10_000;
/** SASL messages are a few hundred bytes. */
const MAX_AUTH_MESSAGE_BYTES = 16 * 1024;
export const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;
/** Longer than the idle-in-transaction limit, so a waiter behind an idle client gets its turn. */
export const DEFAULT_LOCK_TIMEOUT_MS = 120_000;
export const DEFAULT_AUTH_TIMEOUT_MS = 15_000;
/** As Postgres's max_connections. The app, a worker and the command line use a few each. */
export const DEFAULT_MAX_CONNECTIONS = 100;
/**
 * PGlite runs Postgres in single-user mode, where no checkpointer runs: left alone, the WAL grows
 * by every byte ever written until the host restarts (measured: 1.8 GiB for a summary scan of
 * 100,000 things) and a host killed with kill -9 replays all of it on its next start. The host
 * checks every few seconds, between clients' turns, and checkpoints once this much WAL has been
 * written since the last checkpoint; Postgres then recycles the old segments (max_wal_size).
 */
export const DEFAULT_CHECKPOINT_WAL_BYTES = 256 * 1024 * 1024;
const DEFAULT_CHECKPOINT_CHECK_MS = 5_000;
/** Whole messages one connection may have queued for its turn before it is read no further. */
const QUEUED_HIGH_WATER_BYTES = 8 * 1024 * 1024;

export interface EmbeddedServerOptions {
  db: PGlite;
  /** The password clients must prove (SCRAM-SHA-256, user "postgres"). */
  password: string;
  host?: string;
  port?: number;
  /** How long a client may wait for its turn before it gets an error, in ms. */
  lockTimeoutMs?: number;
  /** How long a client may hold the backend (in a transaction, or mid-cycle) sending nothing, in ms. */
  idleInTransactionMs?: number;
  /** How long a connection may take to authenticate, in ms. */
  authTimeoutMs?: number;
  maxConnections?: number;
  maxMessageBytes?: number;
  /** Checkpoint once this much WAL has been written since the last checkpoint, in bytes. */
  checkpointWalBytes?: number;
  /** How often to check the WAL written since the last checkpoint, in ms. */
  checkpointCheckMs?: number;
  /**
   * Called when a client gives its turn back, with the statements it ran and the time PGlite
   * spent on them (the benchmark's --statements; costs nothing when not set).
   */
  onTurn?: (turn: EmbeddedTurn) => void;
}

/** One client's turn on the backend: from taking it to giving it back (a transaction or a cycle). */
export interface EmbeddedTurn {
  statements: string[];
  busyMs: number;
}

export interface EmbeddedServerStats {
  /** Open client connections (refused ones not counted). */
  connections: number;
  /** Of those, the ones past authentication. */
  authenticated: number;
  /** Connections waiting for their turn on the backend. */
  waiting: number;
  /** Whether a connection holds the backend. */
  held: boolean;
  /** The largest message an authenticated client sent, in bytes. */
  largestMessageBytes: number;
  refused: { authentication: number; framing: number; idleInTransaction: number; tooManyConnections: number };
  /** Checkpoints the host ran. */
  checkpoints: number;
}

export interface EmbeddedServer {
  host: string;
  port: number;
  stop(): Promise<void>;
  connections(): number;
  stats(): EmbeddedServerStats;
}

interface ServerContext {
  db: PGlite;
  lock: BackendLock;
  verifier: ScramVerifier;
  idleInTransactionMs: number;
  authTimeoutMs: number;
  maxMessageBytes: number;
  stats: EmbeddedServerStats;
  run(message: Uint8Array, sink: net.Socket | null): Promise<unknown>;
  onTurn?: (turn: EmbeddedTurn) => void;
}

/** The statement a Parse or simple Query message carries (its first 200 characters), else null. */
function statementText(message: Buffer): string | null {
  let start: number;
  if (message[0] === TYPE_QUERY) start = 5;
  else if (message[0] === TYPE_PARSE) {
    const nameEnd = message.indexOf(0, 5);
    if (nameEnd < 0) return null;
    start = nameEnd + 1;
  } else return null;
  const end = message.indexOf(0, start);
  return message.toString("utf8", start, Math.min(end < 0 ? message.length : end, start + 200));
}

/** Ends a connection after what it still has to say, and tears it down if the peer does not read. */
function closeSocket(socket: net.Socket, last?: Buffer): void {
  if (socket.destroyed) return;
  if (last && socket.writable) socket.end(last);
  else socket.end();
  const timer = setTimeout(() => socket.destroy(), 2000);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

type Phase = "startup" | "sasl-initial" | "sasl-final" | "ready" | "closed";

/** One client connection: authentication, framing, and its turns on the backend. */
class ClientConnection {
  readonly id = Symbol("connection");
  /** Resolves when everything this connection queued has run and its cleanup is done. */
  chain: Promise<void> = Promise.resolve();
  private readonly queue = new WireByteQueue();
  private phase: Phase = "startup";
  private scram: ScramServerExchange | null = null;
  private backendStartup: Buffer | null = null;
  private pendingBatches = 0;
  private queuedBytes = 0;
  private paused = false;
  private cleanupQueued = false;
  private authenticated = false;
  private authTimer: NodeJS.Timeout | null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** What this connection's current turn ran, when the server's owner watches (onTurn). */
  private turn: EmbeddedTurn | null = null;

  constructor(
    private readonly socket: net.Socket,
    private readonly ctx: ServerContext,
  ) {
    socket.setNoDelay(true);
    this.authTimer = setTimeout(
      () => this.fatal("08P01", `authentication did not finish within ${Math.round(ctx.authTimeoutMs / 1000)} s`, "authentication"),
      ctx.authTimeoutMs,
    );
    this.authTimer.unref();
    socket.on("data", (data: Buffer) => this.onData(data));
    socket.on("error", () => socket.destroy());
  }

  /** The socket closed: give up the turn (rolling back what the client left open). Idempotent. */
  onClose(): void {
    this.phase = "closed";
    this.clearTimers();
    this.queue.clear();
    if (this.authenticated) {
      this.authenticated = false;
      this.ctx.stats.authenticated--;
    }
    this.releaseBackend();
  }

  private isClosed(): boolean {
    return this.phase === "closed";
  }

  private onData(data: Buffer): void {
    if (this.phase === "closed") return;
    this.queue.push(data);
    try {
      this.parse();
    } catch {
      // Nothing a client sends may take the host down: whatever the parser did not foresee ends
      // this one connection.
      this.fatal("08P01", "malformed message", "framing");
    }
  }

  private parse(): void {
    const batch: Buffer[] = [];
    let batchBytes = 0;
    let endsCycle = false;
    // Every pass either takes a whole frame off the queue or leaves the loop: it cannot spin.
    while (!this.isClosed()) {
      if (this.phase === "startup") {
        if (this.queue.length < 4) break;
        const length = this.queue.int32At(0);
        if (length < 8 || length > MAX_STARTUP_PACKET_BYTES) {
          this.fatal("08P01", `invalid startup packet length ${length}`, "framing");
          break;
        }
        if (this.queue.length < length) break;
        this.onStartupPacket(this.queue.take(length));
        continue;
      }
      if (this.queue.length < 5) break;
      const type = this.queue.byteAt(0);
      const length = this.queue.int32At(1);
      const limit = this.phase === "ready" ? this.ctx.maxMessageBytes : MAX_AUTH_MESSAGE_BYTES;
      if (length < 4 || length > limit) {
        this.fatal(
          "08P01",
          length < 4 ? `invalid message length ${length}` : `a message of ${length} bytes is over the ${limit} bytes the embedded database accepts`,
          "framing",
        );
        break;
      }
      if (this.queue.length < length + 1) break;
      const message = this.queue.take(length + 1);
      if (this.phase !== "ready") {
        this.onAuthMessage(type, message);
        continue;
      }
      if (message.length > this.ctx.stats.largestMessageBytes) this.ctx.stats.largestMessageBytes = message.length;
      if (type === TYPE_TERMINATE) {
        // The client leaves; what it left open is rolled back when the socket closes.
        this.phase = "closed";
        closeSocket(this.socket);
        return;
      }
      if (!FORWARDED_TYPES.has(type)) {
        this.fatal("08P01", `invalid frontend message type ${type}`, "framing");
        break;
      }
      batch.push(message);
      batchBytes += message.length;
      // A protocol cycle ends with Sync (extended protocol) or a simple Query; Flush asks for
      // the answers so far while the cycle goes on.
      endsCycle = type === TYPE_SYNC || type === TYPE_QUERY;
    }
    if (batch.length > 0 && !this.isClosed()) this.enqueue(batch, batchBytes, endsCycle);
  }

  private onStartupPacket(packet: Buffer): void {
    const code = packet.readInt32BE(4);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      if (packet.length !== 8) return this.fatal("08P01", "invalid encryption request", "framing");
      this.socket.write("N"); // no TLS on loopback: the client goes on in plain text or gives up
      return;
    }
    if (code === CANCEL_REQUEST) {
      // Nothing runs outside a client's own turn that a cancel could stop.
      this.phase = "closed";
      closeSocket(this.socket);
      return;
    }
    const major = (code >>> 16) & 0xffff;
    const minor = code & 0xffff;
    if (major !== 3) return this.fatal("0A000", `unsupported frontend protocol ${major}.${minor}: the embedded database serves 3.0`, "framing");
    const parameters = new Map<string, string>();
    let at = 8;
    for (;;) {
      const keyEnd = packet.indexOf(0, at);
      if (keyEnd < 0) return this.fatal("08P01", "invalid startup packet layout", "framing");
      if (keyEnd === at) {
        at = keyEnd + 1;
        break;
      }
      const valueEnd = packet.indexOf(0, keyEnd + 1);
      if (valueEnd < 0) return this.fatal("08P01", "invalid startup packet layout", "framing");
      parameters.set(packet.toString("utf8", at, keyEnd), packet.toString("utf8", keyEnd + 1, valueEnd));
      at = valueEnd + 1;
    }
    if (at !== packet.length) return this.fatal("08P01", "invalid startup packet layout", "framing");
    const user = parameters.get("user");
    if (!user) return this.fatal("28000", "no user name in the startup packet", "authentication");
    if (user !== EMBEDDED_USER) return this.fatal("28000", `the embedded database has no user "${user.slice(0, 63)}"`, "authentication");
    const database = parameters.get("database") || user;
    if (database !== EMBEDDED_DATABASE) return this.fatal("3D000", `database "${database.slice(0, 63)}" does not exist`, "authentication");
    const unrecognised = [...parameters.keys()].filter((k) => k.startsWith("_pq_."));
    if (minor > 0 || unrecognised.length > 0) this.socket.write(negotiateProtocolVersion(0, unrecognised));
    this.backendStartup = startupMessage(Object.fromEntries([...parameters].filter(([k]) => !k.startsWith("_pq_."))));
    this.scram = new ScramServerExchange(this.ctx.verifier);
    this.phase = "sasl-initial";
    this.socket.write(authenticationSasl([SCRAM_MECHANISM]));
  }

  private onAuthMessage(type: number, message: Buffer): void {
    if (type !== TYPE_PASSWORD) {
      return this.fatal("08P01", `expected an authentication response, got a message of type ${type}`, "authentication");
    }
    const body = message.subarray(5);
    if (this.phase === "sasl-initial") {
      const end = body.indexOf(0);
      const mechanism = end < 0 ? "" : body.toString("utf8", 0, end);
      if (end < 0 || mechanism !== SCRAM_MECHANISM || body.length < end + 5) {
        // A cleartext or md5 password, or another SASL mechanism.
        return this.fatal("28000", `the embedded database accepts only ${SCRAM_MECHANISM} authentication`, "authentication");
      }
      const length = body.readInt32BE(end + 1);
      const data = body.subarray(end + 5);
      if (length !== data.length) return this.fatal("08P01", "malformed SASLInitialResponse", "authentication");
      try {
        const serverFirst = this.scram!.start(data.toString("utf8"));
        this.phase = "sasl-final";
        this.socket.write(authenticationSaslContinue(serverFirst));
      } catch (err) {
        if (!(err instanceof ScramProtocolError)) throw err;
        this.fatal("08P01", err.message, "authentication");
      }
      return;
    }
    let result: ReturnType<ScramServerExchange["finish"]>;
    try {
      result = this.scram!.finish(body.toString("utf8"));
    } catch (err) {
      if (!(err instanceof ScramProtocolError)) throw err;
      return this.fatal("08P01", err.message, "authentication");
    }
    if (!result.ok) return this.fatal("28P01", `password authentication failed for user "${EMBEDDED_USER}"`, "authentication");
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
    this.scram = null;
    this.phase = "ready";
    this.authenticated = true;
    this.ctx.stats.authenticated++;
    this.socket.write(authenticationSaslFinal(result.serverFinal));
    // PGlite answers the startup with AuthenticationOk, the parameters and ReadyForQuery.
    const startup = this.backendStartup!;
    this.backendStartup = null;
    this.enqueue([startup], startup.length, true);
  }

  private enqueue(messages: Buffer[], bytes: number, endsCycle: boolean): void {
    this.pendingBatches++;
    this.queuedBytes += bytes;
    this.clearIdleTimer();
    if (this.queuedBytes > QUEUED_HIGH_WATER_BYTES && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
    this.chain = this.chain
      .then(() => this.runBatch(messages, endsCycle))
      .catch(() => {
        this.socket.destroy();
      })
      .finally(() => {
        this.pendingBatches--;
        this.queuedBytes -= bytes;
        if (this.paused && this.queuedBytes <= QUEUED_HIGH_WATER_BYTES / 2) {
          this.paused = false;
          if (this.phase !== "closed") this.socket.resume();
        }
        this.armIdleTimer();
      });
  }

  private async runBatch(messages: Buffer[], endsCycle: boolean): Promise<void> {
    if (this.cleanupQueued) return;
    const { lock, db } = this.ctx;
    try {
      await lock.acquire(this.id);
    } catch (err) {
      if (err instanceof BackendLockTimeoutError && this.socket.writable) {
        this.socket.write(errorResponse("ERROR", "55P03", err.message));
        this.socket.write(readyForQueryIdle());
      }
      return;
    }
    if (this.cleanupQueued) return; // the cleanup queued behind this batch gives the turn back
    const observe = this.ctx.onTurn;
    if (observe) this.turn ??= { statements: [], busyMs: 0 };
    for (const message of messages) {
      if (!observe) {
        await this.ctx.run(message, this.socket);
        continue;
      }
      const started = performance.now();
      await this.ctx.run(message, this.socket);
      this.turn!.busyMs += performance.now() - started;
      const statement = statementText(message);
      if (statement !== null) this.turn!.statements.push(statement);
    }
    if (endsCycle && !db.isInTransaction()) {
      lock.release(this.id);
      if (observe && this.turn) observe(this.turn);
      this.turn = null;
    }
  }

  /** Starts the idle clock when this connection holds the backend and has nothing queued. */
  private armIdleTimer(): void {
    if (this.phase !== "ready" || this.pendingBatches > 0 || !this.ctx.lock.isOwner(this.id)) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.phase !== "ready" || this.pendingBatches > 0 || !this.ctx.lock.isOwner(this.id)) return;
      const seconds = Math.round(this.ctx.idleInTransactionMs / 1000);
      this.fatal(
        "25P03",
        this.ctx.db.isInTransaction()
          ? `terminating connection due to idle-in-transaction timeout (${seconds} s): the transaction was rolled back`
          : `terminating connection: it held the embedded database for ${seconds} s without finishing its request`,
        "idleInTransaction",
      );
    }, this.ctx.idleInTransactionMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private clearTimers(): void {
    this.clearIdleTimer();
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
  }

  /** Refuses the client with an ErrorResponse, closes its connection and gives its turn back now. */
  private fatal(code: string, text: string, reason: keyof EmbeddedServerStats["refused"]): void {
    if (this.phase === "closed") return;
    this.phase = "closed";
    this.ctx.stats.refused[reason]++;
    this.clearTimers();
    this.queue.clear();
    closeSocket(this.socket, errorResponse("FATAL", code, text));
    this.releaseBackend();
  }

  /**
   * Gives the backend back: a connection still waiting is dropped from the queue at once; one that
   * holds it has its unfinished cycle ended (Sync) and its open transaction rolled back, through
   * PGlite, before the next client gets its turn.
   */
  private releaseBackend(): void {
    if (this.cleanupQueued) return;
    this.cleanupQueued = true;
    const { lock, db } = this.ctx;
    if (!lock.isOwner(this.id)) lock.drop(this.id);
    const cleanup = async () => {
      if (lock.isOwner(this.id)) {
        try {
          await this.ctx.run(SYNC_MESSAGE, null);
          // exec takes PGlite's own query lock, so it must not run inside runExclusive.
          if (db.isInTransaction()) await db.exec("ROLLBACK");
        } catch {
          // PGlite itself failed; the next client finds out.
        }
      }
      lock.drop(this.id);
    };
    this.chain = this.chain.then(cleanup, cleanup);
  }
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { db } = options;
  if (!options.password) throw new Error("the embedded database server needs a password");
  const host = options.host ?? "127.0.0.1";
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const stats: EmbeddedServerStats = {
    connections: 0,
    authenticated: 0,
    waiting: 0,
    held: false,
    largestMessageBytes: 0,
    refused: { authentication: 0, framing: 0, idleInTransaction: 0, tooManyConnections: 0 },
    checkpoints: 0,
  };
  const lock = new BackendLock(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  const ctx: ServerContext = {
    db,
    lock,
    verifier: deriveScramVerifier(options.password),
    idleInTransactionMs: options.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS,
    authTimeoutMs: options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    stats,
    onTurn: options.onTurn,
    run: (message, sink) =>
      db.runExclusive(() =>
        db.execProtocolRawStream(message, {
          onRawData: (chunk: Uint8Array) => {
            // The chunk is a view of PGlite's WebAssembly memory, which the next message reuses:
            // a socket that cannot send it at once must keep a copy.
            if (sink && chunk.length > 0 && sink.writable) sink.write(Buffer.from(chunk));
          },
        }),
      ),
  };
  const connections = new Map<net.Socket, ClientConnection>();
  const refused = new Set<net.Socket>();

  // The checkpointer single-user Postgres lacks: the host takes a turn like a client, so it never
  // runs inside a client's transaction, and checkpoints when enough WAL has been written.
  const checkpointWalBytes = options.checkpointWalBytes ?? DEFAULT_CHECKPOINT_WAL_BYTES;
  const maintenanceId = Symbol("checkpoint");
  let checking = false;
  let stopping = false;
  const checkpointIfDue = async () => {
    if (checking || stopping) return;
    checking = true;
    try {
      await lock.acquire(maintenanceId);
      try {
        if (stopping || db.isInTransaction()) return;
        const written = await db.query<{ bytes: string }>(
          `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::bigint::text AS bytes FROM pg_control_checkpoint()`,
        );
        if (Number(written.rows[0]?.bytes ?? 0) >= checkpointWalBytes) {
          await db.exec("CHECKPOINT");
          stats.checkpoints++;
        }
      } finally {
        lock.release(maintenanceId);
      }
    } catch {
      // Busy for longer than a client may wait, or PGlite failed: the next check tries again.
    } finally {
      checking = false;
    }
  };
  const checkpointTimer = setInterval(() => void checkpointIfDue(), options.checkpointCheckMs ?? DEFAULT_CHECKPOINT_CHECK_MS);
  checkpointTimer.unref();

  const server = net.createServer((socket) => {
    if (connections.size >= maxConnections) {
      stats.refused.tooManyConnections++;
      refused.add(socket);
      socket.on("error", () => socket.destroy());
      socket.once("close", () => refused.delete(socket));
      closeSocket(socket, errorResponse("FATAL", "53300", "sorry, too many clients already"));
      return;
    }
    const connection = new ClientConnection(socket, ctx);
    connections.set(socket, connection);
    socket.once("close", () => {
      connections.delete(socket);
      connection.onClose();
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
    connections: () => connections.size,
    stats: () => ({ ...stats, connections: connections.size, ...lock.stats(), refused: { ...stats.refused } }),
    stop: async () => {
      stopping = true;
      clearInterval(checkpointTimer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of refused) socket.destroy();
      for (const [socket, connection] of connections) {
        socket.destroy();
        connection.onClose();
      }
      const chains = [...connections.values()].map((c) => c.chain);
      // Let the connections' rollbacks finish before PGlite closes (bounded: a query may hang).
      await Promise.race([Promise.allSettled(chains), new Promise((r) => setTimeout(r, 5000).unref())]);
      await closed;
    },
  };
}
