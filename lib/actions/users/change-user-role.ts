"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { ROLES } from "@/lib/auth/permissions";
import { changeUserRole } from "@/lib/users/update-user-access";

/** An admin gives a person another role (one active admin always remains). */
export const changeUserRoleAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) }),
  run: (input, { user }) => changeUserRole(user.organizationId, input.userId, input.role),
  audit: {
    action: "user.change_role",
    target: (input) => ({ type: "user", id: input.userId }),
    details: (input, out) => ({ from: out?.from ?? null, to: input.role }),
  },
});
