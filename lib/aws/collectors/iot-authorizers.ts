import "server-only";
/**
 * IoT custom authorizers: DescribeAuthorizer (the Lambda function, token key name, signing keys,
 * which are public keys) and tags. Relation: authorizer invokes Lambda function.
 */
import { DescribeAuthorizerCommand, IoTClient, ListAuthorizersCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn, lambdaFunctionArn, unqualifiedFunctionArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotAuthorizersPlan } from "@/lib/aws/collectors/iot-authorizers.plan";


const authorizerSchema = z.looseObject({ authorizerName: z.string().min(1), authorizerArn: z.string().min(1).optional() });
const describeSchema = z.looseObject({
  authorizerDescription: z.looseObject({ authorizerFunctionArn: z.string().min(1).nullish() }).nullish(),
});

export const iotAuthorizersCollector: CollectorDefinition = {
  ...iotAuthorizersPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListAuthorizersCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "authorizers",
            next: "nextMarker",
            item: authorizerSchema,
          }),
        async (authorizers, batch) => {
          const details = await mapConcurrent(authorizers, CONFIG_CONCURRENCY, async (authorizer) => {
            const arn = authorizer.authorizerArn ?? iotArn(ctx, "authorizer", authorizer.authorizerName);
            const described = await calls.may(iot, new DescribeAuthorizerCommand({ authorizerName: authorizer.authorizerName }), describeSchema, { arn });
            return { authorizer, arn, description: described?.authorizerDescription ?? undefined, tags: await readIotTags(ctx, calls, arn) };
          });
          for (const { authorizer, arn, description, tags } of details) {
            batch.add({ kind: KIND.iotAuthorizer, arn, name: authorizer.authorizerName, tags, raw: { authorizer: description ?? authorizer } });
            if (description?.authorizerFunctionArn) {
              batch.relate(arn, unqualifiedFunctionArn(lambdaFunctionArn(ctx, description.authorizerFunctionArn)), REL.invokes, KIND.lambdaFunction);
            }
          }
        },
      );
    }),
};
