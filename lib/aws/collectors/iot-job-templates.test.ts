import { describe, expect, it } from "vitest";
import { DescribeJobTemplateCommand, IoTClient, ListJobTemplatesCommand } from "@aws-sdk/client-iot";
import { iotJobTemplatesCollector } from "@/lib/aws/collectors/iot-job-templates";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);

describe("iot.job-templates", () => {
  it("records each template with its document", async () => {
    iot.on(ListJobTemplatesCommand).resolves({ jobTemplates: [{ jobTemplateId: "firmware" }] });
    iot.on(DescribeJobTemplateCommand).resolves({ jobTemplateId: "firmware", document: '{"op":"update"}', timeoutConfig: { inProgressTimeoutInMinutes: 30 } });
    const run = await runCollector(iotJobTemplatesCollector, { mocks: [iot] });
    const template = storedRaw(run, KIND.iotJobTemplate, "firmware").jobTemplate;
    expect([template.document, template.timeoutConfig?.inProgressTimeoutInMinutes]).toEqual([{ op: "update" }, 30]);
    expect(resourceNamed(run, "firmware")).toMatchObject({
      arn: "arn:aws:iot:eu-west-1:123456789012:jobtemplate/firmware",
      raw: { jobTemplate: { document: { op: "update" }, timeoutConfig: { inProgressTimeoutInMinutes: 30 } } },
    });
    expect(edges(run)).toEqual([]);
  });

  it("stores the template's document as JSON with its secrets and pre-signed URL signatures redacted", async () => {
    iot.on(ListJobTemplatesCommand).resolves({ jobTemplates: [{ jobTemplateId: "provision" }] });
    iot.on(DescribeJobTemplateCommand).resolves({
      jobTemplateId: "provision",
      document: JSON.stringify({
        operation: "provision",
        claimCertificateUrl: "https://certs.s3.eu-west-1.amazonaws.com/claims/claim.pem?X-Amz-Credential=ASIATPLCRED&X-Amz-Signature=TPLSIG",
        apiToken: "TPLTOKEN",
      }),
    });
    const run = await runCollector(iotJobTemplatesCollector, { mocks: [iot] });
    const doc = (resourceNamed(run, "provision").raw.jobTemplate as { document: Record<string, string> }).document;
    expect(doc.operation).toBe("provision");
    expect(doc.apiToken).toBe("[redacted]");
    expect(doc.claimCertificateUrl).toContain("https://certs.s3.eu-west-1.amazonaws.com/claims/claim.pem?");
    for (const secret of ["ASIATPLCRED", "TPLSIG", "TPLTOKEN"]) expect(JSON.stringify(run.resources)).not.toContain(secret);
  });

  it("links a template to the role that presigns the URLs in its document", async () => {
    iot.on(ListJobTemplatesCommand).resolves({ jobTemplates: [{ jobTemplateId: "firmware" }] });
    iot.on(DescribeJobTemplateCommand).resolves({ jobTemplateId: "firmware", presignedUrlConfig: { roleArn: "arn:aws:iam::123456789012:role/presign", expiresInSec: 600 } });
    const run = await runCollector(iotJobTemplatesCollector, { mocks: [iot] });
    expect(storedRaw(run, KIND.iotJobTemplate, "firmware").jobTemplate.presignedUrlConfig).toEqual({ roleArn: "arn:aws:iam::123456789012:role/presign", expiresInSec: 600 });
    expect(edges(run)).toEqual(["arn:aws:iot:eu-west-1:123456789012:jobtemplate/firmware -assumes-role-> arn:aws:iam::123456789012:role/presign"]);
  });
});
