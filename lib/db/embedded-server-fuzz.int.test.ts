import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, pool, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { GET } from "@/app/api/health/route";
import { hostEmbeddedDatabase, type EmbeddedHandle } from "@/lib/db/embedded-host";
import { readEmbeddedDetails } from "@/lib/db/embedded-details";
import { DEFAULT_MAX_MESSAGE_BYTES } from "@/lib/db/embedded-server";
import { WireTestClient, firstErrorCode, typedMessage } from "@/lib/testing/wire-test-client";

/**
 * A small fuzzer against the embedded database's proxy: malformed, truncated, oversized and random
 * frames, a thousand connections dropped at every stage, and a client that goes idle inside a
 * transaction. Throughout, Silkroute's own health route (a real web request, through the app's
 * pool) keeps answering 200.
 */

const IDLE_MS = 1000;
let dataDir: string;
let host: EmbeddedHandle;
let port: number;
let password: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-fuzz-"));
  host = await hostEmbeddedDatabase(dataDir, { migrate: false, server: { idleInTransactionMs: IDLE_MS, authTimeoutMs: 3000 } });
  const details = readEmbeddedDetails(dataDir);
  if (details?.state !== "ready") throw new Error("no details");
  port = details.port;
  password = details.password;
  process.env.SILKROUTE_DATA_DIR = dataDir;
  resetEnvForTests();
  await prepareDatabase({ url: host.url, migrate: false });
  await pool().query("CREATE TABLE fuzz (id int)");
});
afterAll(async () => {
  await closeDatabase();
  await host?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
  };
}

const int32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v, 0);
  return b;
};

/** Calls the health route every 100 ms until stopped; every status it answered. */
function watchHealth() {
  let stopping = false;
  const statuses: number[] = [];
  const loop = (async () => {
    while (!stopping) {
      statuses.push((await GET()).status);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      await loop;
      statuses.push((await GET()).status); // and after
      return statuses;
    },
  };
}

async function expectHealthyThroughout(work: () => Promise<void>): Promise<void> {
  const health = watchHealth();
  try {
    await work();
  } finally {
    const statuses = await health.stop();
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }
}

/** Waits until only the app's own pool is connected and nobody holds or waits for the backend. */
async function expectNothingLeaked(): Promise<void> {
  const deadline = Date.now() + 60_000;
  let stats = host.stats()!;
  while (Date.now() < deadline) {
    stats = host.stats()!;
    if (stats.connections === pool().totalCount && stats.waiting === 0 && !stats.held) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect({ connections: stats.connections, waiting: stats.waiting, held: stats.held }).toEqual({ connections: pool().totalCount, waiting: 0, held: false });
  expect(stats.authenticated).toBe(pool().totalCount);
}

async function authenticated(): Promise<WireTestClient> {
  const client = await WireTestClient.connect(port);
  await client.authenticate(password);
  return client;
}

async function inBatches<T>(count: number, size: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => one(start + k)))));
  }
  return out;
}

