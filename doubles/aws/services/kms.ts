/**
 * AWS KMS (awsJson1_1): keys, aliases, tags. Keys can be named by id, ARN, alias name or alias
 * ARN, as KMS accepts. AWS managed keys (alias/aws/<service>) can be described by alias, id or ARN,
 * and ListAliases with their id names their alias; ListKeys and ListAliases without a key list the
 * customer managed keys only.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { KmsKey } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { uuidFrom } from "../prng";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { RegionIndex } from "../estate-index";
import type { CallContext } from "../service-types";

interface ResolvedKey {
  key: KmsKey;
  awsManaged: boolean;
}

/**
 * AWS managed keys (alias/aws/<service>) of a region, by alias and by key id. AWS creates one the
 * first time a service needs it, or when DescribeKey names its alias; from then on it answers to
 * its id and ARN like any key. The keys the estate's resources use exist from the start.
 */
interface ManagedKeys {
  byAlias: Map<string, KmsKey>;
  byId: Map<string, KmsKey>;
}
const managedKeysOf = new WeakMap<RegionIndex, ManagedKeys>();

function managedKeys(ix: RegionIndex): ManagedKeys {
  let managed = managedKeysOf.get(ix);
  if (!managed) {
    managed = { byAlias: new Map(), byId: new Map() };
    managedKeysOf.set(ix, managed);
    const data = ix.data;
    const inUse = [...data.kinesisStreams.map((k) => k.kmsKeyId), ...data.sqsQueues.map((q) => q.kmsKeyId), ...data.snsTopics.map((t) => t.kmsKeyId)];
    for (const ref of inUse) if (ref?.startsWith("alias/aws/")) managedKeyFor(ix, ref);
  }
  return managed;
}

/** The AWS managed key behind a predefined alias, created if it does not exist yet. */
function managedKeyFor(ix: RegionIndex, alias: string): KmsKey {
  const managed = managedKeys(ix);
  const found = managed.byAlias.get(alias);
  if (found) return found;
  const service = alias.slice("alias/aws/".length);
  const key: KmsKey = {
    id: uuidFrom(`aws-managed-key/${ix.region}/${service}`),
    description: `Default key that protects my ${service} data when no other key is defined`,
    keyUsage: "ENCRYPT_DECRYPT",
    keySpec: "SYMMETRIC_DEFAULT",
    enabled: true,
    keyState: "Enabled",
    creationDate: 1_640_995_200,
    aliases: [alias],
    multiRegion: false,
    tags: {},
  };
  managed.byAlias.set(alias, key);
  managed.byId.set(key.id, key);
  return key;
}

