import { describe, expect, it } from "vitest";
import { IoTClient, ListTagsForResourceCommand, ListThingTypesCommand } from "@aws-sdk/client-iot";
import { iotThingTypesCollector } from "@/lib/aws/collectors/iot-thing-types";
import { KIND } from "@/lib/aws/resource-kinds";
import { resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.thing-types", () => {
  it("records each type with its properties and every page of its tags", async () => {
    iot.on(ListThingTypesCommand).resolves({
      thingTypes: [
        {
          thingTypeName: "thermostat",
          thingTypeArn: `${ARN}:thingtype/thermostat`,
          thingTypeProperties: { searchableAttributes: ["site"] },
          thingTypeMetadata: { deprecated: false },
        },
      ],
    });
    iot.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: "a", Value: "1" }], nextToken: "t2" });
    iot.on(ListTagsForResourceCommand, { nextToken: "t2" }).resolves({ tags: [{ Key: "b", Value: "" }] });
    const run = await runCollector(iotThingTypesCollector, { mocks: [iot] });
    const type = storedRaw(run, KIND.iotThingType, "thermostat").thingType;
    expect([type.thingTypeProperties?.searchableAttributes, type.thingTypeMetadata?.deprecated]).toEqual([["site"], false]);
    expect(resourceNamed(run, "thermostat")).toMatchObject({
      kind: "AWS::IoT::ThingType",
      tags: { a: "1", b: "" },
      raw: { thingType: { thingTypeProperties: { searchableAttributes: ["site"] } } },
    });
  });
});
