import { z } from "zod";

/**
 * An AWS::IoT::ProvisioningTemplate (lib/aws/collectors/iot-provisioning-templates.ts): the list
 * entry merged with DescribeProvisioningTemplate: the template body (JSON text), the provisioning
 * role and the pre-provisioning hook.
 */
export const iotProvisioningTemplateRawSchema = z.looseObject({
  provisioningTemplate: z.looseObject({
    templateName: z.string(),
    templateArn: z.string().nullish(),
    description: z.string().nullish(),
    type: z.string().nullish(),
    enabled: z.boolean().nullish(),
    templateBody: z.string().nullish(),
    defaultVersionId: z.number().nullish(),
    provisioningRoleArn: z.string().nullish(),
    preProvisioningHook: z.looseObject({ targetArn: z.string().nullish(), payloadVersion: z.string().nullish() }).nullish(),
    creationDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
  }),
});

export type IotProvisioningTemplateRaw = z.infer<typeof iotProvisioningTemplateRawSchema>;
