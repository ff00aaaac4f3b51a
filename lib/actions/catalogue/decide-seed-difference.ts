"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { SEED_DECISIONS, decideSeedDifference } from "@/lib/catalogue/decide-seed-difference";

/** An architect takes a newer seed's version of an edited entry, or keeps the edit, with a reason. */
export const decideSeedDifferenceAction = defineAction({
  permission: "mapping.decide",
  input: z.object({ differenceId: z.uuid(), decision: z.enum(SEED_DECISIONS), reason: catalogueEditReasonSchema }),
  run: (input, { user }) => decideSeedDifference(user.organizationId, input, { id: user.id, email: user.email }),
  audit: {
    action: "catalogue.seed_decision",
    target: (input, out) => ({ type: "catalogue_entry", id: out?.kind ?? input.differenceId }),
    details: (input, out) => ({ differenceId: input.differenceId, decision: input.decision, toVersion: out?.toVersion ?? null, reason: input.reason }),
  },
});
