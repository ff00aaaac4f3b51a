import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedDatabaseInUseError, attachOrHostEmbeddedDatabase, hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { DETAILS_FILE, readEmbeddedDetails, writeEmbeddedDetails } from "@/lib/db/embedded-details";
import { LOCK_FILE, lockDataFolder } from "@/lib/db/lock-data-folder";

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
function startWriter(dataDir: string, count: number, openTransaction = false, wrap: string[] = []): Promise<{ child: ChildProcess; pid: number }> {
  const args = ["bin/run.mjs", "lib/testing/fixtures/embedded-writer.ts", dataDir, String(count), openTransaction ? "open-transaction" : "commit-only"];
  const [command, ...rest] = [...wrap, process.execPath, ...args];
  const child = spawn(command!, rest, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const match = /committed \d+ (\d+)/.exec(out);
      if (match) resolve({ child, pid: Number(match[1]) });
    });
    child.stderr!.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`writer exited ${code}: ${out}`)));
  });
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/** Waits until no process holds the folder's lock (a killed process's descriptors close a moment after it exits). */
async function waitUntilUnlocked(dataDir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const lock = await lockDataFolder(dataDir);
    if (lock) return lock.release();
    if (Date.now() > deadline) throw new Error("the lock was never released");
    await new Promise((r) => setTimeout(r, 50));
  }
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

interface Starter {
  child: ChildProcess;
  /** The fixture's verdict: in (owner or not), or refused with a message. */
  result: Promise<{ event: "in" | "refused"; pid: number; owner?: boolean; token?: string; message?: string }>;
  /** Every "embedded database opened" log line the process wrote. */
  opened(): number;
  stop(): Promise<number | null>;
}

function startStarter(dataDir: string, mode: "host" | "attach-or-host"): Starter {
  const child = spawn(process.execPath, ["bin/run.mjs", "lib/testing/fixtures/embedded-starter.ts", dataDir, mode], {
    env: { ...process.env, LOG_LEVEL: "debug" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const result = new Promise<Awaited<Starter["result"]>>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      for (const line of out.split("\n")) {
        if (!line.startsWith("{")) continue;
        const parsed = JSON.parse(line);
        if (parsed.fixture) resolve(parsed);
      }
    });
    child.once("exit", (code) => reject(new Error(`starter exited ${code} before saying anything: ${out}${err}`)));
  });
  result.catch(() => undefined);
  return {
    child,
    result,
    opened: () => out.split("\n").filter((l) => l.includes('"msg":"embedded database opened"')).length,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.stdin!.end();
      }),
  };
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const pidNamespaces = isRoot && spawnSync("unshare", ["--pid", "--fork", "--kill-child", "true"]).status === 0;

