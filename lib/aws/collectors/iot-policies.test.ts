import { describe, expect, it } from "vitest";
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IoTClient,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
} from "@aws-sdk/client-iot";
import { iotPoliciesCollector } from "@/lib/aws/collectors/iot-policies";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";
const goodDocument = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["iot:Connect", "iot:Publish"], Resource: "*" }],
});

describe("iot.policies", () => {
  it("reads documents, versions, targets and tags, with policy -> target relations", async () => {
    iot.on(ListPoliciesCommand).resolves({ policies: [{ policyName: "device", policyArn: `${ARN}:policy/device` }], nextMarker: "m2" });
    iot.on(ListPoliciesCommand, { marker: "m2" }).resolves({ policies: [{ policyName: "other" }] });
    iot.on(GetPolicyCommand).resolves({ policyDocument: goodDocument, defaultVersionId: "2" });
    iot.on(ListPolicyVersionsCommand, { policyName: "device" }).resolves({
      policyVersions: [
        { versionId: "2", isDefaultVersion: true },
        { versionId: "1", isDefaultVersion: false },
      ],
    });
    iot.on(GetPolicyVersionCommand, { policyName: "device", policyVersionId: "1" }).resolves({ policyDocument: '{"old":true}' });
    iot.on(ListTargetsForPolicyCommand, { policyName: "device" }).resolves({ targets: [`${ARN}:cert/abc`], nextMarker: "t2" });
    iot
      .on(ListTargetsForPolicyCommand, { policyName: "device", marker: "t2" })
      .resolves({ targets: [`${ARN}:thinggroup/fleet`, "eu-west-1:5f1c-identity"] });
    iot.on(ListTagsForResourceCommand, { resourceArn: `${ARN}:policy/device` }).resolves({ tags: [{ Key: "team", Value: "devices" }] });

    const run = await runCollector(iotPoliciesCollector, { mocks: [iot] });
    expect(run.cursors).toEqual(["m2", null]);
    const typed = storedRaw(run, KIND.iotPolicy, "device");
    expect([typed.policy.policyDocument, typed.policy.defaultVersionId, typed.documentValid, typed.targetCount, typed.versions.map((v) => [v.versionId, v.isDefaultVersion])]).toEqual([
      goodDocument,
      "2",
      true,
      3,
      [
        ["2", true],
        ["1", false],
      ],
    ]);
    const device = resourceNamed(run, "device");
    expect(device.tags).toEqual({ team: "devices" });
    expect(device.raw).toMatchObject({
      documentValid: true,
      targetCount: 3,
      versions: [
        { versionId: "2", isDefaultVersion: true, policyDocument: goodDocument },
        { versionId: "1", isDefaultVersion: false, policyDocument: '{"old":true}' },
      ],
    });
    expect(iot.commandCalls(GetPolicyVersionCommand)).toHaveLength(1);
    expect(edges(run)).toEqual(
      [
        `${ARN}:policy/device -attached-to-> ${ARN}:cert/abc`,
        `${ARN}:policy/device -attached-to-> ${ARN}:thinggroup/fleet`,
        `${ARN}:policy/device -attached-to-> arn:aws:cognito-identity:eu-west-1:123456789012:identity/eu-west-1:5f1c-identity`,
      ].sort(),
    );
    expect(run.relations.map((r) => r.toKind).sort()).toEqual(["AWS::Cognito::Identity", "AWS::IoT::Certificate", "AWS::IoT::ThingGroup"]);
  });

  it("keeps a malformed policy document as received, reports it and still records the policy", async () => {
    iot.on(ListPoliciesCommand).resolves({ policies: [{ policyName: "broken" }] });
    iot.on(GetPolicyCommand).resolves({ policyDocument: '{"Statement": [{"Effect": "Allow", "Action": "iot:*"' });
    const run = await runCollector(iotPoliciesCollector, { mocks: [iot] });
    const broken = resourceNamed(run, "broken");
    expect(broken.raw).toMatchObject({ documentValid: false, policy: { policyDocument: '{"Statement": [{"Effect": "Allow", "Action": "iot:*"' } });
    expect(run.issues).toEqual([
      expect.objectContaining({ code: "MalformedPolicy", severity: "warning", arn: `${ARN}:policy/broken` }),
    ]);
    expect(run.issues[0]?.message).toContain("not valid JSON");
  });

  it("records a denied secondary call as a gap instead of failing", async () => {
    iot.on(ListPoliciesCommand).resolves({ policies: [{ policyName: "device" }] });
    iot.on(GetPolicyCommand).resolves({ policyDocument: goodDocument });
    iot.on(ListTargetsForPolicyCommand).rejects(awsError("AccessDeniedException", 403));
    const run = await runCollector(iotPoliciesCollector, { mocks: [iot] });
    expect(run.resources).toHaveLength(1);
    expect(resourceNamed(run, "device").raw.targetCount).toBeUndefined();
    expect(resourceNamed(run, "device").gaps).toEqual([{ operation: "ListTargetsForPolicy", code: "AccessDenied" }]);
    expect(run.gaps).toEqual([expect.objectContaining({ code: "AccessDenied", operation: "ListTargetsForPolicy", count: 1 })]);
    expect(run.issues).toEqual([]);
  });
});
