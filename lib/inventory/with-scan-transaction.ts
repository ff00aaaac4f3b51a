import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";

/**
 * Runs `fn` on one pooled connection between BEGIN and COMMIT; any error rolls it back and is
 * rethrown. Everything `fn` does must go through the client it is given: on the embedded
 * database a transaction holds the one backend, so a query on another connection would wait for
 * it forever.
 */
export async function withScanTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
