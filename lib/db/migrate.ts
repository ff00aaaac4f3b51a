import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies the SQL migrations in prisma/migrations/<name>/migration.sql, in name order, each in its
 * own transaction, recording them in Prisma's own `_prisma_migrations` table (same columns and
 * checksums), so a team that later runs `prisma migrate deploy` sees them as applied.
 * Applying twice is harmless, also from several processes at once, on Postgres and on the
 * embedded database alike; a migration that fails is rolled back entirely and stops start-up.
 * See docs/decisions/0001-database-migrations.md.
 */

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  readonly code = "MIGRATION_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

// Prisma's own advisory-lock key for migrations, so Silkroute and `prisma migrate` never run at once.
const ADVISORY_LOCK_KEY = 72707369;

/** prisma/migrations of the Silkroute installation: found from the working folder upwards. */
export function defaultMigrationsDir(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new MigrationError(`No prisma/migrations folder found in ${process.cwd()} or above: run Silkroute from its installation folder.`);
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql.`);
      const sql = fs.readFileSync(file, "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrate(connectionString: string, dir = defaultMigrationsDir()): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (err) {
    throw new MigrationError(`Cannot reach the database to apply migrations: ${(err as Error).message}`, { cause: err });
  }
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(
        `The database has migrations this version of Silkroute does not know (${unknown.join(", ")}): it was created by a newer version. Upgrade Silkroute or use another database.`,
      );
    }
    for (const migration of migrations) {
      const appliedChecksum = done.get(migration.name);
      if (appliedChecksum !== undefined) {
        if (appliedChecksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied to this database. Restore the original file; put new changes in a new migration.`,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      try {
        await client.query("BEGIN");
        // Decide inside the transaction, with the table locked against other migrators, whether
        // another process applied it since the list was read: the advisory lock above serialises
        // nothing on the embedded database (its clients share one session), where the proxy
        // gives this transaction the backend alone instead; on Postgres the table lock holds
        // even for a migrator that takes no advisory lock.
        await client.query(`LOCK TABLE "_prisma_migrations" IN SHARE ROW EXCLUSIVE MODE`);
        const meanwhile = await client.query<{ checksum: string }>(
          `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [migration.name],
        );
        if (meanwhile.rows[0]) {
          await client.query("ROLLBACK");
          if (meanwhile.rows[0].checksum !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.name} was applied meanwhile by another process with different contents: every process of an installation must run the same version of Silkroute.`,
            );
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        result.applied.push(migration.name);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (err instanceof MigrationError) throw err;
        throw new MigrationError(
          `Database migration ${migration.name} failed and was rolled back, so nothing of it was applied: ${(err as Error).message}`,
          { cause: err },
        );
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  return result;
}
