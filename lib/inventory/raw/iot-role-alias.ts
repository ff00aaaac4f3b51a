import { z } from "zod";

/**
 * An AWS::IoT::RoleAlias (lib/aws/collectors/iot-role-aliases.ts): DescribeRoleAlias's description
 * (the IAM role devices exchange their certificate for, and for how long), or only the alias name
 * when it could not be read.
 */
export const iotRoleAliasRawSchema = z.looseObject({
  roleAlias: z.looseObject({
    roleAlias: z.string().nullish(),
    roleAliasArn: z.string().nullish(),
    roleArn: z.string().nullish(),
    owner: z.string().nullish(),
    credentialDurationSeconds: z.number().nullish(),
    creationDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
  }),
});

export type IotRoleAliasRaw = z.infer<typeof iotRoleAliasRawSchema>;
