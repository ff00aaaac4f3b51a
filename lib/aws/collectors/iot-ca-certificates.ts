import "server-only";
/**
 * IoT CA certificates registered for just-in-time registration or multi-account use. Per CA:
 * DescribeCACertificate (registration config, auto-registration), its tags, and the certificates it
 * issued (ListCertificatesByCA, 250 a call), which become "certificate issued-by CA" relations.
 */
import {
  DescribeCACertificateCommand,
  IoTClient,
  ListCACertificatesCommand,
  ListCertificatesByCACommand,
} from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { streamRelations } from "@/lib/aws/stream-relations";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotCaCertificatesPlan } from "@/lib/aws/collectors/iot-ca-certificates.plan";


const caSchema = z.looseObject({ certificateId: z.string().min(1), certificateArn: z.string().min(1).optional() });

const describeSchema = z.looseObject({
  certificateDescription: z.looseObject({}).nullish(),
  registrationConfig: z
    .looseObject({ roleArn: z.string().min(1).nullish(), templateName: z.string().min(1).nullish() })
    .nullish(),
});

const issuedPageSchema = z.looseObject({
  certificates: z
    .array(z.looseObject({ certificateId: z.string().min(1), certificateArn: z.string().min(1).optional() }))
    .nullish(),
  nextMarker: z.string().nullish(),
});

export const iotCaCertificatesCollector: CollectorDefinition = {
  ...iotCaCertificatesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListCACertificatesCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "certificates",
            next: "nextMarker",
            item: caSchema,
          }),
        async (cas, batch) => {
          const details = await mapConcurrent(cas, CONFIG_CONCURRENCY, async (ca) => {
            const arn = ca.certificateArn ?? iotArn(ctx, "cacert", ca.certificateId);
            const description = await calls.may(iot, new DescribeCACertificateCommand({ certificateId: ca.certificateId }), describeSchema, { arn });
            const tags = await readIotTags(ctx, calls, arn);
            // A CA may have issued every certificate of the fleet (100,000 relations): each page of
            // them is stored as it arrives, like a policy's targets.
            const issuedCount = await streamRelations(
              ctx,
              (marker) =>
                calls.may(
                  iot,
                  new ListCertificatesByCACommand({ caCertificateId: ca.certificateId, pageSize: PAGE_SIZE, marker }),
                  issuedPageSchema,
                  { arn },
                ),
              (page) => ({ items: page.certificates ?? [], next: page.nextMarker }),
              (certificate, edges) =>
                edges.relate(certificate.certificateArn ?? iotArn(ctx, "cert", certificate.certificateId), arn, REL.issuedBy, KIND.iotCaCertificate),
            );
            return { ca, arn, description, tags, issuedCount };
          });
          for (const { ca, arn, description, tags, issuedCount } of details) {
            batch.add({
              kind: KIND.iotCaCertificate,
              arn,
              name: ca.certificateId,
              tags,
              raw: {
                caCertificate: description?.certificateDescription ?? ca,
                ...(description?.registrationConfig ? { registrationConfig: description.registrationConfig } : {}),
                ...(issuedCount !== undefined ? { issuedCertificateCount: issuedCount } : {}),
              },
            });
            const registration = description?.registrationConfig;
            if (registration?.roleArn) batch.relate(arn, iamRoleArn(ctx, registration.roleArn), REL.assumesRole, KIND.iamRole);
            if (registration?.templateName) {
              batch.relate(arn, iotArn(ctx, "provisioningtemplate", registration.templateName), REL.uses, KIND.iotProvisioningTemplate);
            }
          }
        },
      );
    }),
};
