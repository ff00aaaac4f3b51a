"use server";
import { defineAction } from "@/lib/auth/define-action";
import { createUser, newUserSchema } from "@/lib/users/create-user";

/** An admin adds a person to the organisation with a role and a first password. */
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
