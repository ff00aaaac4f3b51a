import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * `<data dir>/embedded.json`: how the other processes of an installation reach the process that
 * hosts its embedded database: the instance's token, its pid, address, and the password of this
 * instance (new at every start, so details left by an earlier instance can never authenticate).
 * Mode 0600 in a 0700 folder: only the installation's own OS user can read it.
 *
 * Only the host that holds the folder's lock writes it, always whole: a temporary file, fsync,
 * rename over the old one, fsync of the folder, so a reader sees the old details or the new ones,
 * never half of them. Readers never delete or change anything.
 */

export const DETAILS_FILE = "embedded.json";

const detailsSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("starting"),
    token: z.string().min(1),
    pid: z.number().int(),
    startedAt: z.string(),
  }),
  z.object({
    state: z.literal("ready"),
    token: z.string().min(1),
    pid: z.number().int(),
    startedAt: z.string(),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    user: z.string().min(1),
    password: z.string().min(1),
  }),
]);

export type EmbeddedDetails = z.infer<typeof detailsSchema>;

const detailsPath = (dataDir: string) => path.join(dataDir, DETAILS_FILE);

/** The details as the host last wrote them, or null when there are none (or they do not parse). */
export function readEmbeddedDetails(dataDir: string): EmbeddedDetails | null {
  let text: string;
  try {
    text = fs.readFileSync(detailsPath(dataDir), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = detailsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a folder; the rename is atomic all the same.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Replaces the details atomically (the caller holds the data folder's lock). */
export function writeEmbeddedDetails(dataDir: string, details: EmbeddedDetails): void {
  const target = detailsPath(dataDir);
  const temporary = path.join(dataDir, `.${DETAILS_FILE}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  const fd = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, `${JSON.stringify(details)}\n`, 0, "utf8");
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temporary, target);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
  fsyncFolder(dataDir);
}

/** Removes the details of this instance on an orderly shutdown (the caller still holds the lock). */
export function removeEmbeddedDetails(dataDir: string, token: string): void {
  if (readEmbeddedDetails(dataDir)?.token !== token) return;
  fs.rmSync(detailsPath(dataDir), { force: true });
  fsyncFolder(dataDir);
}
