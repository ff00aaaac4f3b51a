import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * The installation's master secret: SILKROUTE_SECRET, or (for a single machine with no secret
 * configured) one generated on first start and kept in the data folder with owner-only access.
 * Keys for distinct purposes are derived from it with HKDF, so one secret never serves two uses.
 *
 * Every process checks it at start (`checkMasterSecret`): a secret.key that is empty, short,
 * not base64 or unreadable stops the process with a message naming the file, because a key
 * anyone can compute would sign sessions and encrypt stored cloud keys for everyone.
 */

/** Bytes of key material the master secret must hold at least. */
export const MIN_SECRET_BYTES = 32;
/** Bytes a generated secret.key holds. */
const GENERATED_BYTES = 48;

export class SecretError extends Error {
  constructor(message: string) {
    super(`Silkroute cannot start: ${message}`);
    this.name = "SecretError";
  }
}

function secretFile(): string {
  return path.join(env().dataDir, "secret.key");
}

const howToFix = (file: string) =>
  `Restore the file from a backup of this data folder, or set SILKROUTE_SECRET (the same value for every process). ` +
  `Only if this installation holds nothing you need to keep encrypted: delete ${file} and start again to generate a new key ` +
  `(every session ends and stored AWS secret keys must be entered again).`;

/** Decodes a secret.key's text, refusing anything that is not at least MIN_SECRET_BYTES of base64 key. */
export function parseSecretFile(text: string, file: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new SecretError(`${file} is not a Silkroute key (it must hold base64 text). ${howToFix(file)}`);
  }
  const key = Buffer.from(trimmed, "base64");
  if (key.length < MIN_SECRET_BYTES) {
    throw new SecretError(
      `${file} holds ${key.length === 0 ? "no key (the file is empty)" : `only ${key.length} bytes of key`}; at least ${MIN_SECRET_BYTES} are needed. ${howToFix(file)}`,
    );
  }
  return key;
}

function readSecretFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    throw new SecretError(`${file} cannot be read (${code ?? String(err)}). Give the user Silkroute runs as read access to it (it should be mode 0600, owned by that user). ${howToFix(file)}`);
  }
  return parseSecretFile(text, file);
}

function fsyncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already on disk.
  }
}

/**
 * Writes a new key where there is none, atomically: the key goes to a temporary file (0600) that
 * is flushed to disk, then linked to its name, which fails if another process got there first;
 * a reader therefore sees either no file or the whole key, never a part of one.
 */
function createSecretFile(file: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // The data folder holds the database and this key: its owner only.
    fs.chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (a mounted volume): the key file itself is 0600.
  }
  const tmp = path.join(dir, `.secret.key.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  const fd = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeSync(fd, `${crypto.randomBytes(GENERATED_BYTES).toString("base64")}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: another process created it first, and theirs is the key. Anything else (a file
    // system without hard links) falls back to an exclusive copy, which is atomic as well.
    if (code !== "EEXIST") {
      try {
        fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
        fs.chmodSync(file, 0o600);
      } catch (copyErr) {
        if ((copyErr as NodeJS.ErrnoException).code !== "EEXIST") throw copyErr;
      }
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDirectory(dir);
}

function loadMasterSecret(): Buffer {
  const config = env();
  if (config.SILKROUTE_SECRET) return Buffer.from(config.SILKROUTE_SECRET, "utf8");
  const file = secretFile();
  const existing = readSecretFile(file);
  if (existing) return existing;
  createSecretFile(file);
  const created = readSecretFile(file);
  if (!created) throw new SecretError(`${file} could not be created. Check that the data folder ${path.dirname(file)} is writable.`);
  return created;
}

let master: Buffer | undefined;

function masterSecret(): Buffer {
  master ??= loadMasterSecret();
  return master;
}

/** Loads (or creates) the master secret and checks it, at the start of every process; throws SecretError otherwise. */
export function checkMasterSecret(): void {
  masterSecret();
}

const cache = new Map<string, Buffer>();

export type KeyPurpose = "auth-sessions" | "connection-secrets";

export function deriveKey(purpose: KeyPurpose, length = 32): Buffer {
  const cached = cache.get(purpose);
  if (cached) return cached;
  const key = Buffer.from(crypto.hkdfSync("sha256", masterSecret(), Buffer.alloc(0), `silkroute:${purpose}`, length));
  cache.set(purpose, key);
  return key;
}

/** For tests that change the data folder or the secret between cases. */
export function resetSecretsForTests(): void {
  master = undefined;
  cache.clear();
}
