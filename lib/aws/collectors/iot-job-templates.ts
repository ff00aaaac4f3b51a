import "server-only";
/**
 * IoT job templates: DescribeJobTemplate (the document and rollout, abort, timeout and retry
 * configuration) and tags per template. Relation: template assumes-role the role that presigns the
 * S3 URLs in its document (presignedUrlConfig).
 */
import { DescribeJobTemplateCommand, IoTClient, ListJobTemplatesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { parseRawDocument } from "@/lib/aws/to-raw";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotJobTemplatesPlan } from "@/lib/aws/collectors/iot-job-templates.plan";


const templateSchema = z.looseObject({ jobTemplateId: z.string().min(1), jobTemplateArn: z.string().min(1).optional() });
const describeSchema = z.looseObject({
  jobTemplateArn: z.string().nullish(),
  document: z.string().nullish(),
  presignedUrlConfig: z.looseObject({ roleArn: z.string().min(1).nullish() }).nullish(),
});

export const iotJobTemplatesCollector: CollectorDefinition = {
  ...iotJobTemplatesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListJobTemplatesCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "jobTemplates",
            next: "nextToken",
            item: templateSchema,
          }),
        async (templates, batch) => {
          const details = await mapConcurrent(templates, CONFIG_CONCURRENCY, async (template) => {
            const arn = template.jobTemplateArn ?? iotArn(ctx, "jobtemplate", template.jobTemplateId);
            const described = await calls.may(iot, new DescribeJobTemplateCommand({ jobTemplateId: template.jobTemplateId }), describeSchema, { arn });
            return { template, arn, described, tags: await readIotTags(ctx, calls, arn) };
          });
          for (const { template, arn, described, tags } of details) {
            batch.add({
              kind: KIND.iotJobTemplate,
              arn,
              name: template.jobTemplateId,
              tags,
              // The document parsed (JSON) and sanitised like any raw value: secrets and pre-signed URL signatures redacted.
              raw: { jobTemplate: described ? { ...template, ...described, ...(described.document != null ? { document: parseRawDocument(described.document) } : {}) } : template },
            });
            const presignRole = described?.presignedUrlConfig?.roleArn;
            if (presignRole) batch.relate(arn, iamRoleArn(ctx, presignRole), REL.assumesRole, KIND.iamRole);
          }
        },
      );
    }),
};
