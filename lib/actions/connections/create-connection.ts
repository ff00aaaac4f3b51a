"use server";
import { defineAction } from "@/lib/auth/define-action";
import { awsConnectionInputSchema } from "@/lib/connections/connection-input";
import { createConnection } from "@/lib/connections/save-connection";

/** An admin adds an AWS connection to the organisation. */
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
