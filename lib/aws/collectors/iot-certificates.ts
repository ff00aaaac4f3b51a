import "server-only";
/**
 * IoT device certificates. Summary mode reads ListCertificates only (250 a call: id, ARN, status,
 * mode, creation date). Deep mode adds DescribeCertificate per certificate: validity, issuing CA,
 * owner, and the public PEM (private keys are never returned by AWS). Certificates cannot be tagged.
 *
 * The "certificate issued-by CA" relations come from the CA certificates collector
 * (ListCertificatesByCA, one list per CA), so they exist in summary mode too; "certificate
 * attached-to thing" comes from the things collector in deep mode.
 */
import { DescribeCertificateCommand, IoTClient, ListCertificatesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotCertificatesPlan } from "@/lib/aws/collectors/iot-certificates.plan";

const PER_CERTIFICATE_CONCURRENCY = 16;

const certificateSchema = z.looseObject({
  certificateId: z.string().min(1),
  certificateArn: z.string().min(1).optional(),
  status: z.string().optional(),
});

const describeSchema = z.looseObject({
  certificateDescription: z.looseObject({ caCertificateId: z.string().nullish() }).nullish(),
});

export const iotCertificatesCollector: CollectorDefinition = {
  ...iotCertificatesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListCertificatesCommand({ pageSize: PAGE_SIZE, marker: cursor ?? undefined }), {
            items: "certificates",
            next: "nextMarker",
            item: certificateSchema,
          }),
        async (certificates, batch) => {
          const described = await mapConcurrent(certificates, PER_CERTIFICATE_CONCURRENCY, async (certificate) => {
            const arn = certificate.certificateArn ?? iotArn(ctx, "cert", certificate.certificateId);
            const description =
              ctx.mode === "deep"
                ? await calls.may(iot, new DescribeCertificateCommand({ certificateId: certificate.certificateId }), describeSchema, { arn })
                : undefined;
            return { certificate, arn, description: description?.certificateDescription ?? undefined };
          });
          for (const { certificate, arn, description } of described) {
            batch.add({
              kind: KIND.iotCertificate,
              arn,
              name: certificate.certificateId,
              raw: { certificate, ...(description ? { description } : {}) },
            });
          }
        },
      );
    }),
};
