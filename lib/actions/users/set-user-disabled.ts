"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { setUserDisabled } from "@/lib/users/update-user-access";

/** An admin disables (or enables again) a person's account; a disabled account's sessions end. */
export const setUserDisabledAction = defineAction({
  permission: "users.manage",
  input: z.object({ userId: z.string().min(1).max(64), disabled: z.boolean() }),
  run: (input, { user }) => setUserDisabled(user.organizationId, input.userId, input.disabled, user.id),
  audit: {
    action: "user.set_disabled",
    target: (input) => ({ type: "user", id: input.userId }),
    details: (input) => ({ disabled: input.disabled }),
  },
});
