import { describe, expect, it } from "vitest";
import { GetV2LoggingOptionsCommand, IoTClient } from "@aws-sdk/client-iot";
import { iotLoggingCollector } from "@/lib/aws/collectors/iot-logging";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);

describe("iot.logging", () => {
  it("records the logging options and their role", async () => {
    iot.on(GetV2LoggingOptionsCommand).resolves({ roleArn: "arn:aws:iam::123456789012:role/iot-logging", defaultLogLevel: "WARN" });
    const run = await runCollector(iotLoggingCollector, { mocks: [iot] });
    const logging = storedRaw(run, KIND.iotLogging, "IoT logging (eu-west-1)");
    expect(logging.configured ? [logging.options.defaultLogLevel, logging.options.roleArn] : []).toEqual(["WARN", "arn:aws:iam::123456789012:role/iot-logging"]);
    expect(run.resources[0]).toMatchObject({ kind: "AWS::IoT::Logging", raw: { configured: true, options: { defaultLogLevel: "WARN" } } });
    expect(edges(run)).toEqual(["arn:aws:iot:eu-west-1:123456789012:logging -assumes-role-> arn:aws:iam::123456789012:role/iot-logging"]);
  });

  it("treats NotConfiguredException as logging switched off", async () => {
    iot.on(GetV2LoggingOptionsCommand).rejects(awsError("NotConfiguredException", 400));
    const run = await runCollector(iotLoggingCollector, { mocks: [iot] });
    expect(storedRaw(run, KIND.iotLogging, "IoT logging (eu-west-1)").configured).toBe(false);
    expect(run.resources[0]?.raw).toEqual({ configured: false });
    expect(run.issues).toEqual([]);
  });
});
