import { createRequire } from "node:module";
import net from "node:net";
import { startupMessage } from "@/lib/db/postgres-wire-messages";

/**
 * A Postgres client at the level of bytes, for the tests of the embedded database's proxy: it
 * sends whatever it is told (well-formed or not) and reads back the server's messages, and it can
 * authenticate properly (SCRAM-SHA-256 with pg's own implementation) before misbehaving.
 */

const sasl = createRequire(import.meta.url)("pg/lib/crypto/sasl.js") as {
  startSession(mechanisms: string[]): { response: string };
  continueSession(session: object, password: string, serverData: string): Promise<void>;
  finalizeSession(session: object, serverData: string): void;
};

export interface BackendMessage {
  type: string;
  body: Buffer;
}

export class WireTestClient {
  private buffer = Buffer.alloc(0);
  private messages: BackendMessage[] = [];
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on("data", (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      while (this.buffer.length >= 5) {
        const length = this.buffer.readInt32BE(1);
        if (this.buffer.length < length + 1) break;
        this.messages.push({ type: String.fromCharCode(this.buffer[0]!), body: this.buffer.subarray(5, length + 1) });
        this.buffer = this.buffer.subarray(length + 1);
      }
      this.wake();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
  }

  static connect(port: number, host = "127.0.0.1"): Promise<WireTestClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host }, () => resolve(new WireTestClient(socket)));
      socket.once("error", reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  write(data: Buffer | Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /** The next message from the server; null if the connection closes first or nothing comes in time. */
  async next(timeoutMs = 30_000): Promise<BackendMessage | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length === 0) {
      if (this.closed || Date.now() >= deadline) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages.shift()!;
  }

  /** Reads until the server closes the connection; the messages it sent on the way. */
  async untilClosed(timeoutMs = 30_000): Promise<{ closed: boolean; messages: BackendMessage[] }> {
    const seen: BackendMessage[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await this.next(Math.max(1, deadline - Date.now()));
      if (message) seen.push(message);
      else return { closed: this.closed, messages: seen };
    }
  }

  /** Reads until ReadyForQuery; the messages before it. */
  async untilReady(timeoutMs = 30_000): Promise<BackendMessage[]> {
    const seen: BackendMessage[] = [];
    for (;;) {
      const message = await this.next(timeoutMs);
      if (!message) throw new Error(`no ReadyForQuery (closed: ${this.closed}); got ${seen.map((m) => m.type).join("")}`);
      seen.push(message);
      if (message.type === "Z") return seen;
    }
  }

  sendStartup(parameters: Record<string, string> = { user: "postgres", database: "postgres" }): void {
    this.write(startupMessage(parameters));
  }

  /** Startup and a full SCRAM-SHA-256 exchange; resolves at the first ReadyForQuery. */
  async authenticate(password: string): Promise<void> {
    this.sendStartup();
    const offer = await this.next();
    if (offer?.type !== "R" || offer.body.readInt32BE(0) !== 10) throw new Error(`expected AuthenticationSASL, got ${describe(offer)}`);
    const session = sasl.startSession(["SCRAM-SHA-256"]);
    this.write(saslInitialResponse("SCRAM-SHA-256", session.response));
    const serverFirst = await this.next();
    if (serverFirst?.type !== "R" || serverFirst.body.readInt32BE(0) !== 11) throw new Error(`expected SASLContinue, got ${describe(serverFirst)}`);
    await sasl.continueSession(session, password, serverFirst.body.subarray(4).toString("utf8"));
    this.write(typedMessage("p", Buffer.from((session as { response: string }).response, "utf8")));
    const serverFinal = await this.next();
    if (serverFinal?.type !== "R" || serverFinal.body.readInt32BE(0) !== 12) throw new Error(`expected SASLFinal, got ${describe(serverFinal)}`);
    sasl.finalizeSession(session, serverFinal.body.subarray(4).toString("utf8"));
    await this.untilReady();
  }

  async query(sql: string): Promise<BackendMessage[]> {
    this.write(typedMessage("Q", Buffer.from(`${sql}\0`, "utf8")));
    return this.untilReady();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function describe(message: BackendMessage | null): string {
  if (!message) return "nothing";
  return message.type === "E" ? `error ${errorFields(message).C}: ${errorFields(message).M}` : `message ${message.type}`;
}

/** A frontend message of this type and body, with the right length. */
export function typedMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export function saslInitialResponse(mechanism: string, data: string): Buffer {
  const payload = Buffer.from(data, "utf8");
  const length = Buffer.alloc(4);
  length.writeInt32BE(payload.length, 0);
  return typedMessage("p", Buffer.concat([Buffer.from(`${mechanism}\0`, "utf8"), length, payload]));
}

/** The fields of an ErrorResponse, by their one-letter codes (S, C, M...). */
export function errorFields(message: BackendMessage): Record<string, string> {
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < message.body.length && message.body[at] !== 0) {
    const end = message.body.indexOf(0, at + 1);
    fields[String.fromCharCode(message.body[at]!)] = message.body.toString("utf8", at + 1, end);
    at = end + 1;
  }
  return fields;
}

/** The SQLSTATE of the first ErrorResponse among these messages, if any. */
export function firstErrorCode(messages: BackendMessage[]): string | undefined {
  const error = messages.find((m) => m.type === "E");
  return error ? errorFields(error).C : undefined;
}
