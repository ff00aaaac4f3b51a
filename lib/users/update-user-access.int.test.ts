import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/users/update-user-access";
import { verifyPassword } from "@/lib/auth/password";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { Role } from "@/lib/auth/permissions";

useTestDatabase();

async function organisation(): Promise<string> {
  const id = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id, name: "Test org" } });
  return id;
}

async function user(organizationId: string, role: Role) {
  return createUser({ organizationId, email: `${crypto.randomUUID()}@example.com`, name: "Test", role, password: "correct horse battery" });
}

describe("user access", () => {
  it("stores an Argon2id hash, never the password", async () => {
    const org = await organisation();
    const u = await user(org, "viewer");
    const account = await db().account.findFirstOrThrow({ where: { userId: u.id } });
    expect(account.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ hash: account.password!, password: "correct horse battery" })).toBe(true);
    expect(await verifyPassword({ hash: account.password!, password: "wrong" })).toBe(false);
  });

  it("refuses a second user with the same email", async () => {
    const org = await organisation();
    const u = await user(org, "viewer");
    await expect(createUser({ organizationId: org, email: u.email, name: "Dup", role: "viewer", password: "another long password" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("always keeps one active admin", async () => {
    const org = await organisation();
    const admin = await user(org, "admin");
    await expect(changeUserRole(org, admin.id, "viewer")).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await user(org, "admin");
    await expect(changeUserRole(org, admin.id, "viewer")).resolves.toEqual({ from: "admin", to: "viewer" });
    await expect(setUserDisabled(org, second.id, true, admin.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserDisabled(org, second.id, true, second.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("ends a user's sessions when they are disabled or given a new password", async () => {
    const org = await organisation();
    const admin = await user(org, "admin");
    const target = await user(org, "engineer");
    const session = () =>
      db().session.create({ data: { id: crypto.randomUUID(), userId: target.id, token: crypto.randomUUID(), expiresAt: new Date(Date.now() + 3600_000) } });
    await session();
    await setUserDisabled(org, target.id, true, admin.id);
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(true);
    await setUserDisabled(org, target.id, false, admin.id);
    await session();
    await resetUserPassword(org, target.id, "a brand new password");
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
  });

  it("does not reach users of another organisation", async () => {
    const org = await organisation();
    const other = await organisation();
    const stranger = await user(other, "viewer");
    await expect(changeUserRole(org, stranger.id, "admin")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
