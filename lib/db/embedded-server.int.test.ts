import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server";

let db: PGlite;
let server: EmbeddedServer;
let url: string;
const PASSWORD = "test-password-0123456789";

beforeAll(async () => {
  db = await PGlite.create();
  server = await startEmbeddedServer({ db, password: PASSWORD, lockTimeoutMs: 2000 });
  url = `postgres://postgres:${PASSWORD}@127.0.0.1:${server.port}/postgres`;
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("embedded database server", () => {
  it("keeps concurrent clients' statements and transactions apart", async () => {
    const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })];
    try {
      await pools[0]!.query("CREATE TABLE t (id int PRIMARY KEY, v text)");
      let wrong = 0;
      await Promise.all(
        Array.from({ length: 600 }, async (_, i) => {
          const p = pools[i % 2]!;
          if (i % 5 === 0) {
            const c = await p.connect();
            try {
              await c.query("BEGIN");
              await c.query("INSERT INTO t VALUES ($1, $2)", [i, `x${i}`]);
              const r = await c.query("SELECT v FROM t WHERE id = $1", [i]);
              if (r.rows[0]?.v !== `x${i}`) wrong++;
              await c.query(i % 10 === 0 ? "ROLLBACK" : "COMMIT");
            } finally {
              c.release();
            }
          } else {
            const r = await p.query("SELECT $1::int AS a, $2::text AS b", [i, `s${i}`]);
            if (r.rows[0].a !== i || r.rows[0].b !== `s${i}`) wrong++;
          }
        }),
      );
      expect(wrong).toBe(0);
      // 120 transactions, half rolled back.
      expect(Number((await pools[1]!.query("SELECT count(*) AS n FROM t")).rows[0].n)).toBe(60);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("delivers an answer larger than the socket can send at once, intact (PGlite reuses the memory it answers from)", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE big AS SELECT i, repeat(md5(i::text), 16) AS v FROM generate_series(1, 40000) AS i`);
      // About 22 MB in one answer: the socket queues most of it while PGlite goes on writing.
      const rows = (await client.query<{ i: number; v: string }>("SELECT i, v FROM big ORDER BY i")).rows;
      expect(rows).toHaveLength(40_000);
      const wrong = rows.filter((r) => r.v !== crypto.createHash("md5").update(String(r.i)).digest("hex").repeat(16));
      expect(wrong).toHaveLength(0);
    } finally {
      await client.end();
    }
  }, 60_000);

  it("rolls back the open transaction of a client that disconnects, and serves the others", async () => {
    const a = new pg.Client({ connectionString: url });
    a.on("error", () => undefined); // its connection is cut on purpose below
    await a.connect();
    await a.query("CREATE TABLE IF NOT EXISTS d (id int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO d VALUES (1)");
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const b = new pg.Client({ connectionString: url });
    await b.connect();
    expect(Number((await b.query("SELECT count(*) AS n FROM d")).rows[0].n)).toBe(0);
    await b.end();
  });

  it("answers a client that waits too long for its turn with an error, not a hang", async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("BEGIN");
    const other = new pg.Client({ connectionString: url });
    other.on("error", () => undefined);
    const started = Date.now();
    const error = await other.connect().then(() => other.query("SELECT 1")).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).toMatch(/busy/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await holder.query("ROLLBACK");
    await holder.end();
    await other.end().catch(() => undefined);
  });
});