describe("the embedded database's proxy under a fuzzer", () => {
  it("closes a connection whose startup frame declares length 0, -1, under 8 or over the maximum with 08P01, at once", async () => {
    await expectHealthyThroughout(async () => {
      for (const frame of [int32(0), int32(-1), int32(3), int32(7), int32(10_001), int32(0x7fffffff), Buffer.alloc(8), Buffer.concat([int32(-1), int32(-1)])]) {
        const client = await WireTestClient.connect(port);
        client.write(frame);
        const { closed, messages } = await client.untilClosed(10_000);
        expect(closed, frame.toString("hex")).toBe(true);
        expect(firstErrorCode(messages), frame.toString("hex")).toBe("08P01");
      }
    });
    await expectNothingLeaked();
  });

  it("closes an authenticated connection whose message declares length 0, -1, under 4, over the maximum or an unknown type", async () => {
    await expectHealthyThroughout(async () => {
      const frames = [
        Buffer.concat([Buffer.from("Q"), int32(0)]),
        Buffer.concat([Buffer.from("Q"), int32(-1)]),
        Buffer.concat([Buffer.from("P"), int32(3)]),
        // Only the header of an oversized message: refused before a byte of its body is buffered.
        Buffer.concat([Buffer.from("Q"), int32(DEFAULT_MAX_MESSAGE_BYTES + 1)]),
        Buffer.concat([Buffer.from("B"), int32(0x7fffffff)]),
        // An unknown type, which would hang PGlite itself.
        typedMessage("Z", Buffer.from("x")),
        typedMessage("p", Buffer.from("late password\0")),
      ];
      for (const frame of frames) {
        const client = await authenticated();
        client.write(frame);
        const { closed, messages } = await client.untilClosed(10_000);
        expect(closed, frame.subarray(0, 5).toString("hex")).toBe(true);
        expect(firstErrorCode(messages), frame.subarray(0, 5).toString("hex")).toBe("08P01");
      }
      // A large message within the maximum still goes through, trickled in small pieces.
      const big = await authenticated();
      const sql = Buffer.from(`SELECT length('${"x".repeat(3 * 1024 * 1024)}') AS n\0`);
      const message = typedMessage("Q", sql);
      for (let at = 0; at < message.length; at += 4000) big.write(message.subarray(at, at + 4000));
      const answer = await big.untilReady(60_000);
      expect(answer.find((m) => m.type === "D")?.body.toString("latin1")).toContain(String(3 * 1024 * 1024));
      big.destroy();
    });
    await expectNothingLeaked();
  });

  it("survives random bytes and random frames, before and after authentication", async () => {
    const rnd = random(20260801);
    await expectHealthyThroughout(async () => {
      await inBatches(300, 25, async (i) => {
        const client = i % 2 === 0 ? await WireTestClient.connect(port) : await authenticated();
        let frame: Buffer;
        const shape = rnd.int(3);
        if (i % 2 === 0) {
          // Before authentication: pure noise, a plausible length with a random code, or a startup with random parameters.
          const body = rnd.bytes(rnd.int(300));
          frame =
            shape === 0
              ? rnd.bytes(1 + rnd.int(4096))
              : shape === 1
                ? Buffer.concat([int32(body.length + 8), rnd.bytes(4), body])
                : Buffer.concat([int32(body.length + 8), int32(3 << 16), body]);
        } else {
          // After: noise, or frames of a valid length with a random type (FunctionCall left out:
          // a random one could call a real function) and a random body.
          const type = shape === 0 ? "" : shape === 1 ? [..."QPBEDCHSdcf"][rnd.int(11)]! : String.fromCharCode(rnd.int(256));
          frame = type === "" || type === "F" || type === "X" ? rnd.bytes(1 + rnd.int(2048)) : typedMessage(type, rnd.bytes(rnd.int(200)));
        }
        client.write(frame);
        await client.untilClosed(rnd.int(2) === 0 ? 300 : 20);
        client.destroy();
      });
      // The database still answers, outside any transaction.
      const check = await authenticated();
      const answer = await check.query("SELECT 41 + 1 AS n");
      expect(answer.find((m) => m.type === "D")?.body.toString("latin1")).toContain("42");
      expect(answer.at(-1)!.body.toString("latin1")).toBe("I");
      check.destroy();
    });
    await expectNothingLeaked();
  });

  it("rolls back a client that stops mid-message inside its transaction, and ends a cycle left open", async () => {
    await expectHealthyThroughout(async () => {
      const truncated = await authenticated();
      await truncated.query("BEGIN");
      await truncated.query("INSERT INTO fuzz VALUES (-1)");
      const message = typedMessage("Q", Buffer.from("INSERT INTO fuzz VALUES (-2)\0"));
      truncated.write(message.subarray(0, 9)); // and never the rest
      await new Promise((r) => setTimeout(r, 100));
      truncated.destroy();

      // Parse and Bind without their Sync, then gone: the backend is not left waiting for it.
      const midCycle = await authenticated();
      const parse = typedMessage("P", Buffer.concat([Buffer.from("\0INSERT INTO fuzz VALUES (-3)\0"), Buffer.from([0, 0])]));
      const bind = typedMessage("B", Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]));
      midCycle.write(Buffer.concat([parse, bind]));
      await new Promise((r) => setTimeout(r, 200));
      midCycle.destroy();
    });
    await expectNothingLeaked();
    expect(Number((await pool().query("SELECT count(*) AS n FROM fuzz WHERE id < 0")).rows[0].n)).toBe(0);
  });

  it("opens and drops 1,000 connections at every stage (mid-startup, mid-SCRAM, mid-message, mid-transaction) and leaks nothing", async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;
    await expectHealthyThroughout(async () => {
      await inBatches(1000, 50, async (i) => {
        const client = await WireTestClient.connect(port);
        switch (i % 5) {
          case 0:
            break; // dropped at once
          case 1: {
            // The first bytes of a startup frame, and never the rest.
            client.write(Buffer.concat([int32(44), int32(3 << 16)]).subarray(0, 1 + (i % 7)));
            break;
          }
          case 2:
            client.sendStartup();
            await client.next(); // the SCRAM offer; the exchange never happens
            break;
          case 3:
            await client.authenticate(password);
            client.write(typedMessage("Q", Buffer.from("SELECT 1\0")).subarray(0, 7)); // mid-message
            break;
          case 4:
            await client.authenticate(password);
            await client.query("BEGIN");
            await client.query(`INSERT INTO fuzz VALUES (${-1000 - i})`); // then gone, mid-transaction
            break;
        }
        client.destroy();
      });
    });
    await expectNothingLeaked();
    expect(Number((await pool().query("SELECT count(*) AS n FROM fuzz WHERE id < 0")).rows[0].n)).toBe(0);
    // The sockets are gone from this process too (the pool's own may have come and gone: it holds at most 4, two ends each).
    const after = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;
    expect(after).toBeLessThanOrEqual(before + 8);
  });

  it("rolls back and disconnects a client idle in its transaction (25P03), and the waiting clients carry on", async () => {
    const refusedBefore = host.stats()!.refused.idleInTransaction;
    const idle = new pg.Client({ connectionString: host.url });
    const errors: Array<{ code?: string }> = [];
    idle.on("error", (err) => errors.push(err as { code?: string }));
    await idle.connect();
    await idle.query("BEGIN");
    await idle.query("INSERT INTO fuzz VALUES (-99)");
    const started = Date.now();
    await expectHealthyThroughout(async () => {
      // Waits behind the idle transaction, then gets its turn without it.
      const waiting = await pool().query("SELECT count(*) AS n FROM fuzz WHERE id = -99");
      expect(Number(waiting.rows[0].n)).toBe(0);
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 50);
    const deadline = Date.now() + 30_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(errors[0]?.code).toBe("25P03");
    expect(await idle.query("SELECT 1").catch((e) => e)).toBeInstanceOf(Error);
    await idle.end().catch(() => undefined);
    expect(host.stats()!.refused.idleInTransaction).toBe(refusedBefore + 1);
    await expectNothingLeaked();
  });
});
