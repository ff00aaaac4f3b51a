import { z } from "zod";
import { certificateValiditySchema } from "@/lib/inventory/raw/iot-certificate";

/**
 * An AWS::IoT::CACertificate (lib/aws/collectors/iot-ca-certificates.ts): DescribeCACertificate's
 * description (or the list entry when it could not be read), its registration configuration
 * (just-in-time provisioning) and how many certificates it issued.
 */
export const iotCaCertificateRawSchema = z.looseObject({
  caCertificate: z.looseObject({
    certificateId: z.string().nullish(),
    certificateArn: z.string().nullish(),
    status: z.string().nullish(),
    autoRegistrationStatus: z.string().nullish(),
    certificatePem: z.string().nullish(),
    ownedBy: z.string().nullish(),
    creationDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
    customerVersion: z.number().nullish(),
    generationId: z.string().nullish(),
    validity: certificateValiditySchema.nullish(),
    certificateMode: z.string().nullish(),
  }),
  registrationConfig: z
    .looseObject({ templateBody: z.string().nullish(), roleArn: z.string().nullish(), templateName: z.string().nullish() })
    .optional(),
  issuedCertificateCount: z.number().optional(),
});

export type IotCaCertificateRaw = z.infer<typeof iotCaCertificateRawSchema>;
