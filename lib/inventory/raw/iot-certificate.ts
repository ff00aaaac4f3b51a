import { z } from "zod";

/** Validity dates of a certificate, as ISO strings. */
export const certificateValiditySchema = z.looseObject({ notBefore: z.string().nullish(), notAfter: z.string().nullish() });

/**
 * An AWS::IoT::Certificate (lib/aws/collectors/iot-certificates.ts): the ListCertificates entry,
 * and in deep scans DescribeCertificate's description (validity, issuing CA, owner, public PEM).
 * Status is AWS's text (ACTIVE, INACTIVE, REVOKED, PENDING_TRANSFER, REGISTER_INACTIVE,
 * PENDING_ACTIVATION...), kept open so a new status is read, not refused.
 */
export const iotCertificateRawSchema = z.looseObject({
  certificate: z.looseObject({
    certificateId: z.string(),
    certificateArn: z.string().nullish(),
    status: z.string().nullish(),
    certificateMode: z.string().nullish(),
    creationDate: z.string().nullish(),
  }),
  description: z
    .looseObject({
      certificateId: z.string().nullish(),
      certificateArn: z.string().nullish(),
      caCertificateId: z.string().nullish(),
      status: z.string().nullish(),
      certificatePem: z.string().nullish(),
      ownedBy: z.string().nullish(),
      previousOwnedBy: z.string().nullish(),
      creationDate: z.string().nullish(),
      lastModifiedDate: z.string().nullish(),
      customerVersion: z.number().nullish(),
      generationId: z.string().nullish(),
      validity: certificateValiditySchema.nullish(),
      certificateMode: z.string().nullish(),
    })
    .optional(),
});

export type IotCertificateRaw = z.infer<typeof iotCertificateRawSchema>;
