import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const newUserSchema = z.object({
  email: z.email().max(320).transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

export type NewUser = z.infer<typeof newUserSchema>;

/**
 * Creates a user who signs in with email and password (better-auth's "credential" account), in a
 * transaction of its own or, given `tx`, in the caller's.
 */
export async function createUser(
  input: NewUser & { organizationId: string; mustChangePassword?: boolean },
  tx?: Prisma.TransactionClient,
): Promise<{ id: string; email: string; role: Role }> {
  const id = crypto.randomUUID();
  const password = await hashPassword(input.password);
  const client = tx ?? db();
  // Prisma's queries run when awaited: in the caller's transaction one after the other, else as one batch.
  const user = client.user.create({
    data: {
      id,
      organizationId: input.organizationId,
      email: input.email,
      name: input.name,
      role: input.role,
      emailVerified: true,
      mustChangePassword: input.mustChangePassword ?? false,
    },
  });
  const account = client.account.create({
    data: { id: crypto.randomUUID(), userId: id, accountId: id, providerId: "credential", password },
  });
  try {
    if (tx) {
      await user;
      await account;
    } else {
      await db().$transaction([user, account]);
    }
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "userEmailTaken");
    }
    throw err;
  }
  return { id, email: input.email, role: input.role };
}
