import { describe, expect, it } from "vitest";
import { topicRuleTargets } from "@/lib/aws/topic-rule-targets";

const scope = { partition: "aws", region: "eu-west-1", accountId: "123456789012" };
const role = "arn:aws:iam::123456789012:role/service-role/iot-actions";

describe("topicRuleTargets", () => {
  it("links every action type to what it writes to, invokes, assumes or routes through", () => {
    const targets = topicRuleTargets(
      [
        { s3: { bucketName: "telemetry-archive", roleArn: role } },
        { dynamoDB: { tableName: "readings", roleArn: role } },
        { dynamoDBv2: { putItem: { tableName: "latest" }, roleArn: role } },
        { lambda: { functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:enrich:live" } },
        { kinesis: { streamName: "raw", roleArn: role } },
        { firehose: { deliveryStreamName: "to-lake", roleArn: role } },
        { sqs: { queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/alerts", roleArn: role } },
        { sns: { targetArn: "arn:aws:sns:eu-west-1:123456789012:ops", roleArn: role } },
        { timestream: { databaseName: "fleet", tableName: "metrics", roleArn: role } },
        { cloudwatchLogs: { logGroupName: "/iot/rules", roleArn: role } },
        { stepFunctions: { stateMachineName: "provision", roleArn: role } },
        { iotEvents: { inputName: "overheat", roleArn: role } },
        { iotAnalytics: { channelName: "ch" } },
        { location: { trackerName: "trucks", roleArn: role } },
        { kafka: { destinationArn: "arn:aws:iot:eu-west-1:123456789012:ruledestination/vpc/1" } },
        { http: { url: "https://hooks.example.com/iot/ingest" } },
        { republish: { roleArn: "arn:aws:iam::123456789012:role/republish" } },
      ],
      scope,
      [{ arn: "arn:aws:iot:eu-west-1:123456789012:ruledestination/http/2", confirmationUrl: "https://hooks.example.com/iot" }],
    );
    const edges = [...new Set(targets.map((t) => `${t.type} ${t.toArn} (${t.toKind})`))].sort();
    expect(edges).toEqual(
      [
        "assumes-role arn:aws:iam::123456789012:role/republish (AWS::IAM::Role)",
        `assumes-role ${role} (AWS::IAM::Role)`,
        "invokes arn:aws:lambda:eu-west-1:123456789012:function:enrich (AWS::Lambda::Function)",
        "invokes arn:aws:states:eu-west-1:123456789012:stateMachine:provision (AWS::StepFunctions::StateMachine)",
        "uses-destination arn:aws:iot:eu-west-1:123456789012:ruledestination/http/2 (AWS::IoT::TopicRuleDestination)",
        "uses-destination arn:aws:iot:eu-west-1:123456789012:ruledestination/vpc/1 (AWS::IoT::TopicRuleDestination)",
        "writes-to arn:aws:dynamodb:eu-west-1:123456789012:table/latest (AWS::DynamoDB::Table)",
        "writes-to arn:aws:dynamodb:eu-west-1:123456789012:table/readings (AWS::DynamoDB::Table)",
        "writes-to arn:aws:firehose:eu-west-1:123456789012:deliverystream/to-lake (AWS::KinesisFirehose::DeliveryStream)",
        "writes-to arn:aws:geo:eu-west-1:123456789012:tracker/trucks (AWS::Location::Tracker)",
        "writes-to arn:aws:iotanalytics:eu-west-1:123456789012:channel/ch (AWS::IoTAnalytics::Channel)",
        "writes-to arn:aws:iotevents:eu-west-1:123456789012:input/overheat (AWS::IoTEvents::Input)",
        "writes-to arn:aws:kinesis:eu-west-1:123456789012:stream/raw (AWS::Kinesis::Stream)",
        "writes-to arn:aws:logs:eu-west-1:123456789012:log-group:/iot/rules (AWS::Logs::LogGroup)",
        "writes-to arn:aws:s3:::telemetry-archive (AWS::S3::Bucket)",
        "writes-to arn:aws:sns:eu-west-1:123456789012:ops (AWS::SNS::Topic)",
        "writes-to arn:aws:sqs:eu-west-1:123456789012:alerts (AWS::SQS::Queue)",
        "writes-to arn:aws:timestream:eu-west-1:123456789012:database/fleet (AWS::Timestream::Database)",
      ].sort(),
    );
  });

  it("matches an HTTP action to the destination with its confirmation URL, else none", () => {
    const destinations = [
      { arn: "d-exact", confirmationUrl: "https://a.example.com/confirm" },
      { arn: "d-prefix", confirmationUrl: "https://a.example.com/" },
    ];
    const http = (url: string, confirmationUrl?: string) => topicRuleTargets([{ http: { url, confirmationUrl } }], scope, destinations);
    expect(http("https://a.example.com/ingest", "https://a.example.com/confirm")[0]?.toArn).toBe("d-exact");
    expect(http("https://a.example.com/ingest")[0]?.toArn).toBe("d-prefix");
    expect(http("https://b.example.com/ingest")).toEqual([]);
  });
});
