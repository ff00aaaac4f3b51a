"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { createUser, newUserSchema } from "@/lib/users/create-user";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/users/update-user-access";

const userId = z.string().min(1).max(64);

export const createUserAction = defineAction({
  permission: "users.manage",
  input: newUserSchema,
  run: (input, { user }) => createUser({ ...input, organizationId: user.organizationId }),
  audit: {
    action: "user.create",
    target: (_input, out) => ({ type: "user", id: out?.id ?? null }),
    details: (input) => ({ email: input.email, role: input.role }),
  },
});

export const changeUserRoleAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId, role: z.enum(ROLES) }),
  run: (input, { user }) => changeUserRole(user.organizationId, input.userId, input.role),
  audit: {
    action: "user.change_role",
    target: (input) => ({ type: "user", id: input.userId }),
    details: (input, out) => ({ from: out?.from ?? null, to: input.role }),
  },
});

export const setUserDisabledAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId, disabled: z.boolean() }),
  run: (input, { user }) => setUserDisabled(user.organizationId, input.userId, input.disabled, user.id),
  audit: {
    action: "user.set_disabled",
    target: (input) => ({ type: "user", id: input.userId }),
    details: (input) => ({ disabled: input.disabled }),
  },
});

export const resetUserPasswordAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId, password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH) }),
  run: (input, { user }) => resetUserPassword(user.organizationId, input.userId, input.password),
  audit: { action: "user.reset_password", target: (input) => ({ type: "user", id: input.userId }) },
});
