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
});
