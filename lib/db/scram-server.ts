import "server-only";
import crypto from "node:crypto";

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as Postgres speaks it, for the embedded
 * database's proxy. The password never crosses the wire and is not kept: the host derives the
 * verifier (salt, StoredKey, ServerKey) once when it starts, and each connection runs one
 * exchange against it. `pg`, Prisma's pg adapter and libpq (psql) speak it natively.
 */

export const SCRAM_MECHANISM = "SCRAM-SHA-256";
/** Postgres's default iteration count; clients refuse far higher ones. */
export const SCRAM_ITERATIONS = 4096;

export interface ScramVerifier {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** A client's SCRAM message that does not follow the protocol (not a wrong password). */
export class ScramProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScramProtocolError";
  }
}

const hmac = (key: Buffer, text: string) => crypto.createHmac("sha256", key).update(text, "utf8").digest();
const sha256 = (data: Buffer) => crypto.createHash("sha256").update(data).digest();

/** Derives the verifier of a password (PBKDF2 over a fresh salt: done once per host start). */
export function deriveScramVerifier(password: string, iterations = SCRAM_ITERATIONS): ScramVerifier {
  const salt = crypto.randomBytes(16);
  // Clients apply SASLprep (NFKC) to the password; the host's passwords are ASCII, where it is the identity.
  const salted = crypto.pbkdf2Sync(Buffer.from(password.normalize("NFKC"), "utf8"), salt, iterations, 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  return { salt, iterations, storedKey: sha256(clientKey), serverKey: hmac(salted, "Server Key") };
}

const PRINTABLE_NONCE = /^[\x21-\x2b\x2d-\x7e]+$/; // printable ASCII except ","
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** One client's exchange: client-first → server-first, client-final → server-final or refusal. */
export class ScramServerExchange {
  private gs2Header = "";
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";

  constructor(private readonly verifier: ScramVerifier) {}

  /** Answers the client-first-message with the server-first-message. */
  start(clientFirst: string): string {
    if (clientFirst.startsWith("p=")) {
      throw new ScramProtocolError("channel binding is not offered by the embedded database (it is reached over loopback, without TLS)");
    }
    // gs2-header: "n" (no channel binding) or "y" (client could, server does not offer it), no authzid.
    const match = /^([ny]),,(.*)$/s.exec(clientFirst);
    if (!match) throw new ScramProtocolError("malformed SCRAM client-first-message");
    const bare = match[2]!;
    const attributes = bare.split(",");
    const user = attributes[0];
    const nonce = attributes[1];
    if (!user?.startsWith("n=") || !nonce?.startsWith("r=")) throw new ScramProtocolError("malformed SCRAM client-first-message");
    const extensions = attributes.slice(2);
    if (extensions.some((a) => !/^[A-Za-z]=/.test(a))) throw new ScramProtocolError("malformed SCRAM client-first-message");
    if (extensions.some((a) => a.startsWith("m="))) throw new ScramProtocolError("unsupported SCRAM extension");
    const clientNonce = nonce.slice(2);
    if (!PRINTABLE_NONCE.test(clientNonce)) throw new ScramProtocolError("malformed SCRAM nonce");
    this.gs2Header = `${match[1]},,`;
    this.clientFirstBare = bare;
    this.nonce = clientNonce + crypto.randomBytes(18).toString("base64");
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString("base64")},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /**
   * Checks the client-final-message's proof. `ok` with the server-final-message (which proves to
   * the client that this server knows the verifier too), or not `ok` for a wrong password.
   */
  finish(clientFinal: string): { ok: true; serverFinal: string } | { ok: false } {
    if (!this.serverFirst) throw new ScramProtocolError("SCRAM client-final-message before client-first-message");
    const proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) throw new ScramProtocolError("malformed SCRAM client-final-message");
    const withoutProof = clientFinal.slice(0, proofAt);
    const proofText = clientFinal.slice(proofAt + 3);
    const attributes = withoutProof.split(",");
    if (attributes[0] !== `c=${Buffer.from(this.gs2Header, "utf8").toString("base64")}`) {
      throw new ScramProtocolError("SCRAM channel binding does not match the client-first-message");
    }
    if (attributes[1] !== `r=${this.nonce}`) throw new ScramProtocolError("SCRAM nonce does not match");
    if (!BASE64.test(proofText)) throw new ScramProtocolError("malformed SCRAM proof");
    const proof = Buffer.from(proofText, "base64");
    if (proof.length !== 32) throw new ScramProtocolError("malformed SCRAM proof");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.verifier.storedKey, authMessage);
    const clientKey = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) clientKey[i] = proof[i]! ^ clientSignature[i]!;
    if (!crypto.timingSafeEqual(sha256(clientKey), this.verifier.storedKey)) return { ok: false };
    return { ok: true, serverFinal: `v=${hmac(this.verifier.serverKey, authMessage).toString("base64")}` };
  }
}
