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

const PAGE_SIZE = 250;

const thingTypeSchema = z.looseObject({
  thingTypeName: z.string().min(1),
  thingTypeArn: z.string().min(1).optional(),
});

export const iotThingTypesCollector: CollectorDefinition = {
  id: "iot.thing-types",
  service: "iot",
  kinds: [KIND.iotThingType],
  scope: "regional",
  phase: 1,
  apis: [
    { operation: "ListThingTypes", calls: { type: "pages", of: KIND.iotThingType, pageSize: PAGE_SIZE } },
    { operation: "ListTagsForResource", calls: { type: "per-item", of: KIND.iotThingType } },
  ],
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
