import "server-only";
/**
 * IoT role aliases (what devices exchange their certificate for AWS credentials with, through the
 * credential provider endpoint). ListRoleAliases gives names only; DescribeRoleAlias gives the
 * role and credential duration. Relation: role alias assumes-role IAM role.
 */
import { DescribeRoleAliasCommand, IoTClient, ListRoleAliasesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotRoleAliasesPlan } from "@/lib/aws/collectors/iot-role-aliases.plan";


const describeSchema = z.looseObject({
  roleAliasDescription: z
    .looseObject({ roleAliasArn: z.string().min(1).nullish(), roleArn: z.string().min(1).nullish() })
    .nullish(),
});

export const iotRoleAliasesCollector: CollectorDefinition = {
  ...iotRoleAliasesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListRoleAliasesCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "roleAliases",
            next: "nextMarker",
            item: z.string().min(1),
          }),
        async (aliases, batch) => {
          const details = await mapConcurrent(aliases, CONFIG_CONCURRENCY, async (alias) => {
            const guessedArn = iotArn(ctx, "rolealias", alias);
            const described = await calls.may(iot, new DescribeRoleAliasCommand({ roleAlias: alias }), describeSchema, { arn: guessedArn });
            const description = described?.roleAliasDescription ?? undefined;
            const arn = description?.roleAliasArn ?? guessedArn;
            return { alias, arn, description, tags: await readIotTags(ctx, calls, arn) };
          });
          for (const { alias, arn, description, tags } of details) {
            batch.add({ kind: KIND.iotRoleAlias, arn, name: alias, tags, raw: { roleAlias: description ?? { roleAlias: alias } } });
            if (description?.roleArn) batch.relate(arn, iamRoleArn(ctx, description.roleArn), REL.assumesRole, KIND.iamRole);
          }
        },
      );
    }),
};
