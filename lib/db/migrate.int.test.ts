import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, defaultMigrationsDir } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase("mig");
  cleanups.push(db.drop);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("migrate", () => {
  it("applies the project's migrations once; applying them again is harmless", async () => {
    const db = await scratch();
    const first = await migrate(db.url, defaultMigrationsDir());
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(db.url, defaultMigrationsDir());
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const rows = await query<{ migration_name: string; checksum: string }>(db.url, `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const db = await scratch();
    // On the embedded database the advisory lock serialises nothing (one shared session): the
    // decision is taken inside each migration's transaction.
    const results = await Promise.all(Array.from({ length: 3 }, () => migrate(db.url, defaultMigrationsDir())));
    const names = (await query<{ migration_name: string }>(db.url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`)).map((r) => r.migration_name);
    const all = results[0]!.applied.concat(results[0]!.alreadyApplied).sort();
    expect(names).toEqual(all);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(all);
  });

  it("rolls back a failing migration entirely and says which one failed", async () => {
    const db = await scratch();
    const dir = migrationsDir({
      "0001_ok": `CREATE TABLE "mt_one" (id int);`,
      "0002_broken": `CREATE TABLE "mt_two" (id int);\nINSERT INTO "mt_missing" VALUES (1);`,
    });
    const error = await migrate(db.url, dir).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain("0002_broken");
    expect(error.message).toContain("rolled back");
    const tables = await query<{ table_name: string }>(db.url, `SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'mt_%' ORDER BY 1`);
    expect(tables.map((t) => t.table_name)).toEqual(["mt_one"]);
    const recorded = await query<{ migration_name: string }>(db.url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["0001_ok"]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const db = await scratch();
    await migrate(db.url, migrationsDir({ "0001_a": `CREATE TABLE "mt_a" (id int);` }));
    const error = await migrate(db.url, migrationsDir({ "0001_a": `CREATE TABLE "mt_a" (id bigint);` })).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toMatch(/0001_a was changed after it was applied/);
  });

  it("refuses a database written by a newer version", async () => {
    const db = await scratch();
    await migrate(db.url, migrationsDir({ "0001_a": `SELECT 1;`, "0002_b": `SELECT 1;` }));
    const error = await migrate(db.url, migrationsDir({ "0001_a": `SELECT 1;` })).catch((e) => e);
    expect(error.message).toMatch(/does not know \(0002_b\)/);
  });

  it("says clearly when the database cannot be reached", async () => {
    const error = await migrate("postgres://postgres@127.0.0.1:1/none", defaultMigrationsDir()).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toMatch(/Cannot reach the database/);
  });
});
