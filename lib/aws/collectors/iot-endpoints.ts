import "server-only";
/**
 * The account's AWS IoT endpoints in a region, the addresses devices are configured with:
 * DescribeEndpoint for iot:Data-ATS (MQTT and HTTPS data), iot:CredentialProvider (certificate to
 * AWS credentials) and iot:Jobs. One synthetic AWS::IoT::Endpoint resource per type, ARN
 * arn:<partition>:iot:<region>:<account>:endpoint/<type>. They are kept apart from the logging
 * record because the migration plans DNS and device reconfiguration around them.
 */
import { DescribeEndpointCommand, IoTClient } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import { buildArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { KIND } from "@/lib/aws/resource-kinds";
import { IOT_ENDPOINT_TYPES, iotEndpointsPlan } from "@/lib/aws/collectors/iot-endpoints.plan";


const endpointSchema = z.looseObject({ endpointAddress: z.string().min(1) });

export const iotEndpointsCollector: CollectorDefinition = {
  ...iotEndpointsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      const batch = new BatchBuilder(ctx);
      for (const endpointType of IOT_ENDPOINT_TYPES) {
        const arn = buildArn(ctx, "iot", `endpoint/${endpointType}`);
        const endpoint = await calls.may(iot, new DescribeEndpointCommand({ endpointType }), endpointSchema, { arn });
        if (endpoint) batch.add({ kind: KIND.iotEndpoint, arn, name: endpointType, raw: { endpointType, endpointAddress: endpoint.endpointAddress } });
      }
      await ctx.emit(batch.toBatch(null));
    }),
};
