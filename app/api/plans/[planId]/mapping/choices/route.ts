import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { checkPlanRegionChange } from "@/lib/mapping/check-plan-region-change";
import { readMappingChoiceOptions } from "@/lib/mapping/read-mapping-choice-options";
import { readPlanMappingChoices } from "@/lib/mapping/read-plan-mapping-choices";

const regionId = z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/).max(40);
const querySchema = z.object({ sourceRegion: regionId.optional(), targetRegion: regionId.optional() });

/**
 * The plan's mapping choices with what can be chosen; with `sourceRegion` and `targetRegion`,
 * instead what moving that source region to that Alibaba region would break (nothing is saved).
 */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (req, { plan }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (query.sourceRegion && query.targetRegion) {
    const [{ catalogue }, choices] = await Promise.all([readOrganizationCatalogue(plan.organizationId), readPlanMappingChoices(plan)]);
    const report = await checkPlanRegionChange(plan, catalogue, choices, query.sourceRegion, query.targetRegion);
    return Response.json({ check: report }, { headers: { "cache-control": "no-store" } });
  }
  return Response.json(await readMappingChoiceOptions(plan), { headers: { "cache-control": "no-store" } });
});
