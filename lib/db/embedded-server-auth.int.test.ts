import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostEmbeddedDatabase, embeddedUrl, type EmbeddedHandle } from "@/lib/db/embedded-host";
import { DETAILS_FILE, readEmbeddedDetails } from "@/lib/db/embedded-details";
import { WireTestClient, firstErrorCode, errorFields, saslInitialResponse, typedMessage } from "@/lib/testing/wire-test-client";

/**
 * The embedded database's door: every client proves the password of this instance with
 * SCRAM-SHA-256 before PGlite sees a byte of what it sends.
 */

let dataDir: string;
let host: EmbeddedHandle;
let port: number;
let password: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-auth-"));
  host = await hostEmbeddedDatabase(dataDir, { migrate: false, server: { authTimeoutMs: 5000, maxConnections: 20 } });
  const details = readEmbeddedDetails(dataDir);
  if (details?.state !== "ready") throw new Error("the host published no details");
  port = details.port;
  password = details.password;
  const setup = new pg.Client({ connectionString: host.url });
  await setup.connect();
  await setup.query("CREATE TABLE secrets (v text); INSERT INTO secrets VALUES ('the users table, say')");
  await setup.end();
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const url = (user: string, pw: string | null) => `postgres://${encodeURIComponent(user)}${pw === null ? "" : `:${encodeURIComponent(pw)}`}@127.0.0.1:${port}/postgres?sslmode=disable`;

