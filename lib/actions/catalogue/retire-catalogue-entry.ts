"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { setCatalogueEntryRetired } from "@/lib/catalogue/set-catalogue-entry-retired";

/** An architect retires a catalogue entry (the mapping stops using it) or restores it, with a reason. */
export const retireCatalogueEntryAction = defineAction({
  permission: "mapping.decide",
  input: z.object({ kind: z.string().min(1).max(200), retired: z.boolean(), reason: catalogueEditReasonSchema }),
  run: (input, { user }) => setCatalogueEntryRetired(user.organizationId, input, { id: user.id, email: user.email }),
  audit: {
    action: "catalogue.retire",
    target: (input) => ({ type: "catalogue_entry", id: input.kind }),
    details: (input) => ({ retired: input.retired, reason: input.reason }),
  },
});
