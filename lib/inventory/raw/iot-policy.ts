import { z } from "zod";

/**
 * An AWS::IoT::Policy (lib/aws/collectors/iot-policies.ts): the list entry merged with GetPolicy
 * (the default version's document), every version with its document, whether the default document
 * reads as a policy (lib/aws/check-policy-document.ts parses it), and how many targets it has
 * (the targets themselves are "attached-to" relations). Documents are the JSON text AWS returned,
 * kept as received even when malformed.
 */
export const iotPolicyRawSchema = z.looseObject({
  policy: z.looseObject({
    policyName: z.string(),
    policyArn: z.string().nullish(),
    policyDocument: z.string().nullish(),
    defaultVersionId: z.string().nullish(),
    creationDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
    generationId: z.string().nullish(),
  }),
  documentValid: z.boolean().optional(),
  versions: z.array(
    z.looseObject({
      versionId: z.string(),
      isDefaultVersion: z.boolean().nullish(),
      createDate: z.string().nullish(),
      policyDocument: z.string().nullish(),
    }),
  ),
  targetCount: z.number().optional(),
});

export type IotPolicyRaw = z.infer<typeof iotPolicyRawSchema>;
