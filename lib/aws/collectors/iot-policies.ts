import "server-only";
/**
 * IoT policies. Per policy: GetPolicy (the default version's document), ListPolicyVersions and
 * GetPolicyVersion for the other versions (up to four), ListTargetsForPolicy (the certificates,
 * thing groups and Cognito identities it is attached to) and its tags.
 *
 * A document that is not valid policy JSON is kept as received in raw, reported as MalformedPolicy,
 * and the policy is still recorded: the migration needs to show it, not lose it.
 */
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IoTClient,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListTargetsForPolicyCommand,
} from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { cognitoIdentityArn, iotArn } from "@/lib/aws/build-arn";
import { checkPolicyDocument } from "@/lib/aws/check-policy-document";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { streamRelations } from "@/lib/aws/stream-relations";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotPoliciesPlan } from "@/lib/aws/collectors/iot-policies.plan";


const policySchema = z.looseObject({ policyName: z.string().min(1), policyArn: z.string().min(1).optional() });
const getPolicySchema = z.looseObject({ policyDocument: z.string().nullish(), defaultVersionId: z.string().nullish() });
const versionsSchema = z.looseObject({
  policyVersions: z
    .array(z.looseObject({ versionId: z.string().min(1), isDefaultVersion: z.boolean().nullish() }))
    .nullish(),
});
const versionSchema = z.looseObject({ policyDocument: z.string().nullish() });
const targetsPageSchema = z.looseObject({ targets: z.array(z.string().min(1)).nullish(), nextMarker: z.string().nullish() });

export const iotPoliciesCollector: CollectorDefinition = {
  ...iotPoliciesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);

      const readDocuments = async (policyName: string, arn: string) => {
        const [current, listed] = await Promise.all([
          calls.may(iot, new GetPolicyCommand({ policyName }), getPolicySchema, { arn }),
          calls.may(iot, new ListPolicyVersionsCommand({ policyName }), versionsSchema, { arn }),
        ]);
        const versions = await mapConcurrent(listed?.policyVersions ?? [], 4, async (version) => {
          const isDefault = version.isDefaultVersion === true || version.versionId === current?.defaultVersionId;
          const document =
            isDefault && current
              ? current.policyDocument
              : (await calls.may(iot, new GetPolicyVersionCommand({ policyName, policyVersionId: version.versionId }), versionSchema, { arn }))?.policyDocument;
          return { ...version, ...(document !== undefined ? { policyDocument: document } : {}) };
        });
        return { current, versions };
      };

      /** Reads the policy's targets page by page, storing their relations; resolves to how many. */
      const streamTargets = (policyName: string, arn: string) =>
        streamRelations(
          ctx,
          (marker) => calls.may(iot, new ListTargetsForPolicyCommand({ policyName, pageSize: PAGE_SIZE, marker }), targetsPageSchema, { arn }),
          (page) => ({ items: page.targets ?? [], next: page.nextMarker }),
          (target, edges) => {
            if (target.startsWith("arn:")) edges.relate(arn, target, REL.attachedTo, kindOfArn(target) ?? KIND.iotCertificate);
            // Cognito identities are listed by identity id, not ARN.
            else edges.relate(arn, cognitoIdentityArn(ctx, target), REL.attachedTo, KIND.cognitoIdentity);
          },
        );

      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListPoliciesCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "policies",
            next: "nextMarker",
            item: policySchema,
          }),
        async (policies, batch) => {
          const details = await mapConcurrent(policies, CONFIG_CONCURRENCY, async (policy) => {
            const policyName = policy.policyName;
            const arn = policy.policyArn ?? iotArn(ctx, "policy", policyName);
            // ListTargetsForPolicy is the slowest list of an estate (a fleet-wide policy is attached
            // to every certificate, 250 per call at 10 calls/s): it starts at once, beside the
            // document reads, and its relations are stored as they arrive.
            const [targetCount, { current, versions }, tags] = await Promise.all([
              streamTargets(policyName, arn),
              readDocuments(policyName, arn),
              readIotTags(ctx, calls, arn),
            ]);
            return { policy, arn, current, versions, targetCount, tags };
          });
          for (const { policy, arn, current, versions, targetCount, tags } of details) {
            let documentValid: boolean | undefined;
            if (current) {
              const check = checkPolicyDocument(current.policyDocument);
              documentValid = check.ok;
              if (!check.ok) {
                await calls.report({
                  severity: "warning",
                  code: "MalformedPolicy",
                  operation: "GetPolicy",
                  arn,
                  message: `The document of IoT policy "${policy.policyName}" cannot be read as a policy: ${check.reason}. It was kept as received.`,
                });
              }
            }
            batch.add({
              kind: KIND.iotPolicy,
              arn,
              name: policy.policyName,
              tags,
              raw: {
                policy: current ? { ...policy, ...current } : policy,
                ...(documentValid !== undefined ? { documentValid } : {}),
                versions,
                ...(targetCount !== undefined ? { targetCount } : {}),
              },
            });
          }
        },
      );
    }),
};
