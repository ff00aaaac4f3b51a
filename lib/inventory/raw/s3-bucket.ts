import { z } from "zod";

/**
 * An AWS::S3::Bucket (lib/aws/collectors/s3-buckets.ts): the ListBuckets entry and, read from the
 * bucket's own region, its parts. A part is null when S3 says it is not configured (off), and
 * absent when it could not be read (the scan reported why).
 */
export const s3BucketRawSchema = z.looseObject({
  bucket: z.looseObject({
    Name: z.string(),
    CreationDate: z.string().nullish(),
    BucketRegion: z.string().nullish(),
    BucketArn: z.string().nullish(),
  }),
  /** GetBucketLocation: null or "" means us-east-1, "EU" means eu-west-1. */
  location: z.looseObject({ LocationConstraint: z.string().nullable() }).optional(),
  versioning: z.looseObject({ Status: z.string().nullish(), MFADelete: z.string().nullish() }).optional(),
  encryption: z
    .looseObject({
      Rules: z
        .array(
          z.looseObject({
            ApplyServerSideEncryptionByDefault: z
              .looseObject({ SSEAlgorithm: z.string().nullish(), KMSMasterKeyID: z.string().nullish() })
              .nullish(),
            BucketKeyEnabled: z.boolean().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
  publicAccessBlock: z
    .looseObject({
      BlockPublicAcls: z.boolean().nullish(),
      IgnorePublicAcls: z.boolean().nullish(),
      BlockPublicPolicy: z.boolean().nullish(),
      RestrictPublicBuckets: z.boolean().nullish(),
    })
    .nullish(),
  replication: z
    .looseObject({
      Role: z.string().nullish(),
      Rules: z
        .array(
          z.looseObject({
            ID: z.string().nullish(),
            Priority: z.number().nullish(),
            Status: z.string().nullish(),
            Destination: z
              .looseObject({ Bucket: z.string().nullish(), Account: z.string().nullish(), StorageClass: z.string().nullish() })
              .nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
  objectLock: z
    .looseObject({
      ObjectLockEnabled: z.string().nullish(),
      Rule: z
        .looseObject({
          DefaultRetention: z.looseObject({ Mode: z.string().nullish(), Days: z.number().nullish(), Years: z.number().nullish() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  lifecycle: z
    .looseObject({
      Rules: z.array(
        z.looseObject({
          ID: z.string().nullish(),
          Status: z.string().nullish(),
          Expiration: z.looseObject({ Days: z.number().nullish(), Date: z.string().nullish() }).nullish(),
          Transitions: z.array(z.looseObject({ Days: z.number().nullish(), StorageClass: z.string().nullish() })).nullish(),
        }),
      ),
    })
    .nullish(),
});

export type S3BucketRaw = z.infer<typeof s3BucketRawSchema>;