async function tryConnect(connectionString: string): Promise<{ ok: true; rows: unknown[] } | { ok: false; code?: string; message: string }> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 20_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query("SELECT v FROM secrets");
    return { ok: true, rows };
  } catch (err) {
    return { ok: false, code: (err as { code?: string }).code, message: (err as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const psqlPath = [
  "/usr/bin/psql",
  ...(fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/psql`) : []),
].find((p) => fs.existsSync(p));
if (!psqlPath) console.log("skipped the psql parts: no psql on this machine");

/** Runs a command without blocking this process, which serves the database the command talks to. */
function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

function psql(args: { user: string; password?: string; asUser?: string }) {
  const command = [psqlPath!, "-X", "-w", "-h", "127.0.0.1", "-p", String(port), "-U", args.user, "-d", "postgres", "-Atc", "SELECT v FROM secrets"];
  const env = { PATH: process.env.PATH, HOME: "/tmp", ...(args.password !== undefined ? { PGPASSWORD: args.password } : {}) } as unknown as NodeJS.ProcessEnv;
  return args.asUser ? run("runuser", ["-u", args.asUser, "--", ...command], env) : run(command[0]!, command.slice(1), env);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

describe("the embedded database authenticates every client", () => {
  it("lets in a client with the password from the details file, through pg unchanged", async () => {
    expect(host.url).toBe(embeddedUrl({ host: "127.0.0.1", port, password }));
    expect(await tryConnect(host.url)).toEqual({ ok: true, rows: [{ v: "the users table, say" }] });
  });

  it("refuses a client with no password", async () => {
    const result = await tryConnect(url("postgres", null));
    expect(result.ok).toBe(false);
    if (psqlPath) {
      const attempt = await psql({ user: "postgres" });
      expect(attempt.status).not.toBe(0);
      expect(attempt.stderr).toMatch(/password/);
      expect(attempt.stdout).not.toContain("users table");
    }
    // A client that offers an empty password in place of the SCRAM exchange is refused by the server.
    const raw = await WireTestClient.connect(port);
    raw.sendStartup();
    expect((await raw.next())?.type).toBe("R");
    raw.write(typedMessage("p", Buffer.from("\0")));
    const { closed, messages } = await raw.untilClosed();
    expect(closed).toBe(true);
    expect(firstErrorCode(messages)).toBe("28000");
  });

  it("refuses a wrong password with 28P01", async () => {
    const result = await tryConnect(url("postgres", "postgres"));
    expect(result).toMatchObject({ ok: false, code: "28P01" });
    if (psqlPath) {
      const attempt = await psql({ user: "postgres", password: `${password}x` });
      expect(attempt.status).not.toBe(0);
      expect(attempt.stderr).toMatch(/password authentication failed for user "postgres"/);
      expect(attempt.stdout).not.toContain("users table");
    }
  });

  it("refuses a made-up user with 28000, from pg and from psql, even with the right password", async () => {
    expect(await tryConnect(url("mallory", password))).toMatchObject({ ok: false, code: "28000" });
    if (psqlPath) {
      const attempt = await psql({ user: "mallory", password: "anything" });
      expect(attempt.status).not.toBe(0);
      expect(attempt.stderr).toMatch(/has no user "mallory"/);
      expect(attempt.stdout).not.toContain("users table");
    }
  });

  it("refuses any other authentication than SCRAM-SHA-256, even with the right password in clear", async () => {
    const cleartext = await WireTestClient.connect(port);
    cleartext.sendStartup();
    await cleartext.next();
    cleartext.write(typedMessage("p", Buffer.from(`${password}\0`)));
    const refused = await cleartext.untilClosed();
    expect(firstErrorCode(refused.messages)).toBe("28000");
    expect(errorFields(refused.messages.find((m) => m.type === "E")!).M).toMatch(/only SCRAM-SHA-256/);

    const plus = await WireTestClient.connect(port);
    plus.sendStartup();
    await plus.next();
    plus.write(saslInitialResponse("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,n=*,r=abcdef"));
    expect(firstErrorCode((await plus.untilClosed()).messages)).toBe("28000");
  });

  it("runs nothing a client sends before it has authenticated", async () => {
    const raw = await WireTestClient.connect(port);
    raw.sendStartup();
    expect((await raw.next())?.type).toBe("R");
    // Skip the exchange and go straight to SQL, as a client of the old, open door could.
    raw.write(typedMessage("Q", Buffer.from("CREATE TABLE pwned (x int)\0")));
    const { closed, messages } = await raw.untilClosed();
    expect(closed).toBe(true);
    expect(firstErrorCode(messages)).toBe("08P01");
    const check = new pg.Client({ connectionString: host.url });
    await check.connect();
    expect((await check.query("SELECT to_regclass('pwned') AS t")).rows[0].t).toBeNull();
    await check.end();
  });

  it.runIf(isRoot)("refuses another OS user, who can read neither the details nor the folder", async () => {
    const details = path.join(dataDir, DETAILS_FILE);
    expect(fs.statSync(details).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const cat = await run("runuser", ["-u", "nobody", "--", "cat", details]);
    expect(cat.status).not.toBe(0);
    expect(cat.stderr).toMatch(/Permission denied/);
    expect(cat.stdout).not.toContain(password);
    const ls = await run("runuser", ["-u", "nobody", "--", "ls", dataDir]);
    expect(ls.status).not.toBe(0);
    if (psqlPath) {
      // Without the password, guessing is all that is left: refused.
      for (const guess of [undefined, "postgres", ""]) {
        const attempt = await psql({ user: "postgres", password: guess, asUser: "nobody" });
        expect(attempt.status, attempt.stderr).not.toBe(0);
        expect(attempt.stdout).not.toContain("users table");
        // Refused by the server's authentication (psql ran and reached it), not by anything else.
        expect(attempt.stderr).toMatch(guess ? /password authentication failed for user "postgres"/ : /password/);
      }
    }
  });
  if (!isRoot) console.log("skipped: the other-OS-user test needs root, to run a client as user nobody");

  it("never lets in the password of an earlier instance of the same folder", async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-auth-restart-"));
    try {
      const first = await hostEmbeddedDatabase(other, { migrate: false });
      const firstPort = new URL(first.url).port;
      await first.close();
      const second = await hostEmbeddedDatabase(other, { migrate: false, port: Number(firstPort) });
      try {
        expect(new URL(second.url).port).toBe(firstPort);
        const stale = await tryConnect(first.url);
        expect(stale).toMatchObject({ ok: false, code: "28P01" });
        const client = new pg.Client({ connectionString: second.url });
        await client.connect();
        await client.end();
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it("closes a connection that does not finish authenticating in time, and caps connections", async () => {
    const silent = await WireTestClient.connect(port);
    const { closed, messages } = await silent.untilClosed(30_000);
    expect(closed).toBe(true);
    expect(firstErrorCode(messages)).toBe("08P01");

    const held = await Promise.all(Array.from({ length: 25 }, () => WireTestClient.connect(port)));
    try {
      // 20 allowed (the host's own pool may hold some already): the rest are told why and closed.
      const answers = await Promise.all(held.map((c) => c.next(1000)));
      const refusals = answers.filter((a) => a?.type === "E");
      expect(refusals.length).toBeGreaterThanOrEqual(5);
      expect(refusals.every((a) => errorFields(a!).C === "53300")).toBe(true);
      expect(answers.filter((a) => a === null)).toHaveLength(25 - refusals.length);
    } finally {
      for (const c of held) c.destroy();
    }
    // Once they are gone, clients get in again.
    const deadline = Date.now() + 30_000;
    while (host.stats()!.connections > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await tryConnect(host.url)).toMatchObject({ ok: true });
  });
});
