"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { mappingChoicesInputSchema, setMappingChoices } from "@/lib/mapping/set-mapping-choices";

const input = mappingChoicesInputSchema.extend({ planId: z.string().min(1).max(64) });

/** An architect sets the plan's IoT target, per-kind targets and target regions, with a reason. */
export const setMappingChoicesAction = definePlanAction({
  permission: "mapping.decide",
  input,
  plan: (i) => ({ planId: i.planId }),
  run: ({ planId: _planId, ...choices }, { plan }) => setMappingChoices(plan, choices),
  audit: {
    action: "mapping.choices",
    target: (i) => ({ type: "plan", id: i.planId }),
    details: (i, out) => ({
      iotTarget: i.iotTarget,
      kindTargets: i.kindTargets,
      targetRegionBySource: i.targetRegionBySource,
      acceptBreaks: i.acceptBreaks,
      reason: i.reason,
      changed: out?.changed ?? null,
      breaks: out?.regionChanges.flatMap((r) => r.findings.filter((f) => f.severity === "break").map((f) => `${r.sourceRegion}: ${f.code}`)) ?? [],
    }),
  },
});
