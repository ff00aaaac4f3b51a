import { describe, expect, it } from "vitest";
import { DescribeEndpointCommand, IoTClient } from "@aws-sdk/client-iot";
import { iotEndpointsCollector } from "@/lib/aws/collectors/iot-endpoints";
import { KIND } from "@/lib/aws/resource-kinds";
import { runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);

describe("iot.endpoints", () => {
  it("records one endpoint per type", async () => {
    iot.on(DescribeEndpointCommand).callsFake((input: { endpointType: string }) => ({
      endpointAddress: `${input.endpointType.replace(/\W/g, "").toLowerCase()}.iot.eu-west-1.amazonaws.com`,
    }));
    const run = await runCollector(iotEndpointsCollector, { mocks: [iot] });
    expect(storedRaw(run, KIND.iotEndpoint, "iot:Jobs")).toEqual({ endpointType: "iot:Jobs", endpointAddress: "iotjobs.iot.eu-west-1.amazonaws.com" });
    expect(run.resources.map((r) => [r.name, r.raw.endpointAddress])).toEqual([
      ["iot:Data-ATS", "iotdataats.iot.eu-west-1.amazonaws.com"],
      ["iot:CredentialProvider", "iotcredentialprovider.iot.eu-west-1.amazonaws.com"],
      ["iot:Jobs", "iotjobs.iot.eu-west-1.amazonaws.com"],
    ]);
    expect(run.resources[0]?.arn).toBe("arn:aws:iot:eu-west-1:123456789012:endpoint/iot:Data-ATS");
  });
});
