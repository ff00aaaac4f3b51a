import { z } from "zod";

/** An AWS::IoT::ThingType as ListThingTypes describes it (lib/aws/collectors/iot-thing-types.ts). */
export const iotThingTypeRawSchema = z.looseObject({
  thingType: z.looseObject({
    thingTypeName: z.string(),
    thingTypeArn: z.string().nullish(),
    thingTypeProperties: z
      .looseObject({
        thingTypeDescription: z.string().nullish(),
        searchableAttributes: z.array(z.string()).nullish(),
        mqtt5Configuration: z
          .looseObject({
            propagatingAttributes: z
              .array(z.looseObject({ userPropertyKey: z.string().nullish(), thingAttribute: z.string().nullish(), connectionAttribute: z.string().nullish() }))
              .nullish(),
          })
          .nullish(),
      })
      .nullish(),
    thingTypeMetadata: z
      .looseObject({
        deprecated: z.boolean().nullish(),
        deprecationDate: z.string().nullish(),
        creationDate: z.string().nullish(),
      })
      .nullish(),
  }),
});

export type IotThingTypeRaw = z.infer<typeof iotThingTypeRawSchema>;
