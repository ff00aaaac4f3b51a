import "server-only";
/**
 * IoT jobs (every status AWS still lists). Per job: DescribeJob (targets, rollout, abort and timeout
 * configuration, template), GetJobDocument and its tags. Relations: job targets thing / thing
 * group, job created-from job template, job assumes-role the role AWS IoT uses to presign the S3
 * URLs in the job document (presignedUrlConfig). Job executions are per device and are not read.
 */
import { DescribeJobCommand, GetJobDocumentCommand, IoTClient, ListJobsCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { parseRawDocument } from "@/lib/aws/to-raw";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotJobsPlan } from "@/lib/aws/collectors/iot-jobs.plan";


const jobSummarySchema = z.looseObject({ jobId: z.string().min(1), jobArn: z.string().min(1).optional() });
const describeSchema = z.looseObject({
  documentSource: z.string().nullish(),
  job: z
    .looseObject({
      targets: z.array(z.string().min(1)).nullish(),
      jobTemplateArn: z.string().min(1).nullish(),
      presignedUrlConfig: z.looseObject({ roleArn: z.string().min(1).nullish() }).nullish(),
    })
    .nullish(),
});
const documentSchema = z.looseObject({ document: z.string().nullish() });

export const iotJobsCollector: CollectorDefinition = {
  ...iotJobsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListJobsCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "jobs",
            next: "nextToken",
            item: jobSummarySchema,
          }),
        async (jobs, batch) => {
          const details = await mapConcurrent(jobs, CONFIG_CONCURRENCY, async (summary) => {
            const arn = summary.jobArn ?? iotArn(ctx, "job", summary.jobId);
            const described = await calls.may(iot, new DescribeJobCommand({ jobId: summary.jobId }), describeSchema, { arn });
            const document = await calls.may(iot, new GetJobDocumentCommand({ jobId: summary.jobId }), documentSchema, { arn });
            const tags = await readIotTags(ctx, calls, arn);
            return { summary, arn, described, document, tags };
          });
          for (const { summary, arn, described, document, tags } of details) {
            const job = described?.job;
            batch.add({
              kind: KIND.iotJob,
              arn,
              name: summary.jobId,
              tags,
              raw: {
                job: job ? { ...summary, ...job } : summary,
                ...(described?.documentSource ? { documentSource: described.documentSource } : {}),
                // Parsed (JSON) and sanitised like any raw value: its secrets and pre-signed URL signatures redacted.
                ...(document?.document != null ? { document: parseRawDocument(document.document) } : {}),
              },
            });
            for (const target of job?.targets ?? []) {
              batch.relate(arn, target, REL.targets, kindOfArn(target) ?? KIND.iotThingGroup);
            }
            if (job?.jobTemplateArn) batch.relate(arn, job.jobTemplateArn, REL.createdFrom, KIND.iotJobTemplate);
            const presignRole = job?.presignedUrlConfig?.roleArn;
            if (presignRole) batch.relate(arn, iamRoleArn(ctx, presignRole), REL.assumesRole, KIND.iamRole);
          }
        },
      );
    }),
};
