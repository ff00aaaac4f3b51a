import crypto from "node:crypto";
import { describe, expect, it } from "vitest";

// A small limit for these tests; set before the configuration is first read.
process.env.SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES = "3";
process.env.SILKROUTE_SIGNIN_ACCOUNT_WINDOW_SECONDS = "600";
process.env.SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS = "600";

import { db, pool } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword, setUserDisabled } from "@/lib/users/update-user-access";

useTestDatabase();

const PASSWORD = "the-right-password-1";
let addressCounter = 0;
/** Every attempt from another address, so the per-address limit never decides. */
const nextAddress = () => `198.51.100.${(addressCounter++ % 250) + 1}`;

async function signIn(email: string, password: string, address = nextAddress()) {
  const response = await auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, "user-agent": "vitest" },
      body: JSON.stringify({ email, password }),
    }),
  );
  const body = (await response.json().catch(() => ({}))) as { code?: string; retryAfter?: number };
  return { status: response.status, code: body.code ?? null, retryAfter: body.retryAfter ?? null, retryHeader: response.headers.get("retry-after") };
}

async function organisation() {
  const id = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id, name: "Lock org" } });
  return id;
}

async function person(organizationId: string) {
  return createUser({ organizationId, email: `${crypto.randomUUID()}@lock.test`, name: "Person", role: "viewer", password: PASSWORD });
}

describe("the per-account limit on failed sign-ins", () => {
  it("locks an account after 3 failures from 3 different addresses, even for the right password, and says for how long", async () => {
    const user = await person(await organisation());
    for (let i = 0; i < 3; i++) expect((await signIn(user.email, `wrong-${i}`)).status).toBe(401);
    const refused = await signIn(user.email, PASSWORD);
    expect(refused).toMatchObject({ status: 429, code: "ACCOUNT_LOCKED" });
    expect(refused.retryAfter).toBeGreaterThan(590);
    expect(refused.retryAfter).toBeLessThanOrEqual(600);
    expect(refused.retryHeader).toBe(String(refused.retryAfter));
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const denied = await db().auditEvent.findMany({ where: { action: "auth.sign_in", actorEmail: user.email, outcome: "denied" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]!.details).toMatchObject({ reason: "ACCOUNT_LOCKED" });
    expect(denied[0]!.ipAddress).toMatch(/^198\.51\.100\./);
  });

  it("an unknown email and a disabled account answer exactly like an existing one", async () => {
    const org = await organisation();
    const existing = await person(org);
    const disabled = await person(org);
    await setUserDisabled(org, disabled.id, true, "someone-else");
    const unknown = `${crypto.randomUUID()}@lock.test`;
    const sequence = async (email: string) => {
      const out: Array<[number, string | null]> = [];
      for (let i = 0; i < 5; i++) {
        const r = await signIn(email, `wrong-${i}`);
        out.push([r.status, r.code]);
      }
      return out;
    };
    const expected = [
      [401, "INVALID_EMAIL_OR_PASSWORD"],
      [401, "INVALID_EMAIL_OR_PASSWORD"],
      [401, "INVALID_EMAIL_OR_PASSWORD"],
      [429, "ACCOUNT_LOCKED"],
      [429, "ACCOUNT_LOCKED"],
    ];
    expect(await sequence(existing.email)).toEqual(expected);
    expect(await sequence(unknown)).toEqual(expected);
    expect(await sequence(disabled.email)).toEqual(expected);
  });

  it("says an account is disabled only to someone who knows its password", async () => {
    const org = await organisation();
    const user = await person(org);
    await setUserDisabled(org, user.id, true, "someone-else");
    expect(await signIn(user.email, "not-the-password")).toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ status: 403, code: "ACCOUNT_DISABLED" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a successful sign-in forgets the failures before it", async () => {
    const user = await person(await organisation());
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await signIn(user.email, "wrong")).status).toBe(401);
      expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    }
  });

  it("counts parallel guesses exactly: no more than 3 passwords are checked", async () => {
    const user = await person(await organisation());
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(user.email, `parallel-${i}`)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(3);
    expect(results.filter((r) => r.code === "ACCOUNT_LOCKED")).toHaveLength(7);
  });

  it("the lock ends when its time is up, and an admin's new password lifts it at once", async () => {
    const org = await organisation();
    const user = await person(org);
    for (let i = 0; i < 3; i++) await signIn(user.email, "wrong");
    expect((await signIn(user.email, PASSWORD)).code).toBe("ACCOUNT_LOCKED");
    // Ten minutes later (moved in the table rather than waited for).
    await pool().query(`UPDATE sign_in_account_limits SET locked_until = now() - interval '1 second' WHERE email = $1`, [user.email]);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++) await signIn(user.email, "wrong");
    expect((await signIn(user.email, PASSWORD)).code).toBe("ACCOUNT_LOCKED");
    await resetUserPassword(org, user.id, "a-new-password-from-the-admin");
    expect((await signIn(user.email, "a-new-password-from-the-admin")).status).toBe(200);
  });

  it("treats an email in any letter case as one account", async () => {
    const user = await person(await organisation());
    await signIn(user.email.toUpperCase(), "wrong");
    await signIn(user.email, "wrong");
    await signIn(`${user.email[0]!.toUpperCase()}${user.email.slice(1)}`, "wrong");
    expect((await signIn(user.email, PASSWORD)).code).toBe("ACCOUNT_LOCKED");
  });

  it("a password change, whose new session better-auth creates in its own transaction, passes the disabled-account check", async () => {
    const user = await person(await organisation());
    const { headers } = await auth().api.signInEmail({ body: { email: user.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    // On the embedded database a check that read through another connection would wait for that
    // transaction until it timed out, and the change would fail.
    const changed = await auth().api.changePassword({
      body: { currentPassword: PASSWORD, newPassword: "a-password-of-my-own-7", revokeOtherSessions: true },
      headers: new Headers({ cookie }),
    });
    expect(changed.token).toBeTruthy();
    expect((await signIn(user.email, "a-password-of-my-own-7")).status).toBe(200);
  });
});
