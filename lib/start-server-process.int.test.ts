import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { hostEmbeddedDatabase } from "@/lib/db/embedded-host";
import { defaultMigrationsDir, readMigrations } from "@/lib/db/migrate";

/**
 * `npm run start:web` and `npm run worker` started together on a fresh data folder, as real
 * processes (bin/run.mjs): one of them hosts the embedded database, migrates it before letting
 * anyone in, the other waits and connects; exactly one first admin; both work.
 */

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Proc {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout JSON line that matches. */
  waitFor(match: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function start(entry: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ["bin/run.mjs", entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  const listeners: Array<() => void> = [];
  child.stdout!.on("data", (d) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  return {
    child,
    output: () => out + err,
    exited,
    waitFor: (match, what) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = lines().find(match);
          if (found) resolve(found);
        };
        listeners.push(check);
        check();
        void exited.then((code) => reject(new Error(`${entry} exited ${code} before ${what}:\n${(out + err).slice(-3000)}`)));
      }),
  };
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

describe("web and worker started together on a fresh data folder", () => {
  it("one hosts and migrates, the other waits and connects; exactly one admin; both work (several times)", async () => {
    const migrations = readMigrations(defaultMigrationsDir()).map((m) => m.name);
    for (let round = 0; round < 4; round++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-fresh-start-"));
      dirs.push(dataDir);
      const env = {
        ...process.env,
        SILKROUTE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        SILKROUTE_SECRET: "fresh-start-test-secret-0123456789-abcdefgh",
        SILKROUTE_ADMIN_EMAIL: "",
        SILKROUTE_ADMIN_PASSWORD: "",
        NEXT_RUNTIME: "nodejs",
        LOG_LEVEL: "debug",
      } as NodeJS.ProcessEnv;
      // The last round starts two web processes with the worker: the first admin is raced for.
      const processes = [
        start("lib/testing/fixtures/web-process.ts", env),
        start("lib/jobs/worker-main.ts", env),
        ...(round === 3 ? [start("lib/testing/fixtures/web-process.ts", env)] : []),
      ];
      const webs = processes.filter((_, i) => i !== 1);
      const worker = processes[1]!;
      const label = `round ${round}`;

      const ready = await Promise.all(webs.map((w) => w.waitFor((l) => l.fixture === "web", "serving")));
      await worker.waitFor((l) => l.msg === "worker ready", "being ready");
      for (const web of ready) {
        expect(await getJson(`http://127.0.0.1:${web.port}/api/health`), label).toMatchObject({ status: 200, body: { status: "ok", db: "ok" } });
        // The job each web process queued is taken and run by the worker.
        await worker.waitFor((l) => l.msg === "job finished" && l.jobId === web.jobId, `running job ${web.jobId}`);
      }

      const all = processes.map((p) => p.output()).join("\n");
      // The database files were opened once, by one process.
      expect(all.split('"msg":"embedded database opened"').length - 1, label).toBe(1);
      expect(all.split("Silkroute created the first admin").length - 1, label).toBe(1);

      for (const p of processes) p.child.kill("SIGTERM");
      const codes = await Promise.all(processes.map((p) => p.exited));
      expect(codes, `${label}\n${processes.map((p) => p.output().slice(-1500)).join("\n---\n")}`).toEqual(processes.map(() => 0));

      const handle = await hostEmbeddedDatabase(dataDir, { migrate: false });
      const client = new pg.Client({ connectionString: handle.url });
      await client.connect();
      try {
        const users = await client.query<{ role: string }>("SELECT role FROM users");
        expect(users.rows, label).toEqual([{ role: "admin" }]);
        const audit = await client.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.create_first_admin'");
        expect(audit.rows[0].n, label).toBe(1);
        const applied = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name, started_at`);
        expect(applied.rows.map((r) => r.migration_name), label).toEqual(migrations);
      } finally {
        await client.end();
        await handle.close();
      }
    }
  }, 1_200_000);
});
