import { z } from "zod";

/** A service-map node's id as build-service-map-graph.ts makes them (`aws.<kind>.<hash>`). */
export const nodeIdSchema = z.string().regex(/^(aws|ali)\.[a-z0-9]{1,60}\.[0-9a-f]{16}$/);

export const NODE_PROPOSALS_PAGE_SIZE = 50;

/** The query string of a node's proposals: ?status&q&after (the last id of the previous page). */
export const nodeProposalQuerySchema = z.object({
  status: z.enum(["mapped", "decision", "none", "blocked"]).optional(),
  q: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  after: z.string().regex(/^\d{1,19}$/).optional(),
});

export type NodeProposalQuery = Partial<z.infer<typeof nodeProposalQuerySchema>>;
