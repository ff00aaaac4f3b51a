"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { awsConnectionInputSchema } from "@/lib/connections/connection-input";
import { updateConnection } from "@/lib/connections/save-connection";

/** An admin changes an AWS connection of the organisation (its secret only when a new one is given). */
export const updateConnectionAction = defineAction({
  permission: "connection.manage",
  input: z.object({ connectionId: z.string().min(1).max(64), connection: awsConnectionInputSchema }),
  run: (input, { user }) => updateConnection(user.organizationId, input.connectionId, input.connection),
  audit: {
    action: "connection.update",
    target: (input) => ({ type: "connection", id: input.connectionId }),
    details: (input) => ({ name: input.connection.name, authMode: input.connection.authMode, regions: input.connection.regions, endpointUrl: input.connection.endpointUrl, secretChanged: Boolean(input.connection.secretAccessKey) }),
  },
});
