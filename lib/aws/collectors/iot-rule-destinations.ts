import "server-only";
/**
 * IoT topic rule destinations (HTTP confirmation URLs, VPC destinations for Kafka and other
 * in-VPC actions). ListTopicRuleDestinations returns every field GetTopicRuleDestination would, so
 * no per-destination call is made. Destinations cannot be tagged.
 */
import { IoTClient, ListTopicRuleDestinationsCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { arnResourceName } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { redactUrlSecrets } from "@/lib/aws/to-raw";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotRuleDestinationsPlan } from "@/lib/aws/collectors/iot-rule-destinations.plan";


const destinationSchema = z.looseObject({
  arn: z.string().min(1),
  status: z.string().nullish(),
  httpUrlSummary: z.looseObject({ confirmationUrl: z.string().nullish() }).nullish(),
  vpcDestinationSummary: z.looseObject({ vpcId: z.string().nullish(), roleArn: z.string().min(1).nullish() }).nullish(),
});

export const iotRuleDestinationsCollector: CollectorDefinition = {
  ...iotRuleDestinationsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListTopicRuleDestinationsCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "destinationSummaries",
            next: "nextToken",
            item: destinationSchema,
          }),
        async (destinations, batch) => {
          for (const destination of destinations) {
            const confirmationUrl = destination.httpUrlSummary?.confirmationUrl;
            const safeUrl = confirmationUrl ? redactUrlSecrets(confirmationUrl) : undefined;
            batch.add({
              kind: KIND.iotTopicRuleDestination,
              arn: destination.arn,
              name: safeUrl ?? destination.vpcDestinationSummary?.vpcId ?? arnResourceName(destination.arn),
              raw: {
                destination: {
                  ...destination,
                  ...(safeUrl ? { httpUrlSummary: { ...destination.httpUrlSummary, confirmationUrl: safeUrl } } : {}),
                },
              },
            });
            const role = destination.vpcDestinationSummary?.roleArn;
            if (role) batch.relate(destination.arn, iamRoleArn(ctx, role), REL.assumesRole, KIND.iamRole);
          }
        },
      );
    }),
};
