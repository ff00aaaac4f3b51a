import "server-only";
import { db, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { clearSignInFailures } from "@/lib/auth/account-sign-in-limit";
import type { Role } from "@/lib/auth/permissions";

/**
 * Changes to who can do what. Every change keeps at least one active admin, so an installation
 * can never lock itself out, and ends the sessions of a user who is disabled or given a new
 * password.
 */

async function findUser(organizationId: string, userId: string) {
  const user = await db().user.findFirst({ where: { id: userId, organizationId } });
  if (!user) throw new AppError("NOT_FOUND", "userNotFound");
  return user;
}

async function assertAnotherActiveAdmin(organizationId: string, userId: string) {
  const others = await db().user.count({ where: { organizationId, role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "userLastAdmin");
}

export async function changeUserRole(organizationId: string, userId: string, role: Role): Promise<{ from: string; to: Role }> {
  const user = await findUser(organizationId, userId);
  if (user.role === "admin" && role !== "admin") await assertAnotherActiveAdmin(organizationId, userId);
  await db().user.update({ where: { id: userId }, data: { role } });
  return { from: user.role, to: role };
}

export async function setUserDisabled(organizationId: string, userId: string, disabled: boolean, actorId: string): Promise<void> {
  const user = await findUser(organizationId, userId);
  if (disabled && userId === actorId) throw new AppError("CONFLICT", "userCannotDisableSelf");
  if (disabled && user.role === "admin") await assertAnotherActiveAdmin(organizationId, userId);
  await transaction(async () => {
    await db().user.update({ where: { id: userId }, data: { disabled } });
    if (disabled) await db().session.deleteMany({ where: { userId } });
  });
}

export async function resetUserPassword(organizationId: string, userId: string, password: string): Promise<void> {
  const user = await findUser(organizationId, userId);
  const hash = await hashPassword(password);
  const updated = await db().account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "userNoPasswordSignIn");
  await db().session.deleteMany({ where: { userId } });
  // A new password from an admin also lifts a lock from failed sign-ins.
  await clearSignInFailures(user.email);
}
