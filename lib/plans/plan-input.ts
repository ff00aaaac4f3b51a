import { z } from "zod";

/** AWS region names: e.g. eu-central-1, us-gov-west-1, cn-north-1. */
export const awsRegionSchema = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "not an AWS region name");
/** Alibaba Cloud region ids: e.g. cn-shanghai, eu-central-1, ap-southeast-1. */
export const alibabaRegionSchema = z.string().regex(/^[a-z]{2}-[a-z]+(-\d)?$/, "not an Alibaba Cloud region id");

export const planInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).optional().transform((v) => v || null),
  sourceConnectionId: z.string().max(64).optional().transform((v) => v || null),
  sourceRegions: z.array(awsRegionSchema).max(40),
  targetRegions: z.array(alibabaRegionSchema).max(40),
});

export type PlanInput = z.infer<typeof planInputSchema>;
