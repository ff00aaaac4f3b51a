import { describe, expect, it } from "vitest";
import { DescribeJobCommand, GetJobDocumentCommand, IoTClient, ListJobsCommand } from "@aws-sdk/client-iot";
import { iotJobsCollector } from "@/lib/aws/collectors/iot-jobs";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.jobs", () => {
  it("records targets, template and document", async () => {
    iot.on(ListJobsCommand).resolves({ jobs: [{ jobId: "fw-1.2", jobArn: `${ARN}:job/fw-1.2`, status: "IN_PROGRESS" }] });
    iot.on(DescribeJobCommand).resolves({
      documentSource: "https://s3.amazonaws.com/fleet-jobs/fw-1.2.json",
      job: {
        jobId: "fw-1.2",
        targets: [`${ARN}:thinggroup/europe`, `${ARN}:thing/sensor-9`],
        jobTemplateArn: `${ARN}:jobtemplate/firmware`,
        presignedUrlConfig: { roleArn: "arn:aws:iam::123456789012:role/service-role/iot-jobs-presign-role", expiresInSec: 3600 },
      },
    });
    iot.on(GetJobDocumentCommand).resolves({ document: '{"operation":"update","url":"${aws:iot:s3-presigned-url:https://s3/b/fw.bin}"}' });
    const run = await runCollector(iotJobsCollector, { mocks: [iot] });
    const job = storedRaw(run, KIND.iotJob, "fw-1.2");
    expect([job.job.status, job.job.targets, job.job.jobTemplateArn, job.job.presignedUrlConfig?.expiresInSec, job.documentSource, job.document]).toEqual([
      "IN_PROGRESS",
      [`${ARN}:thinggroup/europe`, `${ARN}:thing/sensor-9`],
      `${ARN}:jobtemplate/firmware`,
      3600,
      "https://s3.amazonaws.com/fleet-jobs/fw-1.2.json",
      { operation: "update", url: "${aws:iot:s3-presigned-url:https://s3/b/fw.bin}" },
    ]);
    expect(edges(run)).toEqual([
      `${ARN}:job/fw-1.2 -assumes-role-> arn:aws:iam::123456789012:role/service-role/iot-jobs-presign-role`,
      `${ARN}:job/fw-1.2 -created-from-> ${ARN}:jobtemplate/firmware`,
      `${ARN}:job/fw-1.2 -targets-> ${ARN}:thing/sensor-9`,
      `${ARN}:job/fw-1.2 -targets-> ${ARN}:thinggroup/europe`,
    ]);
    expect(run.relations.map((r) => r.toKind).sort()).toEqual(["AWS::IAM::Role", "AWS::IoT::JobTemplate", "AWS::IoT::Thing", "AWS::IoT::ThingGroup"]);
    expect(resourceNamed(run, "fw-1.2").raw).toMatchObject({
      job: { status: "IN_PROGRESS" },
      document: { operation: "update", url: "${aws:iot:s3-presigned-url:https://s3/b/fw.bin}" },
    });
  });

  it("stores the job document as JSON with its secrets and pre-signed URL signatures redacted", async () => {
    const signed = "https://fw.s3.amazonaws.com/firmware/2.1.0.bin?X-Amz-Credential=ASIAJOBCRED%2F20260101%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Security-Token=JOBSESSIONTOKEN&X-Amz-Signature=JOBSIGNATURE";
    iot.on(ListJobsCommand).resolves({ jobs: [{ jobId: "cfg", jobArn: `${ARN}:job/cfg` }, { jobId: "text", jobArn: `${ARN}:job/text` }] });
    iot.on(DescribeJobCommand).resolves({ job: {} });
    iot
      .on(GetJobDocumentCommand, { jobId: "cfg" })
      .resolves({ document: JSON.stringify({ operation: "configure", mqtt: { username: "dev", password: "MQTTPASS" }, steps: [{ download: signed }] }) })
      .on(GetJobDocumentCommand, { jobId: "text" })
      .resolves({ document: `run update.sh ${signed} --api-key=TEXTAPIKEY` });
    const run = await runCollector(iotJobsCollector, { mocks: [iot] });
    const cfg = resourceNamed(run, "cfg").raw.document as { operation: string; mqtt: Record<string, string>; steps: Array<{ download: string }> };
    expect(cfg.operation).toBe("configure");
    expect(cfg.mqtt).toEqual({ username: "dev", password: "[redacted]" });
    expect(cfg.steps[0]!.download).toMatch(/^https:\/\/fw\.s3\.amazonaws\.com\/firmware\/2\.1\.0\.bin\?/);
    const text = resourceNamed(run, "text").raw.document as string;
    expect(text).toMatch(/^run update\.sh https:\/\/fw\.s3\.amazonaws\.com\/firmware\/2\.1\.0\.bin\?/);
    for (const secret of ["MQTTPASS", "ASIAJOBCRED", "JOBSESSIONTOKEN", "JOBSIGNATURE", "TEXTAPIKEY"]) expect(JSON.stringify(run.resources)).not.toContain(secret);
  });
});
