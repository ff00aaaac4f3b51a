import { describe, expect, it } from "vitest";
import { GetIndexingConfigurationCommand, IoTClient, ListIndicesCommand } from "@aws-sdk/client-iot";
import { iotIndexingCollector } from "@/lib/aws/collectors/iot-indexing";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);

describe("iot.indexing", () => {
  it("records the region's fleet indexing as one resource", async () => {
    iot.on(GetIndexingConfigurationCommand).resolves({ thingIndexingConfiguration: { thingIndexingMode: "REGISTRY_AND_SHADOW", thingConnectivityIndexingMode: "STATUS" } });
    iot.on(ListIndicesCommand).resolves({ indexNames: ["AWS_Things"] });
    const run = await runCollector(iotIndexingCollector, { mocks: [iot] });
    const indexing = storedRaw(run, KIND.iotFleetIndexing, "Fleet indexing (eu-west-1)");
    expect([indexing.thingIndexingMode, indexing.configuration?.thingIndexingConfiguration?.thingConnectivityIndexingMode, indexing.indexNames]).toEqual([
      "REGISTRY_AND_SHADOW",
      "STATUS",
      ["AWS_Things"],
    ]);
    expect(run.resources).toEqual([
      expect.objectContaining({
        kind: "AWS::IoT::FleetIndexing",
        arn: "arn:aws:iot:eu-west-1:123456789012:fleet-indexing",
        raw: expect.objectContaining({ thingIndexingMode: "REGISTRY_AND_SHADOW", indexNames: ["AWS_Things"] }),
      }),
    ]);
  });

  it("still records what it could read when a call is denied", async () => {
    iot.on(GetIndexingConfigurationCommand).rejects(awsError("AccessDeniedException", 403));
    const run = await runCollector(iotIndexingCollector, { mocks: [iot] });
    expect(run.resources[0]?.raw).toEqual({ indexNames: [], thingIndexingMode: null });
    expect(run.resources[0]?.gaps).toEqual([{ operation: "GetIndexingConfiguration", code: "AccessDenied" }]);
    expect(run.gaps).toEqual([expect.objectContaining({ code: "AccessDenied", operation: "GetIndexingConfiguration", count: 1 })]);
  });
});
