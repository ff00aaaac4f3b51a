import { describe, expect, it } from "vitest";
import { DescribeBillingGroupCommand, IoTClient, ListBillingGroupsCommand, ListThingsInBillingGroupCommand } from "@aws-sdk/client-iot";
import { iotBillingGroupsCollector } from "@/lib/aws/collectors/iot-billing-groups";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.billing-groups", () => {
  it("links member things to their billing group", async () => {
    iot.on(ListBillingGroupsCommand).resolves({ billingGroups: [{ groupName: "tenant-a" }] });
    iot.on(DescribeBillingGroupCommand).resolves({ billingGroupName: "tenant-a", billingGroupProperties: { billingGroupDescription: "A" } });
    iot.on(ListThingsInBillingGroupCommand).resolves({ things: ["sensor-1"] });
    const run = await runCollector(iotBillingGroupsCollector, { mocks: [iot] });
    const group = storedRaw(run, KIND.iotBillingGroup, "tenant-a");
    expect([group.billingGroup.billingGroupName, group.billingGroup.billingGroupProperties?.billingGroupDescription, group.memberCount]).toEqual(["tenant-a", "A", 1]);
    expect(edges(run)).toEqual([`${ARN}:thing/sensor-1 -member-of-> ${ARN}:billinggroup/tenant-a`]);
    expect(run.relations[0]?.toKind).toBe("AWS::IoT::BillingGroup");
    expect(resourceNamed(run, "tenant-a").raw).toMatchObject({ memberCount: 1, billingGroup: { billingGroupProperties: { billingGroupDescription: "A" } } });
  });
});
