import { z } from "zod";

/** An AWS::KMS::Alias (lib/aws/collectors/kms-keys.ts) that a resource named: the key it stands for is an "alias-of" relation too. */
export const kmsAliasRawSchema = z.looseObject({
  aliasArn: z.string(),
  targetKeyId: z.string(),
});

export type KmsAliasRaw = z.infer<typeof kmsAliasRawSchema>;
