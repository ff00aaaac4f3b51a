import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { AppError } from "@/lib/errors";
import { listNodeProposals } from "@/lib/mapping/service-map/list-node-proposals";
import { nodeIdSchema, nodeProposalQuerySchema } from "@/lib/mapping/service-map/node-proposal-query";

const paramsSchema = z.object({ planId: z.string(), nodeId: nodeIdSchema });

/** One page of the proposals drawn in one node of the plan's newest service map: ?status&q&after */
export const GET = withPlan<{ planId: string; nodeId: string }>("servicemap.read", async (req, { plan, params }) => {
  const { nodeId } = paramsSchema.parse(params);
  const query = nodeProposalQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listNodeProposals(plan, nodeId, query);
  if (!page) throw new AppError("NOT_FOUND", "mappingRunNotFound");
  return Response.json(page);
});
