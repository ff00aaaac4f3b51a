import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, db, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

/**
 * Several starts of an empty installation at once (web processes, `npm start`): the check for
 * users and the creation are one transaction, so exactly one admin comes of it, and no start fails.
 * On the embedded database an advisory lock would not serialise them: its clients share one session.
 */
let scratch: ScratchDatabase;
beforeAll(async () => {
  delete process.env.SILKROUTE_ADMIN_PASSWORD;
  delete process.env.SILKROUTE_ADMIN_EMAIL;
  resetEnvForTests();
  scratch = await createScratchDatabase("first-admin-race");
  await prepareDatabase({ url: scratch.url });
});
afterAll(async () => {
  await closeDatabase();
  await scratch.drop();
});

describe("the first admin, raced for", () => {
  it("is created exactly once when several starts ask at the same time", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const results = await Promise.all(Array.from({ length: 4 }, () => ensureFirstAdmin()));
    log.mockRestore();
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => !r.created)).toEqual([{ created: false }, { created: false }, { created: false }]);
    expect(await db().user.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "user.create_first_admin" } })).toBe(1);
  });
});
