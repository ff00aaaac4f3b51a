import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";

/**
 * Connects this test file to the integration database (see integration-global-setup.ts). Tests
 * create their own organisations, users and plans with unique ids, so files do not step on each
 * other.
 */
export function useTestDatabase(): { url: () => string; kind: () => "postgres" | "pglite" } {
  beforeAll(async () => {
    process.env.SILKROUTE_DATA_DIR = inject("dataDir");
    resetEnvForTests();
    await prepareDatabase({ url: inject("databaseUrl"), migrate: false });
  });
  afterAll(async () => {
    await closeDatabase();
  });
  return { url: () => inject("databaseUrl"), kind: () => inject("databaseKind") };
}
