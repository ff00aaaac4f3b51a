import { z } from "zod";

const regionalKey = z.looseObject({ Arn: z.string().nullish(), Region: z.string().nullish() });

/**
 * An AWS::KMS::Key (lib/aws/collectors/kms-keys.ts): DescribeKey's metadata (who manages it, its
 * state, spec, multi-region setup) and its alias names.
 */
export const kmsKeyRawSchema = z.looseObject({
  key: z.looseObject({
    KeyId: z.string(),
    Arn: z.string(),
    AWSAccountId: z.string().nullish(),
    Description: z.string().nullish(),
    CreationDate: z.string().nullish(),
    Enabled: z.boolean().nullish(),
    KeyState: z.string().nullish(),
    KeyUsage: z.string().nullish(),
    /** "AWS" for AWS-managed keys, "CUSTOMER" for the account's own. */
    KeyManager: z.string().nullish(),
    KeySpec: z.string().nullish(),
    Origin: z.string().nullish(),
    DeletionDate: z.string().nullish(),
    EncryptionAlgorithms: z.array(z.string()).nullish(),
    MultiRegion: z.boolean().nullish(),
    MultiRegionConfiguration: z
      .looseObject({ MultiRegionKeyType: z.string().nullish(), PrimaryKey: regionalKey.nullish(), ReplicaKeys: z.array(regionalKey).nullish() })
      .nullish(),
  }),
  aliases: z.array(z.string()).optional(),
});

export type KmsKeyRaw = z.infer<typeof kmsKeyRawSchema>;
