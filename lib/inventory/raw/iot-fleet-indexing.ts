import { z } from "zod";

const fields = z.array(z.looseObject({ name: z.string().nullish(), type: z.string().nullish() })).nullish();

/**
 * The synthetic AWS::IoT::FleetIndexing of a region (lib/aws/collectors/iot-indexing.ts):
 * GetIndexingConfiguration and ListIndices, when they could be read, and the thing indexing mode
 * (null when unknown).
 */
export const iotFleetIndexingRawSchema = z.looseObject({
  configuration: z
    .looseObject({
      thingIndexingConfiguration: z
        .looseObject({
          thingIndexingMode: z.string().nullish(),
          thingConnectivityIndexingMode: z.string().nullish(),
          deviceDefenderIndexingMode: z.string().nullish(),
          namedShadowIndexingMode: z.string().nullish(),
          managedFields: fields,
          customFields: fields,
        })
        .nullish(),
      thingGroupIndexingConfiguration: z
        .looseObject({ thingGroupIndexingMode: z.string().nullish(), managedFields: fields, customFields: fields })
        .nullish(),
    })
    .optional(),
  indexNames: z.array(z.string()).optional(),
  thingIndexingMode: z.string().nullable(),
});

export type IotFleetIndexingRaw = z.infer<typeof iotFleetIndexingRawSchema>;
