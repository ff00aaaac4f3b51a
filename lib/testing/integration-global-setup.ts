import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { migrate } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "pglite";
    dataDir: string;
  }
}

/**
 * Integration tests run against a real database: a fresh database on the Postgres server in
 * DATABASE_URL (CI), else a fresh embedded PGlite database served from this process.
 */
export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase("it");
  await migrate(scratch.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-it-data-"));
  project.provide("databaseUrl", scratch.url);
  project.provide("databaseKind", scratch.kind);
  project.provide("dataDir", dataDir);
  return async () => {
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
