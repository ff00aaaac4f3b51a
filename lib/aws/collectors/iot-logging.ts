import "server-only";
/**
 * The account's AWS IoT v2 logging options in a region (GetV2LoggingOptions), as one
 * AWS::IoT::Logging resource with the synthetic ARN arn:<partition>:iot:<region>:<account>:logging.
 * When logging was never set up AWS answers NotConfiguredException: the resource is still recorded,
 * with `configured: false`. Relation: logging assumes-role its IAM role.
 * (The endpoints devices connect to are in iot-endpoints.ts.)
 */
import { GetV2LoggingOptionsCommand, IoTClient } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import { buildArn, iamRoleArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { iotLoggingPlan } from "@/lib/aws/collectors/iot-logging.plan";

const optionsSchema = z.looseObject({
  roleArn: z.string().min(1).nullish(),
  defaultLogLevel: z.string().nullish(),
  disableAllLogs: z.boolean().nullish(),
});

export const iotLoggingCollector: CollectorDefinition = {
  ...iotLoggingPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      const arn = buildArn(ctx, "iot", "logging");
      const options = await calls.may(iot, new GetV2LoggingOptionsCommand({}), optionsSchema, {
        arn,
        absentWhen: ["NotConfiguredException"],
      });
      const batch = new BatchBuilder(ctx);
      if (options !== undefined) {
        batch.add({
          kind: KIND.iotLogging,
          arn,
          name: `IoT logging (${ctx.region})`,
          raw: options === null ? { configured: false } : { configured: true, options },
        });
        if (options?.roleArn) batch.relate(arn, iamRoleArn(ctx, options.roleArn), REL.assumesRole, KIND.iamRole);
      }
      await ctx.emit(batch.toBatch(null));
    }),
};