function resolveKey(ctx: CallContext, ref: string | undefined): ResolvedKey {
  if (!ref) throw new AwsError(400, "ValidationException", "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  const ix = ctx.index;
  let alias: string | undefined;
  let id: string | undefined;
  if (ref.startsWith("alias/")) alias = ref;
  else if (ref.startsWith("arn:") && ref.includes(":alias/")) alias = `alias/${ref.split(":alias/")[1]}`;
  else if (ref.startsWith("arn:") && ref.includes(":key/")) id = ref.split(":key/")[1];
  else id = ref;
  if (ref.startsWith("arn:") && !ref.startsWith(`arn:aws:kms:${ix.region}:${ix.scope.accountId}:`)) throw new AwsError(400, "NotFoundException", `Invalid arn ${ref}`);
  if (alias) {
    const key = ix.keyByAlias.get(alias);
    if (key) return { key, awsManaged: false };
    // DescribeKey on a predefined AWS alias creates the AWS managed key behind it.
    if (alias.startsWith("alias/aws/")) return { key: managedKeyFor(ix, alias), awsManaged: true };
    throw new AwsError(400, "NotFoundException", `Alias ${arns.kmsAlias(ix.scope, alias)} is not found.`);
  }
  const key = ix.keyById.get(id as string);
  if (key) return { key, awsManaged: false };
  const managed = managedKeys(ix).byId.get(id as string);
  if (managed) return { key: managed, awsManaged: true };
  throw new AwsError(400, "NotFoundException", `Key '${arns.kmsKey(ix.scope, id as string)}' does not exist`);
}

export const kmsService = defineJsonService({
  id: "kms",
  signingNames: ["kms"],
  protocol: "awsJson1_1",
  errors: withErrors(JSON_ERRORS, {
    internal: { status: 500, code: "KMSInternalException", message: "An internal error occurred." },
  }),
  handlers: {
    DescribeKey(ctx, input) {
      const { key, awsManaged } = resolveKey(ctx, str(input, "KeyId"));
      const symmetric = key.keySpec === "SYMMETRIC_DEFAULT";
      const arn = arns.kmsKey(ctx.index.scope, key.id);
      return {
        KeyMetadata: {
          AWSAccountId: ctx.accountId,
          KeyId: key.id,
          Arn: arn,
          CreationDate: key.creationDate,
          Enabled: key.enabled,
          Description: key.description,
          KeyUsage: key.keyUsage,
          KeyState: key.keyState,
          Origin: "AWS_KMS",
          KeyManager: awsManaged ? "AWS" : "CUSTOMER",
          CustomerMasterKeySpec: key.keySpec,
          KeySpec: key.keySpec,
          EncryptionAlgorithms: key.keyUsage === "ENCRYPT_DECRYPT" ? (symmetric ? ["SYMMETRIC_DEFAULT"] : ["RSAES_OAEP_SHA_256"]) : undefined,
          SigningAlgorithms: key.keyUsage === "SIGN_VERIFY" ? ["ECDSA_SHA_256"] : undefined,
          MultiRegion: key.multiRegion,
          MultiRegionConfiguration: key.multiRegion ? { MultiRegionKeyType: "PRIMARY", PrimaryKey: { Arn: arn, Region: ctx.region }, ReplicaKeys: [] } : undefined,
        },
      };
    },

    ListKeys(ctx, input) {
      const limit = int(input, "Limit", 1, 1000, 100);
      const listing = `ListKeys|${ctx.region}`;
      const offset = decodeToken(listing, str(input, "Marker"));
      if (offset === null) throw new AwsError(400, "InvalidMarkerException", "Invalid marker");
      const page = slicePage(ctx.index.data.kmsKeys, offset, limit);
      return {
        Keys: page.items.map((k) => ({ KeyId: k.id, KeyArn: arns.kmsKey(ctx.index.scope, k.id) })),
        Truncated: page.nextOffset !== undefined,
        NextMarker: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset),
      };
    },

    ListAliases(ctx, input) {
      const limit = int(input, "Limit", 1, 100, 50);
      const keyRef = str(input, "KeyId");
      const only = keyRef === undefined ? undefined : resolveKey(ctx, keyRef);
      // Without a key: the customer managed keys' aliases. With an AWS managed key: its alias.
      const keys = only ? [only.key] : ctx.index.data.kmsKeys;
      const aliases = keys.flatMap((k) => k.aliases.map((alias) => ({ alias, key: k })));
      const listing = `ListAliases|${ctx.region}|${only?.key.id ?? ""}`;
      const offset = decodeToken(listing, str(input, "Marker"));
      if (offset === null) throw new AwsError(400, "InvalidMarkerException", "Invalid marker");
      const page = slicePage(aliases, offset, limit);
      return {
        Aliases: page.items.map(({ alias, key }) => ({
          AliasName: alias,
          AliasArn: arns.kmsAlias(ctx.index.scope, alias),
          TargetKeyId: key.id,
          CreationDate: key.creationDate,
          LastUpdatedDate: key.creationDate,
        })),
        Truncated: page.nextOffset !== undefined,
        NextMarker: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset),
      };
    },

    ListResourceTags(ctx, input) {
      const { key } = resolveKey(ctx, str(input, "KeyId"));
      const limit = int(input, "Limit", 1, 50, 50);
      const listing = `ListResourceTags|${ctx.region}|${key.id}`;
      const offset = decodeToken(listing, str(input, "Marker"));
      if (offset === null) throw new AwsError(400, "InvalidMarkerException", "Invalid marker");
      const page = slicePage(Object.entries(key.tags), offset, limit);
      return {
        Tags: page.items.map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        Truncated: page.nextOffset !== undefined,
        NextMarker: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset),
      };
    },
  },
});
