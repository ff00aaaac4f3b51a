/**
 * A quick harness for the mapping step (pure) alone, without scanning through HTTP each time:
 *   node bin/run.mjs scripts/bench/map-scan-harness.ts --things 100000 [--rows FILE] [--rounds N] [--write FILE]
 *
 * The rows are those the typed read contract gives for a scan of the stand-in estate, exactly as
 * `npm run bench` section 4 reads them (readResources per collected kind, readRelations), dumped once
 * to a JSON file (default /tmp/silkroute-map-scan-rows-<things>.json) and reloaded from it on later
 * runs. The stored records are jsonb, so a JSON round trip gives the same values.
 *
 * To make the file: keep a benchmark database (`DATABASE_URL=postgres://… npm run bench -- --things
 * 100000 --keep` prints "Kept the benchmark database: URL"), then run this once with
 * DATABASE_URL=URL (and --scan ID to pick a scan; by default the newest finished scan of the plan
 * named "Benchmark").
 *
 * --db reads the rows from DATABASE_URL every time (as section 4 does, rows parsed page by page) and
 * writes no file.
 *
 * Prints the time of each round (and the process's CPU time, the collector's threads included: the
 * machine may be shared), the best, the counts, and a SHA-256 of the whole result as JSON, so
 * that two versions of the mapping step can be checked to give the same output. --write FILE also
 * writes that JSON.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { mapScan } from "@/lib/mapping/map-scan/map-scan";
import type { ScanRelation, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const THINGS = Number(arg("things", "100000"));
const ROWS = arg("rows", `/tmp/silkroute-map-scan-rows-${THINGS}.json`);
const ROUNDS = Number(arg("rounds", "3"));
const WRITE = arg("write", "");
const FROM_DB = args.includes("--db");

interface Dump {
  scanId: string;
  resources: ScanResource[];
  relations: ScanRelation[];
}

/** Reads the scan's rows through the read contract, as the benchmark's section 4 does. */
async function dumpFromDatabase(): Promise<Dump> {
  if (!process.env.DATABASE_URL) throw new Error(`${ROWS} does not exist: run once with DATABASE_URL set to a kept benchmark database (see the header of this file).`);
  const { prepareDatabase, closeDatabase, pool } = await import("@/lib/db");
  const { loadScopedScan } = await import("@/lib/plans/scoped-plan");
  const { readResources } = await import("@/lib/inventory/read-resources");
  const { readRelations } = await import("@/lib/inventory/read-relations");
  const { COLLECTED_KINDS } = await import("@/lib/inventory/raw/raw-schema-registry");
  await prepareDatabase({ migrate: false });
  try {
    const chosen = arg("scan", "");
    const found = await pool().query<{ id: string; organization_id: string }>(
      `SELECT s.id, p.organization_id FROM scans s JOIN migration_plans p ON p.id = s.plan_id
       WHERE ${chosen ? "s.id = $1" : "p.name = 'Benchmark' AND s.finished_at IS NOT NULL"} ORDER BY s.started_at DESC NULLS LAST LIMIT 1`,
      chosen ? [chosen] : [],
    );
    const row = found.rows[0];
    if (!row) throw new Error(chosen ? `No scan ${chosen}` : "No finished scan of a plan named Benchmark");
    const scan = await loadScopedScan(row.organization_id, row.id);
    const resources: ScanResource[] = [];
    for (const kind of COLLECTED_KINDS) {
      for await (const r of readResources(scan, kind, { pageSize: 5_000 })) resources.push({ kind: r.kind, arn: r.arn, name: r.name, region: r.region, tags: r.tags, raw: r.raw, problem: r.problem });
    }
    const relations: ScanRelation[] = [];
    for await (const r of readRelations(scan, { pageSize: 5_000 })) relations.push({ fromArn: r.fromArn, toArn: r.toArn, type: r.type });
    const dump = { scanId: row.id, resources, relations };
    if (FROM_DB) return dump;
    fs.writeFileSync(ROWS, JSON.stringify(dump));
    console.log(`Dumped scan ${row.id} (${resources.length.toLocaleString("en")} resources, ${relations.length.toLocaleString("en")} relations) to ${ROWS}`);
    return dump;
  } finally {
    await closeDatabase();
  }
}

const dump: Dump = !FROM_DB && fs.existsSync(ROWS) ? (JSON.parse(fs.readFileSync(ROWS, "utf8")) as Dump) : await dumpFromDatabase();
const things = dump.resources.filter((r) => r.kind === "AWS::IoT::Thing").length;
console.log(`Scan ${dump.scanId}: ${dump.resources.length.toLocaleString("en")} resources (${things.toLocaleString("en")} things), ${dump.relations.length.toLocaleString("en")} relations`);
const catalogue = readCurrentCatalogueSeed();

const times: number[] = [];
const cpu: number[] = [];
let result: ReturnType<typeof mapScan> | null = null;
for (let round = 0; round < ROUNDS; round++) {
  result = null;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  result = mapScan({ resources: dump.resources, relations: dump.relations, catalogue });
  times.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpuBefore);
  cpu.push((used.user + used.system) / 1e6);
}
const json = JSON.stringify(result);
const hash = crypto.createHash("sha256").update(json).digest("hex");
if (WRITE) fs.writeFileSync(WRITE, json);
console.log(`  ${result!.proposals.length.toLocaleString("en")} proposals: ${Object.entries(result!.coverage).map(([k, n]) => `${n.toLocaleString("en")} ${k}`).join(", ")}`);
console.log(`  mapping step: ${times.map((t) => `${t.toFixed(2)} s`).join(", ")}; best ${Math.min(...times).toFixed(2)} s (CPU, with the garbage collector's threads: ${cpu.map((t) => `${t.toFixed(2)} s`).join(", ")})`);
console.log(`  output: ${json.length.toLocaleString("en")} characters, sha256 ${hash}`);