describe("embedded database: one host per data folder", () => {
  it("refuses a second host on the same folder with a clear message, while clients connect", async () => {
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

  it("keeps the folder 0700 and its details 0600, never deletes the lock file, and removes its details on an orderly close", async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const handle = await hostEmbeddedDatabase(dir, { migrate: false });
    // A second host in this very process is refused too: the lock belongs to an open file, not to a pid.
    expect(await hostEmbeddedDatabase(dir, { migrate: false }).catch((e) => e)).toBeInstanceOf(EmbeddedDatabaseInUseError);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, DETAILS_FILE)).mode & 0o777).toBe(0o600);
    const details = readEmbeddedDetails(dir);
    expect(details).toMatchObject({ state: "ready", token: handle.token, pid: process.pid, host: "127.0.0.1" });
    await handle.close();
    expect(fs.existsSync(path.join(dir, DETAILS_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("loses nothing committed when its process is killed with SIGKILL, and the next start hosts at once", async () => {
    const dir = tempDir();
    const writer = await startWriter(dir, 500, true);
    await killHard(writer.child);
    await waitUntilUnlocked(dir);
    expect(readEmbeddedDetails(dir)?.pid).toBe(writer.pid); // its details are still there...
    const handle = await hostEmbeddedDatabase(dir, { migrate: false }); // ...and do not stand in the way
    try {
      expect(await count(handle.url, "SELECT count(*) AS n FROM survivors WHERE id >= 0")).toBe(500);
      expect(await count(handle.url, "SELECT count(*) AS n FROM survivors WHERE id < 0")).toBe(0);
      expect(readEmbeddedDetails(dir)?.pid).toBe(process.pid);
    } finally {
      await handle.close();
    }
  });

  it("restarts when the details left behind name its own pid (a container's PID 1 after kill -9)", async () => {
    const dir = tempDir();
    const writer = await startWriter(dir, 5);
    await killHard(writer.child);
    await waitUntilUnlocked(dir);
    const left = readEmbeddedDetails(dir)!;
    expect(left.state).toBe("ready");
    // What a container restarted on the same volume finds: details of "itself".
    writeEmbeddedDetails(dir, { ...left, pid: process.pid });
    const handle = await hostEmbeddedDatabase(dir, { migrate: false });
    try {
      expect(handle.token).not.toBe(left.token);
      expect(await count(handle.url, "SELECT count(*) AS n FROM survivors")).toBe(5);
    } finally {
      await handle.close();
    }
  });

  it.runIf(pidNamespaces)("as PID 1 of a fresh PID namespace: killed with SIGKILL, started again as PID 1, it hosts", async () => {
    const dir = tempDir();
    const wrap = ["unshare", "--pid", "--fork", "--kill-child"];
    const first = await startWriter(dir, 40, true, wrap);
    expect(first.pid).toBe(1);
    await killHard(first.child); // unshare dies with SIGKILL; --kill-child takes PID 1 with it
    await waitUntilUnlocked(dir);
    expect(readEmbeddedDetails(dir)?.pid).toBe(1);
    const second = await startWriter(dir, 60, false, wrap);
    expect(second.pid).toBe(1);
    const attached = await attachOrHostEmbeddedDatabase(dir, { migrate: false });
    expect(attached.owner).toBe(false);
    expect(await count(attached.url, "SELECT count(*) AS n FROM survivors WHERE id >= 0")).toBe(60);
    expect(await count(attached.url, "SELECT count(*) AS n FROM survivors WHERE id < 0")).toBe(0);
    await killHard(second.child);
  });
  if (!pidNamespaces) {
    console.log(
      `skipped: the PID 1 restart test needs ${isRoot ? "`unshare --pid --fork`, which does not work here" : "root (it runs the host as PID 1 in a new PID namespace)"}`,
    );
  }

  it("re-reads details that do not authenticate (an earlier instance's) until the host's own are there", async () => {
    const dir = tempDir();
    const host = await hostEmbeddedDatabase(dir, { migrate: false });
    try {
      const real = readEmbeddedDetails(dir)!;
      if (real.state !== "ready") throw new Error("not ready");
      // An earlier instance's details on the same port: right address, wrong password.
      writeEmbeddedDetails(dir, { ...real, token: "an-earlier-instance", password: "the-earlier-instances-password" });
      const attaching = attachOrHostEmbeddedDatabase(dir, { migrate: false });
      const deadline = Date.now() + 60_000;
      while (host.stats()!.refused.authentication === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(host.stats()!.refused.authentication).toBeGreaterThan(0);
      writeEmbeddedDetails(dir, real);
      const attached = await attaching;
      expect(attached).toMatchObject({ owner: false, token: host.token });
      expect(await count(attached.url, "SELECT 1 AS n")).toBe(1);
    } finally {
      await host.close();
    }
  });

  it("says clearly why not when the host never lets it in", async () => {
    const dir = tempDir();
    const host = await hostEmbeddedDatabase(dir, { migrate: false });
    try {
      const real = readEmbeddedDetails(dir)!;
      writeEmbeddedDetails(dir, { ...real, password: "not-the-password" } as typeof real);
      const error = await attachOrHostEmbeddedDatabase(dir, { waitMs: 1500 }).catch((e) => e);
      expect(error.message).toContain(`open in process ${process.pid}`);
      expect(error.message).toMatch(/password authentication failed/);
      expect(error.message).toContain("DATABASE_URL");
    } finally {
      await host.close();
    }
  });

  it("two starts at once, 20 times: exactly one hosts and opens the files, the other connects (or, as a second host, says why not)", async () => {
    const dir = tempDir();
    let rowsInDir = 0;
    let roundsInDir = 0;
    const owners = new Set<string>();
    for (let round = 0; round < 20; round++) {
      // Every fifth round on a fresh folder; the others on the last round's, some of them left
      // by a SIGKILL (its details still there); every fourth round two `npm start`s at once.
      const roundDir = round % 5 === 0 ? tempDir() : dir;
      const mode = round % 4 === 3 ? "host" : "attach-or-host";
      const pair = [startStarter(roundDir, mode), startStarter(roundDir, mode)];
      const results = await Promise.all(pair.map((s) => s.result));
      const label = `round ${round} (${mode}): ${JSON.stringify(results)}`;
      expect(pair.reduce((n, s) => n + s.opened(), 0), label).toBe(1);
      const hosts = results.filter((r) => r.event === "in" && r.owner);
      expect(hosts, label).toHaveLength(1);
      owners.add(hosts[0]!.token!);
      const other = results.find((r) => r !== hosts[0])!;
      if (mode === "attach-or-host") {
        expect(other, label).toMatchObject({ event: "in", owner: false, token: hosts[0]!.token });
      } else {
        expect(other.event, label).toBe("refused");
        expect(other.message, label).toContain(`is already open in process ${hosts[0]!.pid}`);
      }
      const rows = mode === "host" ? 1 : 2;
      if (roundDir === dir) {
        rowsInDir += rows;
        roundsInDir++;
      }
      const owner = pair[results.indexOf(hosts[0]!)]!;
      const guest = pair.find((s) => s !== owner)!;
      await guest.stop();
      if (round % 3 === 1) await killHard(owner.child);
      else expect(await owner.stop()).toBe(0);
      await waitUntilUnlocked(roundDir);
      if (roundDir !== dir) {
        const handle = await hostEmbeddedDatabase(roundDir, { migrate: false });
        expect(await count(handle.url, "SELECT count(*) AS n FROM starts")).toBe(rows);
        await handle.close();
      }
    }
    expect(owners.size).toBe(20);
    const handle = await hostEmbeddedDatabase(dir, { migrate: false });
    try {
      // Every start recorded once, with one hosting instance per round.
      expect(await count(handle.url, "SELECT count(*) AS n FROM starts")).toBe(rowsInDir);
      expect(await count(handle.url, "SELECT count(DISTINCT token) AS n FROM starts WHERE owner")).toBe(roundsInDir);
    } finally {
      await handle.close();
    }
  }, 900_000);
});
