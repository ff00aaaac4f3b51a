import { z } from "zod";

/**
 * An AWS::Lambda::Function (lib/aws/collectors/lambda-functions.ts): its ListFunctions
 * configuration with the environment variables' NAMES only. A stored `Environment.Variables`
 * (values) would break that promise: the schema refuses it, so such a row reaches no later stage.
 */
export const lambdaFunctionRawSchema = z.looseObject({
  function: z.looseObject({
    FunctionName: z.string(),
    FunctionArn: z.string(),
    Runtime: z.string().nullish(),
    Role: z.string().nullish(),
    Handler: z.string().nullish(),
    Description: z.string().nullish(),
    CodeSize: z.number().nullish(),
    Timeout: z.number().nullish(),
    MemorySize: z.number().nullish(),
    LastModified: z.string().nullish(),
    CodeSha256: z.string().nullish(),
    Version: z.string().nullish(),
    State: z.string().nullish(),
    PackageType: z.string().nullish(),
    Architectures: z.array(z.string()).nullish(),
    KMSKeyArn: z.string().nullish(),
    VpcConfig: z
      .looseObject({ VpcId: z.string().nullish(), SubnetIds: z.array(z.string()).nullish(), SecurityGroupIds: z.array(z.string()).nullish() })
      .nullish(),
    Environment: z
      .looseObject({
        VariableNames: z.array(z.string()).nullish(),
        Variables: z.never().optional(),
        Error: z.looseObject({ ErrorCode: z.string().nullish() }).nullish(),
      })
      .nullish(),
    DeadLetterConfig: z.looseObject({ TargetArn: z.string().nullish() }).nullish(),
    TracingConfig: z.looseObject({ Mode: z.string().nullish() }).nullish(),
    Layers: z.array(z.looseObject({ Arn: z.string().nullish(), CodeSize: z.number().nullish() })).nullish(),
    EphemeralStorage: z.looseObject({ Size: z.number().nullish() }).nullish(),
    LoggingConfig: z
      .looseObject({
        LogFormat: z.string().nullish(),
        LogGroup: z.string().nullish(),
        ApplicationLogLevel: z.string().nullish(),
        SystemLogLevel: z.string().nullish(),
      })
      .nullish(),
  }),
});

export type LambdaFunctionRaw = z.infer<typeof lambdaFunctionRawSchema>;
