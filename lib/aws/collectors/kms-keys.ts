import "server-only";
/**
 * Phase 2, regional: the KMS keys and aliases that phase 1 resources in this region are encrypted
 * with (buckets, tables, streams, queues, topics, Timestream databases, log groups, functions,
 * trails). The engine runs it once per region; each run reads the references whose ARN is in its
 * region, so every key is read from its own region with that region's quotas. References in
 * regions the scan does not cover, or in other accounts, stay dangling.
 *
 * Per referenced key or alias: DescribeKey; for a key also ListAliases (its alias names) and, for
 * customer-managed keys, ListResourceTags. A referenced alias is recorded as AWS::KMS::Alias with
 * the relation "alias alias-of key", so "bucket encrypted-by alias/x" resolves to the key behind it.
 * Cursor: "offset:<n>" into the sorted list of referenced ARNs of the region.
 */
import { DescribeKeyCommand, KMSClient, ListAliasesCommand, ListResourceTagsCommand } from "@aws-sdk/client-kms";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { parseArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkList } from "@/lib/aws/walk-pages";
import { kmsKeysPlan } from "@/lib/aws/collectors/kms-keys.plan";

const BATCH_SIZE = 50;

const describeSchema = z.looseObject({
  KeyMetadata: z.looseObject({
    KeyId: z.string().min(1),
    Arn: z.string().min(1),
    KeyManager: z.string().nullish(),
  }),
});
const aliasesPageSchema = z.looseObject({
  Aliases: z.array(z.looseObject({ AliasName: z.string().nullish(), AliasArn: z.string().nullish() })).nullish(),
  NextMarker: z.string().nullish(),
  Truncated: z.boolean().nullish(),
});
const tagsPageSchema = z.looseObject({
  Tags: z.array(z.looseObject({ TagKey: z.string(), TagValue: z.string().nullish() })).nullish(),
  NextMarker: z.string().nullish(),
  Truncated: z.boolean().nullish(),
});

export const kmsKeysCollector: CollectorDefinition = {
  ...kmsKeysPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const kms = ctx.clients.get(KMSClient);
      const referenced = [...(await ctx.referencedArns(KIND.kmsKey)), ...(await ctx.referencedArns(KIND.kmsAlias))];
      const inRegion = [...new Set(referenced)].filter((arn) => {
        const parts = parseArn(arn);
        return parts?.service === "kms" && parts.region === ctx.region && parts.accountId === ctx.accountId;
      });
      inRegion.sort();
      const recordedKeys = new Set<string>();
      await walkList(ctx, inRegion, BATCH_SIZE, async (refs, batch) => {
        const described = await mapConcurrent(refs, CONFIG_CONCURRENCY, async (ref) => {
          const out = await calls.may(kms, new DescribeKeyCommand({ KeyId: ref }), describeSchema, {
            arn: ref,
            absentWhen: ["NotFoundException"],
          });
          return { ref, key: out?.KeyMetadata };
        });
        // Several aliases can name one key: read each key once.
        const keys = [...new Map(described.flatMap((d) => (d.key ? [[d.key.Arn, d.key] as const] : []))).values()].filter(
          (key) => !recordedKeys.has(key.Arn),
        );
        const keyDetails = await mapConcurrent(keys, CONFIG_CONCURRENCY, async (key) => {
          const aliases = await drainPages(
            (Marker) => calls.may(kms, new ListAliasesCommand({ KeyId: key.KeyId, Marker }), aliasesPageSchema, { arn: key.Arn }),
            (page) => ({ items: page.Aliases ?? [], next: page.Truncated ? page.NextMarker : undefined }),
          );
          const tags =
            key.KeyManager === "AWS"
              ? []
              : await drainPages(
                  (Marker) => calls.may(kms, new ListResourceTagsCommand({ KeyId: key.KeyId, Marker }), tagsPageSchema, { arn: key.Arn }),
                  (page) => ({ items: page.Tags ?? [], next: page.Truncated ? page.NextMarker : undefined }),
                );
          return { key, aliases, tags };
        });
        for (const { key, aliases, tags } of keyDetails) {
          recordedKeys.add(key.Arn);
          batch.add({
            kind: KIND.kmsKey,
            arn: key.Arn,
            name: aliases?.[0]?.AliasName ?? key.KeyId,
            tags: tagsToRecord(tags ?? []),
            raw: { key, ...(aliases ? { aliases: aliases.flatMap((a) => (a.AliasName ? [a.AliasName] : [])) } : {}) },
          });
        }
        for (const { ref, key } of described) {
          const parts = parseArn(ref);
          if (!key || !parts?.resource.startsWith("alias/")) continue;
          batch.add({ kind: KIND.kmsAlias, arn: ref, name: parts.resource, raw: { aliasArn: ref, targetKeyId: key.KeyId } });
          batch.relate(ref, key.Arn, REL.aliasOf, KIND.kmsKey);
        }
      });
    }),
};
