import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { pool } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * The Prisma schema (prisma/schema/*.prisma) and the SQL migrations (prisma/migrations) are
 * written side by side (docs/decisions/0001-database-migrations.md). This test applies the
 * migrations (in the global setup) and checks every model, field, type, nullability, unique
 * constraint and index of the schema against the database, naming what differs.
 */
useTestDatabase();

interface SnapshotField { name: string; kind: string; type: string; dbName?: string | null; isRequired: boolean; isList: boolean }
interface SnapshotModel { name: string; dbName?: string | null; fields: SnapshotField[] }
interface SnapshotIndex { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: Array<{ name: string; sortOrder?: "asc" | "desc" }> }
// Written by `prisma generate` (scripts/prisma-schema-snapshot.mjs) from prisma/schema.
const snapshot = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/generated/schema-snapshot.json"), "utf8")) as {
  models: SnapshotModel[];
  indexes: SnapshotIndex[];
};

const SCALAR_TYPES: Record<string, string[]> = {
  String: ["text"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone"],
  Json: ["jsonb"],
};

describe("schema and migrations agree", () => {
  it("has every model's table, columns, types and nullability", async () => {
    const { rows } = await pool().query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const problems: string[] = [];
    for (const model of snapshot.models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const column = field.dbName ?? field.name;
        const actual = columns.get(`${table}.${column}`);
        if (!actual) {
          problems.push(`${table}.${column} (${model.name}.${field.name}) is missing`);
          continue;
        }
        if (field.kind === "enum") {
          if (actual.udt_name !== field.type) problems.push(`${table}.${column} should be enum ${field.type}, is ${actual.udt_name}`);
        } else if (field.isList) {
          if (actual.data_type !== "ARRAY") problems.push(`${table}.${column} should be an array`);
        } else if (!(SCALAR_TYPES[field.type] ?? []).includes(actual.data_type)) {
          problems.push(`${table}.${column} should be ${field.type}, is ${actual.data_type}`);
        }
        const nullable = actual.is_nullable === "YES";
        if (!field.isList && nullable !== !field.isRequired) problems.push(`${table}.${column} nullability differs`);
      }
      const modelColumns = new Set(model.fields.filter((f) => f.kind !== "object").map((f) => f.dbName ?? f.name));
      for (const r of rows.filter((r) => r.table_name === table)) {
        if (!modelColumns.has(r.column_name)) problems.push(`${table}.${r.column_name} is in the database but not in the schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every unique constraint and index", async () => {
    const { rows } = await pool().query<{ tablename: string; indexdef: string }>(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`);
    const defs = rows.map((r) => ({ table: r.tablename, def: r.indexdef.replace(/"/g, "") }));
    const problems: string[] = [];
    expect(snapshot.indexes.length).toBeGreaterThan(10);
    for (const index of snapshot.indexes.filter((i) => i.type === "unique" || i.type === "normal")) {
      const model = snapshot.models.find((m) => m.name === index.model)!;
      const table = model.dbName ?? model.name;
      const cols = index.fields.map((f) => {
        const name = model.fields.find((mf) => mf.name === f.name)?.dbName ?? f.name;
        return f.sortOrder === "desc" ? `${name} DESC` : name;
      });
      const unique = index.type === "unique";
      const found = defs.some((d) => d.table === table && d.def.startsWith("CREATE UNIQUE INDEX") === unique && d.def.includes(`(${cols.join(", ")})`));
      if (!found) problems.push(`${index.type} index (${cols.join(", ")}) on ${table} is missing`);
    }
    expect(problems).toEqual([]);
  });
});
