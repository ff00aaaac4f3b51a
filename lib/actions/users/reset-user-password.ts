"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { resetUserPassword } from "@/lib/users/update-user-access";

/** An admin sets a new password for a person (who must choose their own at next sign-in). */
export const resetUserPasswordAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId: z.string().min(1).max(64), password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH) }),
  run: (input, { user }) => resetUserPassword(user.organizationId, input.userId, input.password),
  audit: { action: "user.reset_password", target: (input) => ({ type: "user", id: input.userId }) },
});
