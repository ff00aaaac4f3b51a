import { z } from "zod";

/**
 * An AWS::IAM::Role (lib/aws/collectors/iam-roles.ts): GetRole's role with its trust policy
 * DECODED (IAM returns it URL-encoded; JSON text, kept as received when malformed), whether that
 * policy reads as a policy, and the managed policies attached to it. Its tags are the row's tags.
 */
export const iamRoleRawSchema = z.looseObject({
  role: z.looseObject({
    RoleName: z.string(),
    Arn: z.string(),
    RoleId: z.string().nullish(),
    Path: z.string().nullish(),
    Description: z.string().nullish(),
    CreateDate: z.string().nullish(),
    MaxSessionDuration: z.number().nullish(),
    AssumeRolePolicyDocument: z.string().nullish(),
    PermissionsBoundary: z.looseObject({ PermissionsBoundaryType: z.string().nullish(), PermissionsBoundaryArn: z.string().nullish() }).nullish(),
    RoleLastUsed: z.looseObject({ LastUsedDate: z.string().nullish(), Region: z.string().nullish() }).nullish(),
  }),
  trustPolicyValid: z.boolean().optional(),
  attachedPolicies: z.array(z.looseObject({ PolicyName: z.string().nullish(), PolicyArn: z.string().nullish() })).optional(),
});

export type IamRoleRaw = z.infer<typeof iamRoleRawSchema>;
