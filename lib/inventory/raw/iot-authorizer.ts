import { z } from "zod";

/**
 * An AWS::IoT::Authorizer (lib/aws/collectors/iot-authorizers.ts): DescribeAuthorizer's description
 * (or the list entry): the Lambda function, the token key name and the token signing PUBLIC keys.
 */
export const iotAuthorizerRawSchema = z.looseObject({
  authorizer: z.looseObject({
    authorizerName: z.string().nullish(),
    authorizerArn: z.string().nullish(),
    authorizerFunctionArn: z.string().nullish(),
    tokenKeyName: z.string().nullish(),
    tokenSigningPublicKeys: z.record(z.string(), z.string()).nullish(),
    status: z.string().nullish(),
    signingDisabled: z.boolean().nullish(),
    enableCachingForHttp: z.boolean().nullish(),
    creationDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
  }),
});

export type IotAuthorizerRaw = z.infer<typeof iotAuthorizerRawSchema>;
