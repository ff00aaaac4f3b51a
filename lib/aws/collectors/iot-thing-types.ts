import "server-only";
/** IoT thing types. ListThingTypes returns each type's properties and deprecation state; tags are read per type. */
import { IoTClient, ListThingTypesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotThingTypesPlan } from "@/lib/aws/collectors/iot-thing-types.plan";


const thingTypeSchema = z.looseObject({
  thingTypeName: z.string().min(1),
  thingTypeArn: z.string().min(1).optional(),
});

export const iotThingTypesCollector: CollectorDefinition = {
  ...iotThingTypesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListThingTypesCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "thingTypes",
            next: "nextToken",
            item: thingTypeSchema,
          }),
        async (types, batch) => {
          const tags = await mapConcurrent(types, CONFIG_CONCURRENCY, (type) =>
            readIotTags(ctx, calls, type.thingTypeArn ?? iotArn(ctx, "thingtype", type.thingTypeName)),
          );
          types.forEach((type, i) => {
            batch.add({
              kind: KIND.iotThingType,
              arn: type.thingTypeArn ?? iotArn(ctx, "thingtype", type.thingTypeName),
              name: type.thingTypeName,
              tags: tags[i],
              raw: { thingType: type },
            });
          });
        },
      );
    }),
};
