"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { testConnection } from "@/lib/connections/test-connection";

/** An admin checks that a connection reaches AWS and can read what a scan reads. */
export const testConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId: z.string().min(1).max(64) }),
  run: (input, { user }) => testConnection(user.organizationId, input.connectionId),
  // It waits on AWS for up to a minute: no transaction is held meanwhile; the audit entry follows.
  transaction: false,
  audit: {
    action: "connection.test",
    target: (input) => ({ type: "connection", id: input.connectionId }),
    details: (_i, out) => ({ ok: out?.ok ?? null, accountId: out?.accountId ?? null, error: out?.error?.code ?? null }),
  },
});
