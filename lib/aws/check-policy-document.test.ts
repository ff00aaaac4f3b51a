import { describe, expect, it } from "vitest";
import { checkPolicyDocument } from "@/lib/aws/check-policy-document";

describe("checkPolicyDocument", () => {
  it("accepts IoT policies with policy variables and IAM trust policies", () => {
    expect(
      checkPolicyDocument(
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "iot:Connect", Resource: "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}" }],
        }),
      ).ok,
    ).toBe(true);
    expect(
      checkPolicyDocument(JSON.stringify({ Statement: { Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole" } }))
        .ok,
    ).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["{not json", "not valid JSON"],
    ['{"Statement": []}', "policy grammar"],
    ['{"Statement": [{"Effect": "Maybe", "Action": "*"}]}', "policy grammar"],
    ['{"Statement": [{"Effect": "Allow"}]}', "Action"],
    ["[1,2]", "policy grammar"],
  ])("rejects %j", (text, reason) => {
    const check = checkPolicyDocument(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(reason);
  });
});
