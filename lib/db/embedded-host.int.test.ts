import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedDatabaseInUseError, attachOrHostEmbeddedDatabase, hostEmbeddedDatabase, readLock } from "@/lib/db/embedded-host";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-embedded-"));
  dirs.push(dir);
  return dir;
}

/** Starts the writer fixture in another process and waits until it has committed. */
function startWriter(dataDir: string, count: number, openTransaction = false): Promise<ChildProcess> {
  const args = ["bin/run.mjs", "lib/testing/fixtures/embedded-writer.ts", dataDir, String(count), openTransaction ? "open-transaction" : "commit-only"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("committed")) resolve(child);
    });
    child.stderr!.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`writer exited ${code}: ${out}`)));
  });
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe("embedded database", () => {
  it("refuses a second process on the same data folder with a clear message", async () => {
    const dir = tempDir();
    const writer = await startWriter(dir, 3);
    const error = await hostEmbeddedDatabase(dir).catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseInUseError);
    expect(error.message).toContain(`process ${writer.pid}`);
    expect(error.message).toContain("SILKROUTE_DATA_DIR");
    // ...while other processes of the installation connect to the one that has it open.
    const attached = await attachOrHostEmbeddedDatabase(dir);
    expect(attached.owner).toBe(false);
    expect(await count(attached.url, "SELECT count(*) AS n FROM survivors")).toBe(3);
  });

  it("loses nothing committed when its process is killed, and drops what was not committed", async () => {
    const dir = tempDir();
    const writer = await startWriter(dir, 500, true);
    writer.kill("SIGKILL");
    await new Promise((r) => writer.once("exit", r));
    expect(readLock(dir)?.pid).toBe(writer.pid); // the stale lock is still there...
    const handle = await hostEmbeddedDatabase(dir); // ...and is recognised as stale
    try {
      expect(await count(handle.url, "SELECT count(*) AS n FROM survivors WHERE id >= 0")).toBe(500);
      expect(await count(handle.url, "SELECT count(*) AS n FROM survivors WHERE id < 0")).toBe(0);
      expect(readLock(dir)?.pid).toBe(process.pid);
    } finally {
      await handle.close();
    }
    expect(readLock(dir)).toBeNull();
  });
});
