import "server-only";
/**
 * IoT domain configurations: the AWS-managed endpoints (named "iot:Data-ATS" and the like) and
 * custom domains with their server certificates and default authorizer. Tags are read for the
 * configurations users created (AWS-managed ones cannot be tagged). Relation: domain configuration
 * uses its default authorizer.
 */
import { DescribeDomainConfigurationCommand, IoTClient, ListDomainConfigurationsCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotDomainConfigurationsPlan } from "@/lib/aws/collectors/iot-domain-configurations.plan";


const summarySchema = z.looseObject({
  domainConfigurationName: z.string().min(1),
  domainConfigurationArn: z.string().min(1).optional(),
});
const describeSchema = z.looseObject({
  domainName: z.string().nullish(),
  domainType: z.string().nullish(),
  authorizerConfig: z.looseObject({ defaultAuthorizerName: z.string().min(1).nullish() }).nullish(),
});

/** AWS-managed configurations are named after their endpoint type ("iot:Data-ATS", "iot:Jobs"...). */
function isAwsManaged(name: string, domainType: string | null | undefined): boolean {
  return name.startsWith("iot:") || domainType === "AWS_MANAGED";
}

export const iotDomainConfigurationsCollector: CollectorDefinition = {
  ...iotDomainConfigurationsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListDomainConfigurationsCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "domainConfigurations",
            next: "nextMarker",
            item: summarySchema,
          }),
        async (configurations, batch) => {
          const details = await mapConcurrent(configurations, CONFIG_CONCURRENCY, async (summary) => {
            const name = summary.domainConfigurationName;
            const arn = summary.domainConfigurationArn ?? iotArn(ctx, "domainconfiguration", name);
            const described = await calls.may(iot, new DescribeDomainConfigurationCommand({ domainConfigurationName: name }), describeSchema, {
              arn,
            });
            const tags = isAwsManaged(name, described?.domainType) ? {} : await readIotTags(ctx, calls, arn);
            return { summary, arn, described, tags };
          });
          for (const { summary, arn, described, tags } of details) {
            batch.add({
              kind: KIND.iotDomainConfiguration,
              arn,
              name: summary.domainConfigurationName,
              tags,
              raw: { domainConfiguration: described ? { ...summary, ...described } : summary },
            });
            const authorizer = described?.authorizerConfig?.defaultAuthorizerName;
            if (authorizer) batch.relate(arn, iotArn(ctx, "authorizer", authorizer), REL.uses, KIND.iotAuthorizer);
          }
        },
      );
    }),
};
