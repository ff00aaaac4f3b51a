import "server-only";
/**
 * IoT provisioning templates (fleet provisioning and JITP): DescribeProvisioningTemplate (the
 * template body, provisioning role, pre-provisioning hook) and tags. Relations: template
 * assumes-role its provisioning role, template invokes its pre-provisioning hook function.
 */
import { DescribeProvisioningTemplateCommand, IoTClient, ListProvisioningTemplatesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, iotArn, lambdaFunctionArn, unqualifiedFunctionArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotProvisioningTemplatesPlan } from "@/lib/aws/collectors/iot-provisioning-templates.plan";


const summarySchema = z.looseObject({ templateName: z.string().min(1), templateArn: z.string().min(1).optional() });
const describeSchema = z.looseObject({
  templateBody: z.string().nullish(),
  provisioningRoleArn: z.string().min(1).nullish(),
  preProvisioningHook: z.looseObject({ targetArn: z.string().min(1).nullish() }).nullish(),
});

export const iotProvisioningTemplatesCollector: CollectorDefinition = {
  ...iotProvisioningTemplatesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListProvisioningTemplatesCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "templates",
            next: "nextToken",
            item: summarySchema,
          }),
        async (templates, batch) => {
          const details = await mapConcurrent(templates, CONFIG_CONCURRENCY, async (summary) => {
            const arn = summary.templateArn ?? iotArn(ctx, "provisioningtemplate", summary.templateName);
            const described = await calls.may(iot, new DescribeProvisioningTemplateCommand({ templateName: summary.templateName }), describeSchema, {
              arn,
            });
            return { summary, arn, described, tags: await readIotTags(ctx, calls, arn) };
          });
          for (const { summary, arn, described, tags } of details) {
            batch.add({
              kind: KIND.iotProvisioningTemplate,
              arn,
              name: summary.templateName,
              tags,
              raw: { provisioningTemplate: described ? { ...summary, ...described } : summary },
            });
            if (described?.provisioningRoleArn) batch.relate(arn, iamRoleArn(ctx, described.provisioningRoleArn), REL.assumesRole, KIND.iamRole);
            const hook = described?.preProvisioningHook?.targetArn;
            if (hook) batch.relate(arn, unqualifiedFunctionArn(lambdaFunctionArn(ctx, hook)), REL.invokes, KIND.lambdaFunction);
          }
        },
      );
    }),
};
