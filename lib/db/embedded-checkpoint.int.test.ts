import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostEmbeddedDatabase, type EmbeddedHandle } from "@/lib/db/embedded-host";
import type { EmbeddedTurn } from "@/lib/db/embedded-server";

/**
 * Single-user Postgres has no checkpointer: the embedded host checkpoints itself, between
 * clients' turns, once enough WAL has been written (without it the WAL grew by 1.8 GiB per scan of
 * 100,000 things and was never recycled until a restart).
 */
const THRESHOLD = 4 * 1024 * 1024;
let dataDir: string;
let handle: EmbeddedHandle;
let client: pg.Client;
const turns: EmbeddedTurn[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-checkpoint-"));
  handle = await hostEmbeddedDatabase(dataDir, {
    migrate: false,
    server: { checkpointWalBytes: THRESHOLD, checkpointCheckMs: 100, onTurn: (t) => turns.push(t) },
  });
  client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  await client.query("CREATE TABLE filler (id int, v text)");
});
afterAll(async () => {
  await client?.end();
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** WAL written since the last checkpoint began, and where that checkpoint began. */
async function walState(c: pg.Client) {
  const r = await c.query<{ since: string; redo: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::bigint::text AS since, redo_lsn::text AS redo FROM pg_control_checkpoint()`,
  );
  return { since: Number(r.rows[0]!.since), redo: r.rows[0]!.redo };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the embedded host's checkpoints", () => {
  it("checkpoints once the WAL written since the last checkpoint passes the threshold", async () => {
    const before = await walState(client);
    const start = (await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;
    // About 40 MB of WAL, ten times the threshold.
    await client.query(`INSERT INTO filler SELECT i, repeat(md5(i::text), 32) FROM generate_series(1, 30000) AS i`);
    const written = await client.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::bigint::text AS bytes", [start]);
    expect(Number(written.rows[0]!.bytes)).toBeGreaterThan(2 * THRESHOLD);
    const after = await until(() => walState(client), (s) => s.since < THRESHOLD);
    expect(after.redo).not.toBe(before.redo);
    expect(after.since).toBeLessThan(THRESHOLD);
  });

  it("never checkpoints inside a client's transaction: it waits for the client's turn to end", async () => {
    const other = new pg.Client({ connectionString: handle.url });
    await other.connect();
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO filler SELECT i, repeat(md5(i::text), 32) FROM generate_series(1, 20000) AS i`);
      const held = await walState(client);
      expect(held.since).toBeGreaterThan(THRESHOLD);
      // Many checks come and go while the transaction holds the backend.
      await new Promise((r) => setTimeout(r, 1000));
      expect((await walState(client)).redo).toBe(held.redo);
      await client.query("COMMIT");
      const after = await until(() => walState(other), (s) => s.redo !== held.redo);
      expect(after.redo).not.toBe(held.redo);
      expect(Number((await other.query("SELECT count(*) AS n FROM filler")).rows[0].n)).toBe(50_000);
    } finally {
      await other.end();
    }
  });

  it("tells its owner what each turn ran and how long PGlite spent on it", async () => {
    turns.length = 0;
    await client.query("BEGIN");
    await client.query("SELECT count(*) FROM filler WHERE id = $1", [7]);
    await client.query("COMMIT");
    await until(async () => turns.length, (n) => n > 0);
    const turn = turns.find((t) => t.statements.some((s) => s.includes("FROM filler WHERE id")));
    expect(turn).toBeDefined();
    expect(turn!.statements).toEqual(["BEGIN", "SELECT count(*) FROM filler WHERE id = $1", "COMMIT"]);
    expect(turn!.busyMs).toBeGreaterThan(0);
  });
});
