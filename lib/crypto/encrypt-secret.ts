import "server-only";
import crypto from "node:crypto";
import { deriveKey } from "@/lib/secrets";

/**
 * AES-256-GCM for secrets kept at rest (cloud access keys). The stored form is
 * `v1:<iv>:<tag>:<ciphertext>`, base64url parts; the associated data binds a ciphertext to the
 * record it belongs to, so it cannot be moved to another row.
 */

export function encryptSecret(plaintext: string, associatedData: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", deriveKey("connection-secrets"), iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function decryptSecret(stored: string, associatedData: string): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("unrecognised secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", deriveKey("connection-secrets"), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
