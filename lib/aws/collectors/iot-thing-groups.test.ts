import { describe, expect, it } from "vitest";
import { DescribeThingGroupCommand, IoTClient, ListTagsForResourceCommand, ListThingGroupsCommand, ListThingsInThingGroupCommand } from "@aws-sdk/client-iot";
import { iotThingGroupsCollector } from "@/lib/aws/collectors/iot-thing-groups";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

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

  it("goes on to its next page when the tags always fail and DescribeThingGroup is not offered, keeping what the list said", async () => {
    iot.on(ListThingGroupsCommand).resolves({ thingGroups: [{ groupName: "a", groupArn: `${ARN}:thinggroup/a` }], nextToken: "p2" });
    iot.on(ListThingGroupsCommand, { nextToken: "p2" }).resolves({ thingGroups: [{ groupName: "b", groupArn: `${ARN}:thinggroup/b` }] });
    iot.on(DescribeThingGroupCommand).rejects(awsError("UnknownOperationException", 404, "op"));
    iot.on(ListTagsForResourceCommand).rejects(awsError("InternalFailureException", 500, "An unexpected error has occurred."));
    iot.on(ListThingsInThingGroupCommand).resolves({ things: ["sensor-1"] });
    const run = await runCollector(iotThingGroupsCollector, { mocks: [iot] });
    expect(run.cursors).toEqual(["p2", null]);
    for (const name of ["a", "b"]) {
      expect(resourceNamed(run, name)).toMatchObject({
        tags: {},
        raw: { group: { groupName: name }, memberCount: 1 },
        gaps: [
          { operation: "DescribeThingGroup", code: "OperationNotOffered" },
          { operation: "ListTagsForResource", code: "ServiceUnavailable" },
        ],
      });
    }
    // Asked once: the endpoint does not offer it. Counted for both groups, once per page.
    expect(iot.commandCalls(DescribeThingGroupCommand)).toHaveLength(1);
    expect(run.gaps.filter((g) => g.operation === "DescribeThingGroup").map((g) => g.count)).toEqual([1, 1]);
    expect(run.issues).toEqual([]);
  });
});
