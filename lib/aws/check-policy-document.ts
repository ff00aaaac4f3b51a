/**
 * Checks that a policy document (an AWS IoT policy, an IAM trust policy) is JSON with the policy
 * grammar the mapping stage relies on: a Statement (one or a list) whose entries have an Effect of
 * Allow or Deny and an Action or NotAction. A document that fails is kept as received and reported
 * as MalformedPolicy; it is never "repaired".
 */
import { z } from "zod";
import { describeZodIssues } from "@/lib/aws/describe-zod-issues";

const stringOrList = z.union([z.string(), z.array(z.string())]);

const statementSchema = z
  .looseObject({
    Effect: z.enum(["Allow", "Deny"]),
    Action: stringOrList.optional(),
    NotAction: stringOrList.optional(),
    Resource: stringOrList.optional(),
    NotResource: stringOrList.optional(),
  })
  .refine((s) => s.Action !== undefined || s.NotAction !== undefined, { message: "needs an Action or NotAction" });

const documentSchema = z.looseObject({
  Version: z.string().optional(),
  Statement: z.union([statementSchema, z.array(statementSchema).min(1)]),
});

export type PolicyCheck = { ok: true; document: z.infer<typeof documentSchema> } | { ok: false; reason: string };

export function checkPolicyDocument(text: string | null | undefined): PolicyCheck {
  if (text === null || text === undefined || text.trim() === "") return { ok: false, reason: "the document is empty" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `it does not follow the policy grammar (${describeZodIssues(parsed.error)})` };
  return { ok: true, document: parsed.data };
}
