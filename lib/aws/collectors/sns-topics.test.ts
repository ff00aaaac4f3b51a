import { describe, expect, it } from "vitest";
import { GetTopicAttributesCommand, ListTagsForResourceCommand, ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { snsTopicsCollector } from "@/lib/aws/collectors/sns-topics";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const sns = useAwsMock(SNSClient);
const ARN = "arn:aws:sns:eu-west-1:123456789012";

describe("sns.topics", () => {
  it("reads attributes and tags, and records a denied tag read as a gap", async () => {
    sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: `${ARN}:ops` }] });
    sns.on(GetTopicAttributesCommand).resolves({ Attributes: { DisplayName: "Ops", KmsMasterKeyId: "alias/aws/sns" } });
    sns.on(ListTagsForResourceCommand).rejects(awsError("AuthorizationError", 403));
    const run = await runCollector(snsTopicsCollector, { mocks: [sns] });
    const ops = storedRaw(run, KIND.snsTopic, "ops");
    expect([ops.topicArn, ops.attributes?.DisplayName, ops.attributes?.KmsMasterKeyId]).toEqual([`${ARN}:ops`, "Ops", "alias/aws/sns"]);
    expect(resourceNamed(run, "ops")).toMatchObject({ tags: {}, raw: { attributes: { DisplayName: "Ops" } } });
    expect(edges(run)).toEqual([`${ARN}:ops -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:alias/aws/sns`]);
    expect(resourceNamed(run, "ops").gaps).toEqual([{ operation: "ListTagsForResource", code: "AccessDenied" }]);
    expect(run.gaps).toEqual([expect.objectContaining({ code: "AccessDenied", operation: "ListTagsForResource", count: 1 })]);
    expect(run.issues).toEqual([]);
  });
});
