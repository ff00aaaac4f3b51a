import { describe, expect, it } from "vitest";
import { DescribeCACertificateCommand, IoTClient, ListCACertificatesCommand, ListCertificatesByCACommand } from "@aws-sdk/client-iot";
import { iotCaCertificatesCollector } from "@/lib/aws/collectors/iot-ca-certificates";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.ca-certificates", () => {
  it("links the certificates a CA issued to it, in summary mode", async () => {
    iot.on(ListCACertificatesCommand).resolves({ certificates: [{ certificateId: "ca1", certificateArn: `${ARN}:cacert/ca1` }] });
    iot.on(DescribeCACertificateCommand).resolves({
      certificateDescription: { certificateId: "ca1", autoRegistrationStatus: "ENABLE" },
      registrationConfig: { roleArn: "arn:aws:iam::123456789012:role/jitp", templateName: "jitp-template" },
    });
    iot.on(ListCertificatesByCACommand).resolves({ certificates: [{ certificateId: "d1", certificateArn: `${ARN}:cert/d1` }], nextMarker: "n" });
    iot.on(ListCertificatesByCACommand, { marker: "n" }).resolves({ certificates: [{ certificateId: "d2" }] });
    const run = await runCollector(iotCaCertificatesCollector, { mocks: [iot], mode: "summary" });
    const ca = storedRaw(run, KIND.iotCaCertificate, "ca1");
    expect([ca.caCertificate.certificateId, ca.caCertificate.autoRegistrationStatus, ca.registrationConfig?.roleArn, ca.registrationConfig?.templateName, ca.issuedCertificateCount]).toEqual([
      "ca1",
      "ENABLE",
      "arn:aws:iam::123456789012:role/jitp",
      "jitp-template",
      2,
    ]);
    expect(edges(run)).toEqual([
      `${ARN}:cacert/ca1 -assumes-role-> arn:aws:iam::123456789012:role/jitp`,
      `${ARN}:cacert/ca1 -uses-> ${ARN}:provisioningtemplate/jitp-template`,
      `${ARN}:cert/d1 -issued-by-> ${ARN}:cacert/ca1`,
      `${ARN}:cert/d2 -issued-by-> ${ARN}:cacert/ca1`,
    ]);
    expect(resourceNamed(run, "ca1").raw).toMatchObject({ issuedCertificateCount: 2, caCertificate: { autoRegistrationStatus: "ENABLE" } });
  });

  it("stores the relations of a CA that issued many certificates page by page, as they are read", async () => {
    iot.on(ListCACertificatesCommand).resolves({ certificates: [{ certificateId: "fleet-ca", certificateArn: `${ARN}:cacert/fleet-ca` }] });
    iot.on(DescribeCACertificateCommand).resolves({ certificateDescription: { certificateId: "fleet-ca" } });
    const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ certificateId: `c${from + i}`, certificateArn: `${ARN}:cert/c${from + i}` }));
    iot.on(ListCertificatesByCACommand).resolves({ certificates: page(0, 250), nextMarker: "p2" });
    iot.on(ListCertificatesByCACommand, { marker: "p2" }).resolves({ certificates: page(250, 250), nextMarker: "p3" });
    iot.on(ListCertificatesByCACommand, { marker: "p3" }).resolves({ certificates: page(500, 100) });
    const run = await runCollector(iotCaCertificatesCollector, { mocks: [iot], mode: "summary" });
    // One store per page of ListCertificatesByCA, none of them in the CA's own batch.
    expect(run.relationStores).toEqual([250, 250, 100]);
    expect(run.batches.flatMap((b) => b.relations).filter((r) => r.type === "issued-by")).toEqual([]);
    expect(edges(run).filter((e) => e.includes("-issued-by->"))).toHaveLength(600);
    expect(storedRaw(run, KIND.iotCaCertificate, "fleet-ca").issuedCertificateCount).toBe(600);
  });
});
