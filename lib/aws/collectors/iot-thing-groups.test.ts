import { describe, expect, it } from "vitest";
import { DescribeThingGroupCommand, IoTClient, ListTagsForResourceCommand, ListThingGroupsCommand, ListThingsInThingGroupCommand } from "@aws-sdk/client-iot";
import { iotThingGroupsCollector } from "@/lib/aws/collectors/iot-thing-groups";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.thing-groups", () => {
  it("records groups with their parent and every member, with hostile tag values unchanged", async () => {
    const hostile = { note: "<script>alert('x')</script>", formula: "=cmd|' /C calc'!A0", rtl: "\u202Egnp.exe", emoji: "🔥".repeat(3) };
    iot.on(ListThingGroupsCommand).resolves({
      thingGroups: [
        { groupName: "europe", groupArn: `${ARN}:thinggroup/europe` },
        { groupName: "lyon", groupArn: `${ARN}:thinggroup/lyon` },
      ],
    });
    iot.on(DescribeThingGroupCommand, { thingGroupName: "lyon" }).resolves({
      thingGroupName: "lyon",
      thingGroupMetadata: { parentGroupName: "europe" },
    });
    iot.on(DescribeThingGroupCommand, { thingGroupName: "europe" }).resolves({ thingGroupName: "europe", queryString: "attributes.region:eu" });
    iot.on(ListThingsInThingGroupCommand, { thingGroupName: "lyon" }).resolves({ things: ["sensor-1", "sensor-2"], nextToken: "more" });
    iot.on(ListThingsInThingGroupCommand, { thingGroupName: "lyon", nextToken: "more" }).resolves({ things: ["sensor-3"] });
    iot.on(ListTagsForResourceCommand, { resourceArn: `${ARN}:thinggroup/lyon` }).resolves({
      tags: Object.entries(hostile).map(([Key, Value]) => ({ Key, Value })),
    });
    const run = await runCollector(iotThingGroupsCollector, { mocks: [iot] });
    const lyon = storedRaw(run, KIND.iotThingGroup, "lyon");
    expect([lyon.group.thingGroupName, lyon.group.thingGroupMetadata?.parentGroupName, lyon.dynamic, lyon.memberCount]).toEqual(["lyon", "europe", false, 3]);
    expect(storedRaw(run, KIND.iotThingGroup, "europe").group.queryString).toBe("attributes.region:eu");
    expect(edges(run)).toEqual([
      `${ARN}:thing/sensor-1 -member-of-> ${ARN}:thinggroup/lyon`,
      `${ARN}:thing/sensor-2 -member-of-> ${ARN}:thinggroup/lyon`,
      `${ARN}:thing/sensor-3 -member-of-> ${ARN}:thinggroup/lyon`,
      `${ARN}:thinggroup/lyon -child-of-> ${ARN}:thinggroup/europe`,
    ]);
    expect(resourceNamed(run, "lyon")).toMatchObject({ tags: hostile, raw: { memberCount: 3, dynamic: false } });
    expect(resourceNamed(run, "europe").raw).toMatchObject({ dynamic: true, memberCount: 0 });
    expect(iot.commandCalls(ListThingsInThingGroupCommand)[0]?.args[0].input).toMatchObject({ recursive: false, maxResults: 250 });
  });
});
