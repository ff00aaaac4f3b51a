import { z } from "zod";

/**
 * The account's AWS::IoT::Logging in a region (lib/aws/collectors/iot-logging.ts): either never set
 * up (`configured: false`), or GetV2LoggingOptions' answer.
 */
export const iotLoggingRawSchema = z.discriminatedUnion("configured", [
  z.looseObject({ configured: z.literal(false) }),
  z.looseObject({
    configured: z.literal(true),
    options: z.looseObject({
      roleArn: z.string().nullish(),
      defaultLogLevel: z.string().nullish(),
      disableAllLogs: z.boolean().nullish(),
    }),
  }),
]);

export type IotLoggingRaw = z.infer<typeof iotLoggingRawSchema>;
