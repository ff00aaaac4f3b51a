import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * The installation's master secret: SILKROUTE_SECRET, or (for a single machine with no secret
 * configured) one generated on first start and kept in the data folder with owner-only access.
 * Keys for distinct purposes are derived from it with HKDF, so one secret never serves two uses.
 */

function masterSecret(): Buffer {
  const config = env();
  if (config.SILKROUTE_SECRET) return Buffer.from(config.SILKROUTE_SECRET, "utf8");
  const file = path.join(config.dataDir, "secret.key");
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const generated = crypto.randomBytes(48).toString("base64");
    try {
      fs.writeFileSync(file, generated, { flag: "wx", mode: 0o600 });
    } catch (err) {
      // Another process wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
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
