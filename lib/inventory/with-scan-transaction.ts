import "server-only";
import type pg from "pg";
import { inTransaction, pool, sqlQuery } from "@/lib/db";


/**
 * Runs `fn` between BEGIN and COMMIT on one pooled connection; any error rolls it back and is
 * rethrown. Everything `fn` does must go through the client it is given: on the embedded
 * database a transaction holds the one backend, so a query on another connection would wait for
 * it forever. Called inside `transaction()` (a server action: its change and its audit entry
 * commit together), it joins that transaction: the client then sends through `sqlQuery()`, and
 * reports as `rowCount` the number of rows the statement returned.
 */
export async function withScanTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (inTransaction()) {
    const joined = {
      query: async (text: string, values?: unknown[]) => {
        const { rows } = await sqlQuery(text, values ?? []);
        return { rows, rowCount: rows.length };
      },
    };
    return fn(joined as unknown as pg.PoolClient);
  }
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
