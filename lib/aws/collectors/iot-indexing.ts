import "server-only";
/**
 * The fleet indexing configuration of a region, as one synthetic AWS::IoT::FleetIndexing resource:
 * GetIndexingConfiguration (thing and thing group indexing modes, connectivity, shadow and custom
 * fields) and ListIndices. Its ARN is synthetic: arn:<partition>:iot:<region>:<account>:fleet-indexing.
 * A single batch; no cursor.
 */
import { GetIndexingConfigurationCommand, IoTClient, ListIndicesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import { buildArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { KIND } from "@/lib/aws/resource-kinds";
import { iotIndexingPlan } from "@/lib/aws/collectors/iot-indexing.plan";

const configurationSchema = z.looseObject({
  thingIndexingConfiguration: z.looseObject({ thingIndexingMode: z.string().nullish() }).nullish(),
  thingGroupIndexingConfiguration: z.looseObject({ thingGroupIndexingMode: z.string().nullish() }).nullish(),
});
const indicesPageSchema = z.looseObject({ indexNames: z.array(z.string()).nullish(), nextToken: z.string().nullish() });

export const iotIndexingCollector: CollectorDefinition = {
  ...iotIndexingPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      const arn = buildArn(ctx, "iot", "fleet-indexing");
      const configuration = await calls.may(iot, new GetIndexingConfigurationCommand({}), configurationSchema, { arn });
      const indices = await drainPages(
        (nextToken) => calls.may(iot, new ListIndicesCommand({ maxResults: 500, nextToken }), indicesPageSchema, { arn }),
        (page) => ({ items: page.indexNames ?? [], next: page.nextToken }),
      );
      const batch = new BatchBuilder(ctx);
      batch.add({
        kind: KIND.iotFleetIndexing,
        arn,
        name: `Fleet indexing (${ctx.region})`,
        raw: {
          ...(configuration ? { configuration } : {}),
          ...(indices ? { indexNames: indices } : {}),
          thingIndexingMode: configuration?.thingIndexingConfiguration?.thingIndexingMode ?? null,
        },
      });
      await ctx.emit(batch.toBatch(null));
    }),
};
