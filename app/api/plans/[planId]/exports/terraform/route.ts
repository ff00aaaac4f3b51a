import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { buildIacDownload } from "@/lib/mapping/iac/build-iac-download";
import { generateTerraform } from "@/lib/mapping/iac/generate-terraform";
import { readIacInput } from "@/lib/mapping/iac/read-iac-input";

const querySchema = z.object({}).strict();

/** The Terraform configuration of the plan's newest mapping run, as a JSON bundle of its files. */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (req, { plan }) => {
  querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const input = await readIacInput(plan);
  return buildIacDownload("terraform", { runId: input.runId, planName: plan.name, output: generateTerraform(input) });
});
