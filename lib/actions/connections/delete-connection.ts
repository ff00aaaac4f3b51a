"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { deleteConnection } from "@/lib/connections/save-connection";

/** An admin removes an AWS connection (scans keep what they read). */
export const deleteConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId: z.string().min(1).max(64) }),
  run: (input, { user }) => deleteConnection(user.organizationId, input.connectionId),
  audit: { action: "connection.delete", target: (input) => ({ type: "connection", id: input.connectionId }) },
});
