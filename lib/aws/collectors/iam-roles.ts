import "server-only";
/**
 * Phase 2, global: the IAM roles that phase 1 found references to (rule actions, role aliases,
 * functions, provisioning templates, logging, trails...). Per role: GetRole (trust policy, tags,
 * last use) and ListAttachedRolePolicies. Only roles of the scanned account are read; a role of
 * another account, or one that no longer exists, stays a dangling reference.
 *
 * The trust policy is stored decoded (IAM returns it URL-encoded); one that is not valid policy
 * JSON is kept as received and reported as MalformedPolicy. Cursor: "offset:<n>" into the sorted
 * list of referenced role ARNs.
 */
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { checkPolicyDocument } from "@/lib/aws/check-policy-document";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { arnResourceName, parseArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkList } from "@/lib/aws/walk-pages";
import { iamRolesPlan } from "@/lib/aws/collectors/iam-roles.plan";

const BATCH_SIZE = 50;

const getRoleSchema = z.looseObject({
  Role: z.looseObject({
    RoleName: z.string().min(1),
    Arn: z.string().min(1),
    AssumeRolePolicyDocument: z.string().nullish(),
    Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish(),
  }),
});
const attachedPageSchema = z.looseObject({
  AttachedPolicies: z.array(z.looseObject({ PolicyName: z.string().nullish(), PolicyArn: z.string().nullish() })).nullish(),
  IsTruncated: z.boolean().nullish(),
  Marker: z.string().nullish(),
});

export const iamRolesCollector: CollectorDefinition = {
  ...iamRolesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iam = ctx.clients.get(IAMClient);
      const referenced = await ctx.referencedArns(KIND.iamRole);
      const roles = [...new Set(referenced)].filter((arn) => {
        const parts = parseArn(arn);
        return parts?.service === "iam" && parts.accountId === ctx.accountId && parts.resource.startsWith("role/");
      });
      roles.sort();
      await walkList(ctx, roles, BATCH_SIZE, async (arns, batch) => {
        const details = await mapConcurrent(arns, CONFIG_CONCURRENCY, async (referencedArn) => {
          const roleName = arnResourceName(referencedArn);
          const got = await calls.may(iam, new GetRoleCommand({ RoleName: roleName }), getRoleSchema, {
            arn: referencedArn,
            absentWhen: ["NoSuchEntity", "NoSuchEntityException"],
          });
          if (!got) return undefined;
          const attached = await drainPages(
            (Marker) => calls.may(iam, new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker }), attachedPageSchema, { arn: got.Role.Arn }),
            (page) => ({ items: page.AttachedPolicies ?? [], next: page.IsTruncated ? page.Marker : undefined }),
          );
          return { role: got.Role, attached };
        });
        for (const detail of details) {
          if (!detail) continue;
          const { role, attached } = detail;
          const trustPolicy = decodePolicy(role.AssumeRolePolicyDocument);
          const check = trustPolicy === undefined ? undefined : checkPolicyDocument(trustPolicy);
          if (check && !check.ok) {
            await calls.report({
              severity: "warning",
              code: "MalformedPolicy",
              operation: "GetRole",
              arn: role.Arn,
              message: `The trust policy of IAM role "${role.RoleName}" cannot be read as a policy: ${check.reason}. It was kept as received.`,
            });
          }
          const { Tags, AssumeRolePolicyDocument: _encoded, ...rest } = role;
          batch.add({
            kind: KIND.iamRole,
            arn: role.Arn,
            name: role.RoleName,
            region: "global",
            tags: tagsToRecord(Tags ?? []),
            raw: {
              role: { ...rest, ...(trustPolicy !== undefined ? { AssumeRolePolicyDocument: trustPolicy } : {}) },
              ...(check ? { trustPolicyValid: check.ok } : {}),
              ...(attached ? { attachedPolicies: attached } : {}),
            },
          });
        }
      });
    }),
};

/** IAM returns policy documents URL-encoded; a document that is not valid encoding is kept as is. */
function decodePolicy(document: string | null | undefined): string | undefined {
  if (document === null || document === undefined) return undefined;
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}
