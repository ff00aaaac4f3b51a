import { describe, expect, it } from "vitest";
import { GetTopicRuleCommand, IoTClient, ListTagsForResourceCommand, ListTopicRuleDestinationsCommand, ListTopicRulesCommand } from "@aws-sdk/client-iot";
import { iotTopicRulesCollector } from "@/lib/aws/collectors/iot-topic-rules";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";
const ROLE = "arn:aws:iam::123456789012:role/iot-rules";

describe("iot.topic-rules", () => {
  it("relates each rule to its targets, including ones the inventory may not hold", async () => {
    iot.on(ListTopicRulesCommand).resolves({ rules: [{ ruleName: "to_lake", ruleArn: `${ARN}:rule/to_lake` }] });
    iot.on(GetTopicRuleCommand, { ruleName: "to_lake" }).resolves({
      ruleArn: `${ARN}:rule/to_lake`,
      rule: {
        ruleName: "to_lake",
        sql: "SELECT * FROM 'fleet/+/telemetry'",
        actions: [
          { s3: { bucketName: "telemetry-archive", key: "${topic()}", roleArn: ROLE } },
          { lambda: { functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:enrich" } },
        ],
        errorAction: { sqs: { queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/rule-errors", roleArn: ROLE } },
      },
    });
    iot.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: "owner", Value: "data-team" }] });
    const run = await runCollector(iotTopicRulesCollector, { mocks: [iot] });
    expect(edges(run)).toEqual([
      `${ARN}:rule/to_lake -assumes-role-> ${ROLE}`,
      `${ARN}:rule/to_lake -invokes-> arn:aws:lambda:eu-west-1:123456789012:function:enrich`,
      `${ARN}:rule/to_lake -writes-to-> arn:aws:s3:::telemetry-archive`,
      `${ARN}:rule/to_lake -writes-to-> arn:aws:sqs:eu-west-1:123456789012:rule-errors`,
    ]);
    // Whether the bucket exists is the engine's question: the relation says what it points at.
    expect(run.relations.find((r) => r.toArn.includes(":s3:"))?.toKind).toBe("AWS::S3::Bucket");
    expect(resourceNamed(run, "to_lake")).toMatchObject({ tags: { owner: "data-team" }, raw: { rule: { sql: "SELECT * FROM 'fleet/+/telemetry'" } } });
    const rule = storedRaw(run, KIND.iotTopicRule, "to_lake").rule;
    expect([rule.sql, rule.actions?.[0]?.s3?.bucketName, rule.actions?.[0]?.s3?.roleArn, rule.actions?.[1]?.lambda?.functionArn, rule.errorAction?.sqs?.queueUrl]).toEqual([
      "SELECT * FROM 'fleet/+/telemetry'",
      "telemetry-archive",
      ROLE,
      "arn:aws:lambda:eu-west-1:123456789012:function:enrich",
      "https://sqs.eu-west-1.amazonaws.com/123456789012/rule-errors",
    ]);
    // No HTTP action, so no need for the destinations.
    expect(run.operations).not.toContain("ListTopicRuleDestinations");
  });

  it("finds HTTP destinations once and stores no credentials", async () => {
    iot.on(ListTopicRulesCommand).resolves({ rules: [{ ruleName: "hook" }, { ruleName: "crm" }] });
    iot.on(GetTopicRuleCommand, { ruleName: "hook" }).resolves({
      rule: {
        actions: [
          {
            http: {
              url: "https://ops:hunter2@hooks.example.com/iot/ingest?api_key=k-123&site=lyon",
              headers: [
                { key: "Authorization", value: "Bearer sk-live-123" },
                { key: "x-api-key", value: "k-456" },
                { key: "Content-Type", value: "application/json" },
              ],
            },
          },
        ],
      },
    });
    iot.on(GetTopicRuleCommand, { ruleName: "crm" }).resolves({
      rule: {
        actions: [
          { salesforce: { token: "sf-token-789", url: "https://crm.example.com" } },
          { kafka: { destinationArn: `${ARN}:ruledestination/vpc/k1`, topic: "t", clientProperties: { "sasl.plain.password": "kafka-pw", "bootstrap.servers": "b:9092" } } },
        ],
      },
    });
    iot.on(ListTopicRuleDestinationsCommand).resolves({
      destinationSummaries: [{ arn: `${ARN}:ruledestination/http/h1`, httpUrlSummary: { confirmationUrl: "https://ops:hunter2@hooks.example.com/iot" } }],
    });
    const run = await runCollector(iotTopicRulesCollector, { mocks: [iot] });
    expect(iot.commandCalls(ListTopicRuleDestinationsCommand)).toHaveLength(1);
    expect(edges(run)).toContain(`${ARN}:rule/hook -uses-destination-> ${ARN}:ruledestination/http/h1`);
    expect(edges(run)).toContain(`${ARN}:rule/crm -uses-destination-> ${ARN}:ruledestination/vpc/k1`);
    const stored = JSON.stringify(run.batches);
    for (const secret of ["hunter2", "k-123", "sk-live-123", "k-456", "sf-token-789", "kafka-pw"]) expect(stored).not.toContain(secret);
    expect(stored).toContain("application/json");
    expect(stored).toContain("b:9092");
    const hook = storedRaw(run, KIND.iotTopicRule, "hook").rule.actions?.[0]?.http;
    expect([hook?.url, hook?.headers?.map((h) => h.value)]).toEqual([
      "https://redacted@hooks.example.com/iot/ingest?api_key=%5Bredacted%5D&site=lyon",
      ["[redacted]", "[redacted]", "application/json"],
    ]);
    const crm = storedRaw(run, KIND.iotTopicRule, "crm").rule.actions;
    expect([crm?.[0]?.salesforce?.token, crm?.[1]?.kafka?.clientProperties]).toEqual(["[redacted]", { "sasl.plain.password": "[redacted]", "bootstrap.servers": "b:9092" }]);
  });
});
