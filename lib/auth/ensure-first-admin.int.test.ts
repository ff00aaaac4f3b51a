import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, db, prepareDatabase } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { auth } from "@/lib/auth/auth";
import { lookupSession } from "@/lib/auth/session";
import { DEFAULT_ADMIN_EMAIL, ensureFirstAdmin } from "@/lib/auth/ensure-first-admin";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

/** The first start of an installation: an empty database of its own. */
let scratch: ScratchDatabase;
beforeAll(async () => {
  delete process.env.SILKROUTE_ADMIN_PASSWORD;
  delete process.env.SILKROUTE_ADMIN_EMAIL;
  resetEnvForTests();
  scratch = await createScratchDatabase("first-admin");
  await prepareDatabase({ url: scratch.url });
});
afterAll(async () => {
  await closeDatabase();
  await scratch.drop();
});

function sessionCookie(response: Response): Headers {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return new Headers({ cookie: cookies.join("; ") });
}

describe("the first admin", () => {
  it("gets a one-time password, printed once, that must be replaced at first sign-in", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    const first = await ensureFirstAdmin();
    const again = await ensureFirstAdmin();
    log.mockRestore();
    expect(first).toMatchObject({ created: true, email: DEFAULT_ADMIN_EMAIL });
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(again).toEqual({ created: false });
    expect(printed.join("\n").split(first.generatedPassword!).length - 1).toBe(1);
    expect(await db().user.count()).toBe(1);
    expect(await db().user.findUniqueOrThrow({ where: { email: DEFAULT_ADMIN_EMAIL } })).toMatchObject({ role: "admin", mustChangePassword: true });

    const signedIn = await auth().api.signInEmail({ body: { email: DEFAULT_ADMIN_EMAIL, password: first.generatedPassword! }, asResponse: true });
    expect(signedIn.status).toBe(200);
    const headers = sessionCookie(signedIn);
    const session = await lookupSession(headers);
    expect(session.status === "signed-in" && session.user.mustChangePassword).toBe(true);

    const changed = await auth().api.changePassword({
      body: { currentPassword: first.generatedPassword!, newPassword: "the-admins-own-choice-42", revokeOtherSessions: true },
      headers,
      asResponse: true,
    });
    expect(changed.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { email: DEFAULT_ADMIN_EMAIL } })).mustChangePassword).toBe(false);
    const after = await lookupSession(sessionCookie(changed));
    expect(after.status === "signed-in" && after.user.mustChangePassword).toBe(false);
  });
});
