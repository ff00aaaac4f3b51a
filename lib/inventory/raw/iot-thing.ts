import { z } from "zod";

/**
 * What the things collector stores for an AWS::IoT::Thing (lib/aws/collectors/iot-things.ts):
 * the ListThings entry, and in deep scans the thing's principals and, when asked, its shadows.
 * Things carry no tags in AWS IoT; their attributes play that role.
 */
export const iotThingRawSchema = z.looseObject({
  thing: z.looseObject({
    thingName: z.string(),
    thingArn: z.string().nullish(),
    thingTypeName: z.string().nullish(),
    attributes: z.record(z.string(), z.string()).nullish(),
    version: z.number().nullish(),
  }),
  /** Deep scans: what is attached to the thing, certificate ARNs and Cognito identity ids. */
  principals: z.array(z.string()).optional(),
  /** Deep scans with shadows: the classic shadow (null when there is none) and the named ones, as JSON (or text when not JSON). */
  shadows: z.looseObject({ classic: z.unknown(), named: z.record(z.string(), z.unknown()) }).optional(),
});

export type IotThingRaw = z.infer<typeof iotThingRawSchema>;
