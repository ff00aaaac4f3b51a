import { describe, expect, it } from "vitest";
import { kmsKeyReference, sqsQueueArnFromUrl, unqualifiedFunctionArn, iotArn, logGroupArn, withoutLogStreamWildcard } from "@/lib/aws/build-arn";
import { arnResourceName, kindOfArn, parseArn } from "@/lib/aws/parse-arn";

const scope = { partition: "aws", region: "eu-west-1", accountId: "123456789012" };

describe("ARNs", () => {
  it("builds the ARNs AWS gives", () => {
    expect(iotArn(scope, "thing", "sensor-1")).toBe("arn:aws:iot:eu-west-1:123456789012:thing/sensor-1");
    expect(logGroupArn(scope, "/aws/iot/logs")).toBe("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/iot/logs");
    expect(withoutLogStreamWildcard("arn:aws:logs:eu-west-1:1:log-group:x:*")).toBe("arn:aws:logs:eu-west-1:1:log-group:x");
    expect(unqualifiedFunctionArn("arn:aws:lambda:eu-west-1:1:function:ingest:prod")).toBe("arn:aws:lambda:eu-west-1:1:function:ingest");
  });

  it("turns SQS queue URLs of every form into ARNs", () => {
    expect(sqsQueueArnFromUrl(scope, "https://sqs.us-east-2.amazonaws.com/210987654321/orders.fifo")).toBe(
      "arn:aws:sqs:us-east-2:210987654321:orders.fifo",
    );
    expect(sqsQueueArnFromUrl(scope, "https://ap-south-1.queue.amazonaws.com/1/q")).toBe("arn:aws:sqs:ap-south-1:1:q");
    expect(sqsQueueArnFromUrl(scope, "http://localhost:4566/000000000000/q")).toBe("arn:aws:sqs:eu-west-1:000000000000:q");
    expect(sqsQueueArnFromUrl(scope, "queue")).toBeUndefined();
  });

  it("reads KMS references given as key id, key ARN, alias or alias ARN", () => {
    expect(kmsKeyReference(scope, "1234abcd-12ab-34cd-56ef-1234567890ab")).toEqual({
      arn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      kind: "AWS::KMS::Key",
    });
    expect(kmsKeyReference(scope, "alias/aws/sqs")).toEqual({ arn: "arn:aws:kms:eu-west-1:123456789012:alias/aws/sqs", kind: "AWS::KMS::Alias" });
    expect(kmsKeyReference(scope, "arn:aws:kms:us-east-1:1:alias/x")?.kind).toBe("AWS::KMS::Alias");
    expect(kmsKeyReference(scope, "arn:aws:s3:::nope")).toBeUndefined();
    expect(kmsKeyReference(scope, " ")).toBeUndefined();
  });

  it("knows the kind an ARN names", () => {
    expect(kindOfArn("arn:aws:iot:eu-west-1:1:thinggroup/g")).toBe("AWS::IoT::ThingGroup");
    expect(kindOfArn("arn:aws:iot:eu-west-1:1:cert/abc")).toBe("AWS::IoT::Certificate");
    expect(kindOfArn("arn:aws:s3:::bucket")).toBe("AWS::S3::Bucket");
    expect(kindOfArn("arn:aws:sqs:eu-west-1:1:q")).toBe("AWS::SQS::Queue");
    expect(kindOfArn("arn:aws:sns:eu-west-1:1:t")).toBe("AWS::SNS::Topic");
    expect(kindOfArn("arn:aws:timestream:eu-west-1:1:database/d/table/t")).toBe("AWS::Timestream::Table");
    expect(kindOfArn("arn:aws:lambda:eu-west-1:1:function:f")).toBe("AWS::Lambda::Function");
    expect(kindOfArn("arn:aws:ec2:eu-west-1:1:instance/i-1")).toBeUndefined();
    expect(kindOfArn("not-an-arn")).toBeUndefined();
    expect(parseArn("arn:aws-cn:iam::1:role/a/b")?.partition).toBe("aws-cn");
    expect(arnResourceName("arn:aws:iam::1:role/service-role/iot-rule")).toBe("iot-rule");
  });
});
