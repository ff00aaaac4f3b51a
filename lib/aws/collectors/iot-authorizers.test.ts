import { describe, expect, it } from "vitest";
import { DescribeAuthorizerCommand, IoTClient, ListAuthorizersCommand } from "@aws-sdk/client-iot";
import { iotAuthorizersCollector } from "@/lib/aws/collectors/iot-authorizers";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.authorizers", () => {
  it("links each authorizer to the function it invokes", async () => {
    iot.on(ListAuthorizersCommand).resolves({ authorizers: [{ authorizerName: "token-auth", authorizerArn: `${ARN}:authorizer/token-auth` }] });
    iot.on(DescribeAuthorizerCommand).resolves({
      authorizerDescription: { authorizerFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:auth:1", signingDisabled: false },
    });
    const run = await runCollector(iotAuthorizersCollector, { mocks: [iot] });
    const authorizer = storedRaw(run, KIND.iotAuthorizer, "token-auth").authorizer;
    expect([authorizer.authorizerFunctionArn, authorizer.signingDisabled]).toEqual(["arn:aws:lambda:eu-west-1:123456789012:function:auth:1", false]);
    expect(edges(run)).toEqual([`${ARN}:authorizer/token-auth -invokes-> arn:aws:lambda:eu-west-1:123456789012:function:auth`]);
    expect(run.relations[0]?.toKind).toBe("AWS::Lambda::Function");
  });
});
