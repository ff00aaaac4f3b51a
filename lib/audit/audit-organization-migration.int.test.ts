import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

/**
 * Migration 0010 gives every audit entry an organisation: the entries written before it are
 * attributed by their plan, their actor (id, then a sign-in's e-mail) or, with no actor, the user
 * they are about; the ones that belong to none keep NULL. The log stays append-only.
 */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function migrationsBefore(number: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-before-audit-org-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  for (const name of fs.readdirSync(defaultMigrationsDir())) {
    if (name.slice(0, 4) >= number) continue;
    fs.mkdirSync(path.join(dir, name));
    fs.copyFileSync(path.join(defaultMigrationsDir(), name, "migration.sql"), path.join(dir, name, "migration.sql"));
  }
  return dir;
}

describe("migration 0010 (audit entries per organisation)", () => {
  it("attributes the entries written before it, and keeps the log append-only", async () => {
    const db: ScratchDatabase = await createScratchDatabase("auditorg");
    cleanups.push(db.drop);
    await migrate(db.url, migrationsBefore("0010"));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    cleanups.push(async () => client.end());
    await client.query(`INSERT INTO organizations (id, name) VALUES ('org-a', 'A'), ('org-b', 'B')`);
    await client.query(`INSERT INTO users (id, organization_id, name, email, role, updated_at) VALUES ('u-a', 'org-a', 'A', 'a@a.test', 'admin', now()), ('u-b', 'org-b', 'B', 'b@b.test', 'viewer', now())`);
    await client.query(`INSERT INTO migration_plans (id, organization_id, name, updated_at) VALUES ('p-b', 'org-b', 'Plan B', now())`);
    const rows: Array<[string, string | null, string | null, string | null, string | null, string | null]> = [
      // action, actor_id, actor_email, plan_id, target_type, target_id
      ["by.actor", "u-a", "a@a.test", null, null, null],
      ["by.plan", null, null, "p-b", null, null],
      ["by.email", null, "b@b.test", null, null, null],
      ["by.target", null, null, null, "user", "u-a"],
      ["by.nobody", null, "nobody@x.test", null, null, null],
      ["anonymous", null, null, null, "route", "GET /api/users"],
    ];
    for (const r of rows) {
      await client.query(`INSERT INTO audit_events (action, outcome, actor_id, actor_email, plan_id, target_type, target_id) VALUES ($1, 'success', $2, $3, $4, $5, $6)`, r);
    }
    await migrate(db.url, defaultMigrationsDir());
    const { rows: after } = await client.query<{ action: string; organization_id: string | null }>(`SELECT action, organization_id FROM audit_events ORDER BY id`);
    expect(after.map((r) => [r.action, r.organization_id])).toEqual([
      ["by.actor", "org-a"],
      ["by.plan", "org-b"],
      ["by.email", "org-b"],
      ["by.target", "org-a"],
      ["by.nobody", null],
      ["anonymous", null],
    ]);
    // New entries are attributed on insert the same way; the log still refuses changes.
    await client.query(`INSERT INTO audit_events (action, outcome, actor_id) VALUES ('later', 'success', 'u-b')`);
    expect((await client.query(`SELECT organization_id FROM audit_events WHERE action = 'later'`)).rows[0].organization_id).toBe("org-b");
    await expect(client.query(`UPDATE audit_events SET organization_id = 'org-a' WHERE action = 'later'`)).rejects.toThrow(/append-only/);
  });
});
