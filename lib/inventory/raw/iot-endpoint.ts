import { z } from "zod";

/** A synthetic AWS::IoT::Endpoint (lib/aws/collectors/iot-endpoints.ts): the address devices use for one endpoint type. */
export const iotEndpointRawSchema = z.looseObject({
  /** "iot:Data-ATS", "iot:CredentialProvider" or "iot:Jobs". */
  endpointType: z.string(),
  endpointAddress: z.string(),
});

export type IotEndpointRaw = z.infer<typeof iotEndpointRawSchema>;
