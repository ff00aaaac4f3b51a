import { describe, expect, it } from "vitest";
import { CloudWatchLogsClient, DescribeLogGroupsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-cloudwatch-logs";
import { logsLogGroupsCollector } from "@/lib/aws/collectors/logs-log-groups";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const logs = useAwsMock(CloudWatchLogsClient);
const LG = "arn:aws:logs:eu-west-1:123456789012:log-group";

describe("logs.log-groups", () => {
  it("records log groups without the :* suffix, with tags and key", async () => {
    logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: "/iot/rules", arn: `${LG}:/iot/rules:*`, retentionInDays: 30, kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k-4" }],
      nextToken: "n",
    });
    logs.on(DescribeLogGroupsCommand, { nextToken: "n" }).resolves({ logGroups: [{ logGroupName: "/aws/lambda/enrich", logGroupArn: `${LG}:/aws/lambda/enrich` }] });
    logs.on(ListTagsForResourceCommand, { resourceArn: `${LG}:/iot/rules` }).resolves({ tags: { team: "iot" } });
    const run = await runCollector(logsLogGroupsCollector, { mocks: [logs] });
    const group = storedRaw(run, KIND.logGroup, "/iot/rules").logGroup;
    expect([group.retentionInDays, group.kmsKeyId]).toEqual([30, "arn:aws:kms:eu-west-1:123456789012:key/k-4"]);
    expect(run.cursors).toEqual(["n", null]);
    expect(resourceNamed(run, "/iot/rules")).toMatchObject({ arn: `${LG}:/iot/rules`, tags: { team: "iot" }, raw: { logGroup: { retentionInDays: 30 } } });
    expect(edges(run)).toEqual([`${LG}:/iot/rules -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:key/k-4`]);
  });
});
