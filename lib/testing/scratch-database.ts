import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hostEmbeddedDatabase, type HostOptions } from "@/lib/db/embedded-host";

/**
 * A throw-away database for tests: a new database on the Postgres server in DATABASE_URL when
 * one is set (CI), else a new embedded PGlite database in a temporary folder.
 */
export interface ScratchDatabase {
  url: string;
  kind: "postgres" | "pglite";
  dataDir: string | null;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createScratchDatabase(label = "test", options: { server?: HostOptions["server"] } = {}): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `silkroute_${label}_${crypto.randomBytes(4).toString("hex")}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    return {
      url: withDatabase(serverUrl, name),
      kind: "postgres",
      dataDir: null,
      drop: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
        await client.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `silkroute-${label}-`));
  // Tests choose what to migrate (the integration setup applies Silkroute's migrations itself).
  const handle = await hostEmbeddedDatabase(dataDir, { migrate: false, server: options.server });
  return {
    url: handle.url,
    kind: "pglite",
    dataDir,
    drop: async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
