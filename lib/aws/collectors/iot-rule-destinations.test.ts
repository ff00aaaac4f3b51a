import { describe, expect, it } from "vitest";
import { IoTClient, ListTopicRuleDestinationsCommand } from "@aws-sdk/client-iot";
import { iotRuleDestinationsCollector } from "@/lib/aws/collectors/iot-rule-destinations";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.rule-destinations", () => {
  it("records HTTP and VPC destinations without URL credentials", async () => {
    iot.on(ListTopicRuleDestinationsCommand).resolves({
      destinationSummaries: [
        { arn: `${ARN}:ruledestination/http/h1`, status: "ENABLED", httpUrlSummary: { confirmationUrl: "https://u:secret-pw@hooks.example.com/iot" } },
        { arn: `${ARN}:ruledestination/vpc/v1`, vpcDestinationSummary: { vpcId: "vpc-1", roleArn: "arn:aws:iam::123456789012:role/vpc-dest" } },
      ],
      nextToken: "n",
    });
    iot.on(ListTopicRuleDestinationsCommand, { nextToken: "n" }).resolves({ destinationSummaries: [] });
    const run = await runCollector(iotRuleDestinationsCollector, { mocks: [iot] });
    const vpc = storedRaw(run, KIND.iotTopicRuleDestination, "vpc-1").destination;
    expect([vpc.arn, vpc.vpcDestinationSummary?.vpcId, vpc.vpcDestinationSummary?.roleArn]).toEqual([`${ARN}:ruledestination/vpc/v1`, "vpc-1", "arn:aws:iam::123456789012:role/vpc-dest"]);
    const http = storedRaw(run, KIND.iotTopicRuleDestination, "https://redacted@hooks.example.com/iot").destination;
    expect([http.status, http.httpUrlSummary?.confirmationUrl]).toEqual(["ENABLED", "https://redacted@hooks.example.com/iot"]);
    expect(run.cursors).toEqual(["n", null]);
    expect(run.resources.map((r) => r.name)).toEqual(["https://redacted@hooks.example.com/iot", "vpc-1"]);
    expect(JSON.stringify(run.batches)).not.toContain("secret-pw");
    expect(edges(run)).toEqual([`${ARN}:ruledestination/vpc/v1 -assumes-role-> arn:aws:iam::123456789012:role/vpc-dest`]);
  });
});
