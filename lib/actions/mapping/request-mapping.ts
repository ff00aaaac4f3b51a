"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { requestMapping } from "@/lib/mapping/runs/request-mapping";

/** An architect asks for the plan's newest scan (or the one named) to be mapped again. */
export const requestMappingAction = definePlanAction({
  permission: "mapping.decide",
  input: z.object({ planId: z.string().min(1).max(64), scanId: z.string().min(1).max(64).optional() }).strict(),
  plan: (input) => ({ planId: input.planId }),
  run: (input, { plan }) => requestMapping(plan, input.scanId ?? null),
  audit: {
    action: "mapping.request",
    target: (input, out) => ({ type: "scan", id: out?.scanId ?? input.scanId ?? null }),
    details: (_input, out) => ({ queued: out?.queued ?? null }),
  },
});
