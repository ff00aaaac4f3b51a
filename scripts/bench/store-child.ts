/**
 * Benchmark helper: stores 100,000 generated resources as a worker does (each page in its own
 * transaction, several writers at once), in its own process: on the embedded database the
 * benchmark's process hosts PGlite, as `npm start` does, and the writers are a client of it, as
 * the worker is. Prints the storing time on stdout as JSON.
 *   store-child.ts SCAN_ID PLAN_ID TOTAL WRITERS BATCH
 */
import { closeDatabase, pool, prepareDatabase } from "@/lib/db";
import { sendLogsToStderr } from "@/lib/log";
import { storeBatch } from "@/lib/inventory/store-batch";
import type { ResourceRecord } from "@/lib/aws/collector-types";
import { BENCH_REGION, benchThing } from "./bench-rows";

const [scanId, planId, totalArg, writersArg, batchArg] = process.argv.slice(2);
const total = Number(totalArg);
const writers = Number(writersArg);
const batchSize = Number(batchArg);
if (!scanId || !planId || !(total > 0) || !(writers > 0) || !(batchSize > 0)) {
  console.error("usage: store-child.ts SCAN_ID PLAN_ID TOTAL WRITERS BATCH");
  process.exit(64);
}
sendLogsToStderr();
await prepareDatabase({ migrate: false });
const make = (i: number): ResourceRecord => benchThing(i, BENCH_REGION);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: writers }, async () => {
    for (let i = (next += batchSize) - batchSize; i < total; i = (next += batchSize) - batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, total - i) }, (_, j) => make(i + j));
      const client = await pool().connect();
      try {
        await client.query("BEGIN");
        await storeBatch(client, { scanId, planId }, rows, []);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds })}\n`);
await closeDatabase();
