import { describe, expect, it } from "vitest";
import { GetQueueAttributesCommand, ListQueueTagsCommand, ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { sqsQueuesCollector } from "@/lib/aws/collectors/sqs-queues";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const sqs = useAwsMock(SQSClient);
const URL = "https://sqs.eu-west-1.amazonaws.com/123456789012";
const ARN = "arn:aws:sqs:eu-west-1:123456789012";

describe("sqs.queues", () => {
  it("reads attributes and tags, and relates KMS key and dead-letter queue", async () => {
    sqs.on(ListQueuesCommand).resolves({ QueueUrls: [`${URL}/alerts`], NextToken: "n" });
    sqs.on(ListQueuesCommand, { NextToken: "n" }).resolves({ QueueUrls: [`${URL}/alerts-dlq`] });
    sqs.on(GetQueueAttributesCommand, { QueueUrl: `${URL}/alerts` }).resolves({
      Attributes: {
        QueueArn: `${ARN}:alerts`,
        KmsMasterKeyId: "alias/aws/sqs",
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:alerts-dlq`, maxReceiveCount: 5 }),
      },
    });
    sqs.on(ListQueueTagsCommand, { QueueUrl: `${URL}/alerts` }).resolves({ Tags: { env: "prod" } });
    const run = await runCollector(sqsQueuesCollector, { mocks: [sqs] });
    const alerts = storedRaw(run, KIND.sqsQueue, "alerts");
    expect([alerts.queueUrl, alerts.attributes?.KmsMasterKeyId, JSON.parse(alerts.attributes?.RedrivePolicy ?? "{}").maxReceiveCount]).toEqual([`${URL}/alerts`, "alias/aws/sqs", 5]);
    expect(run.cursors).toEqual(["n", null]);
    expect(resourceNamed(run, "alerts")).toMatchObject({ arn: `${ARN}:alerts`, tags: { env: "prod" } });
    expect(resourceNamed(run, "alerts-dlq").arn).toBe(`${ARN}:alerts-dlq`);
    expect(edges(run)).toEqual([
      `${ARN}:alerts -dead-letters-to-> ${ARN}:alerts-dlq`,
      `${ARN}:alerts -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:alias/aws/sqs`,
    ]);
  });
});
