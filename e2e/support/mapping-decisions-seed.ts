import crypto from "node:crypto";
import { db } from "@/lib/db";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { sampleProposals, storeMappingRun } from "@/lib/testing/mapping-decisions-fixture";
import { MAPPING_PLAN_NAME } from "@/e2e/support/mapping-decisions-plan";


/**
 * Stores the journey's plan in the demo organisation, created "later" than any other plan so it is
 * never the one the shell picks by default, with a finished scan and a succeeded mapping run of the
 * sample proposals (3 mapped things, 3 open decisions, 1 without equivalent, 1 blocked).
 */
export async function seedMappingDecisionsPlan(): Promise<{ planId: string; runId: string }> {
  const organizationId = await ensureDefaultOrganization();
  const planId = crypto.randomUUID();
  await db().migrationPlan.create({
    data: { id: planId, organizationId, name: MAPPING_PLAN_NAME, sourceRegions: ["eu-central-1", "us-east-1"], targetRegions: [], createdAt: new Date("2099-01-01T00:00:00Z") },
  });
  const scanId = crypto.randomUUID();
  await db().scan.create({ data: { id: scanId, planId, mode: "summary", regions: ["eu-central-1", "us-east-1"], status: "complete" } });
  const runId = await storeMappingRun(planId, scanId, sampleProposals());
  return { planId, runId };
}
