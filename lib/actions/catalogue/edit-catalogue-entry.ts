"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { catalogueEntrySchema } from "@/lib/catalogue/catalogue-schema";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { editCatalogueEntry } from "@/lib/catalogue/edit-catalogue-entry";

const kind = z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/).max(200);

/** An architect replaces one entry of the organisation's catalogue, with a reason (history and audit). */
export const editCatalogueEntryAction = defineAction({
  permission: "mapping.decide",
  input: z.object({ kind, entry: catalogueEntrySchema, reason: catalogueEditReasonSchema }),
  run: (input, { user }) => editCatalogueEntry(user.organizationId, input, { id: user.id, email: user.email }),
  audit: {
    action: "catalogue.edit",
    target: (input) => ({ type: "catalogue_entry", id: input.kind }),
    details: (input, out) => ({ reason: input.reason, fields: out?.changes.map((c) => c.path).slice(0, 50) ?? null }),
  },
});
