import { describe, expect, it } from "vitest";
import { DescribeCertificateCommand, IoTClient, ListCertificatesCommand } from "@aws-sdk/client-iot";
import { iotCertificatesCollector } from "@/lib/aws/collectors/iot-certificates";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

function twoPagesOfCertificates() {
  iot.on(ListCertificatesCommand).resolves({
    certificates: [
      { certificateId: "aaa", certificateArn: `${ARN}:cert/aaa`, status: "ACTIVE" },
      { certificateId: "bbb", certificateArn: `${ARN}:cert/bbb`, status: "REVOKED" },
    ],
    nextMarker: "marker-2",
  });
  iot.on(ListCertificatesCommand, { marker: "marker-2" }).resolves({ certificates: [{ certificateId: "ccc", status: "ACTIVE" }] });
}

describe("iot.certificates", () => {
  it("walks ListCertificates by marker and pageSize -> nextMarker", async () => {
    twoPagesOfCertificates();
    const run = await runCollector(iotCertificatesCollector, { mocks: [iot] });
    expect(run.cursors).toEqual(["marker-2", null]);
    expect(iot.commandCalls(ListCertificatesCommand).map((c) => c.args[0].input)).toEqual([
      { pageSize: 250 },
      { pageSize: 250, marker: "marker-2" },
    ]);
    expect(resourceNamed(run, "ccc").arn).toBe(`${ARN}:cert/ccc`);
    expect(new Set(run.operations)).toEqual(new Set(["ListCertificates"]));
  });

  it("resumes from a marker", async () => {
    twoPagesOfCertificates();
    const run = await runCollector(iotCertificatesCollector, { mocks: [iot], resumeCursor: "marker-2" });
    expect(run.resources.map((r) => r.name)).toEqual(["ccc"]);
    expect(iot.commandCalls(ListCertificatesCommand)).toHaveLength(1);
  });

  it("describes each certificate in deep mode only", async () => {
    twoPagesOfCertificates();
    iot.on(DescribeCertificateCommand, { certificateId: "aaa" }).resolves({
      certificateDescription: { certificateId: "aaa", caCertificateId: "ca1", validity: { notAfter: new Date("2030-01-01T00:00:00Z") } },
    });
    iot.on(DescribeCertificateCommand, { certificateId: "bbb" }).rejects(awsError("ResourceNotFoundException", 404));
    const run = await runCollector(iotCertificatesCollector, { mocks: [iot], mode: "deep" });
    const aaa = storedRaw(run, KIND.iotCertificate, "aaa");
    expect([aaa.certificate.status, aaa.description?.caCertificateId, aaa.description?.validity?.notAfter]).toEqual(["ACTIVE", "ca1", "2030-01-01T00:00:00.000Z"]);
    expect(storedRaw(run, KIND.iotCertificate, "bbb").certificate.status).toBe("REVOKED");
    expect(run.operations.filter((op) => op === "DescribeCertificate")).toHaveLength(3);
    expect(resourceNamed(run, "aaa").raw).toMatchObject({
      description: { caCertificateId: "ca1", validity: { notAfter: "2030-01-01T00:00:00.000Z" } },
    });
    expect(resourceNamed(run, "bbb").raw.description).toBeUndefined();
    expect(resourceNamed(run, "bbb").gaps).toEqual([{ operation: "DescribeCertificate", code: "NotFound" }]);
    expect(resourceNamed(run, "aaa").gaps).toBeUndefined();
    expect(run.gaps).toEqual([expect.objectContaining({ code: "NotFound", operation: "DescribeCertificate", count: 1, arn: `${ARN}:cert/bbb` })]);
    expect(run.issues).toEqual([]);
  });
});
