"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { awsConnectionInputSchema } from "@/lib/connections/connection-input";
import { createConnection, deleteConnection, updateConnection } from "@/lib/connections/save-connection";
import { testConnection } from "@/lib/connections/test-connection";

const connectionId = z.string().min(1).max(64);

export const createConnectionAction = defineAction({
  permission: "connection.manage",
  input: awsConnectionInputSchema,
  run: (input, { user }) => createConnection(user.organizationId, input, user.id),
  audit: {
    action: "connection.create",
    target: (_i, out) => ({ type: "connection", id: out?.id ?? null }),
    // Never the secret: only which kind of credential and where.
    details: (input) => ({ name: input.name, authMode: input.authMode, roleArn: input.roleArn, regions: input.regions, endpointUrl: input.endpointUrl }),
  },
});

export const updateConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId, connection: awsConnectionInputSchema }),
  run: (input, { user }) => updateConnection(user.organizationId, input.connectionId, input.connection),
  audit: {
    action: "connection.update",
    target: (input) => ({ type: "connection", id: input.connectionId }),
    details: (input) => ({ name: input.connection.name, authMode: input.connection.authMode, regions: input.connection.regions, secretChanged: Boolean(input.connection.secretAccessKey) }),
  },
});

export const deleteConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId }),
  run: (input, { user }) => deleteConnection(user.organizationId, input.connectionId),
  audit: { action: "connection.delete", target: (input) => ({ type: "connection", id: input.connectionId }) },
});

export const testConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId }),
  run: (input, { user }) => testConnection(user.organizationId, input.connectionId),
  audit: {
    action: "connection.test",
    target: (input) => ({ type: "connection", id: input.connectionId }),
    details: (_i, out) => ({ ok: out?.ok ?? null, accountId: out?.accountId ?? null, error: out?.error?.code ?? null }),
  },
});
