import { z } from "zod";
import { awsRegionSchema } from "@/lib/plans/plan-input";

/** What an admin enters for an AWS connection. Secrets are write-only: never sent back. */
export const AUTH_MODES = ["default-chain", "profile", "assume-role", "access-keys"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

export const awsConnectionInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    authMode: z.enum(AUTH_MODES),
    profile: optionalText(128),
    roleArn: optionalText(2048),
    externalId: optionalText(1224),
    accessKeyId: optionalText(128),
    /** Only when entered; an empty value keeps the stored secret. */
    secretAccessKey: optionalText(256),
    endpointUrl: z
      .string()
      .trim()
      .max(2048)
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL"),
    regions: z.array(awsRegionSchema).min(1, "choose at least one region").max(40),
    quotaOverrides: z.record(z.string().regex(/^([a-z0-9-]+:)?[A-Z][A-Za-z0-9]+$/), z.number().positive().max(10_000)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.authMode === "profile" && !v.profile) ctx.addIssue({ code: "custom", path: ["profile"], message: "name the profile" });
    if (v.authMode === "assume-role") {
      if (!v.roleArn || !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(v.roleArn))
        ctx.addIssue({ code: "custom", path: ["roleArn"], message: "enter a role ARN like arn:aws:iam::123456789012:role/SilkrouteReader" });
      if (v.externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(v.externalId))
        ctx.addIssue({ code: "custom", path: ["externalId"], message: "2 to 1,224 letters, digits or +=,.@:/-" });
    }
    if (v.authMode === "access-keys" && (!v.accessKeyId || !/^[A-Z0-9]{16,128}$/.test(v.accessKeyId)))
      ctx.addIssue({ code: "custom", path: ["accessKeyId"], message: "an access key id is 16 or more capital letters and digits" });
  });

export type AwsConnectionInput = z.infer<typeof awsConnectionInputSchema>;
