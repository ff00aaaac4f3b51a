import { z } from "zod";

/** Why an architect changed the catalogue: required, 1-500 characters, kept in the history. */
export const catalogueEditReasonSchema = z.string().trim().min(1, "a reason is required").max(500, "at most 500 characters");
