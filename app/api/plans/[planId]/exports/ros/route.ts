import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { buildIacDownload } from "@/lib/mapping/iac/build-iac-download";
import { generateRosTemplate } from "@/lib/mapping/iac/generate-ros-template";
import { readIacInput } from "@/lib/mapping/iac/read-iac-input";

const querySchema = z.object({}).strict();

/** The ROS templates of the plan's newest mapping run (parent and nested-stack parts), as a JSON bundle. */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (req, { plan }) => {
  querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const input = await readIacInput(plan);
  const { files, warnings } = generateRosTemplate(input);
  return buildIacDownload("ros", { runId: input.runId, planName: plan.name, output: { files, warnings } });
});
