import { describe, expect, it } from "vitest";
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { iamRolesCollector } from "@/lib/aws/collectors/iam-roles";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iam = useAwsMock(IAMClient);
const ROLE = "arn:aws:iam::123456789012:role";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole" }] });

describe("iam.roles", () => {
  it("reads only the referenced roles of this account, in batches that resume by offset", async () => {
    iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => ({
      Role: {
        RoleName: input.RoleName,
        Arn: `${ROLE}/service-role/${input.RoleName}`,
        Path: "/service-role/",
        RoleId: "AROA",
        CreateDate: new Date("2024-01-01T00:00:00Z"),
        AssumeRolePolicyDocument: encodeURIComponent(trust),
        Tags: [{ Key: "owner", Value: "iot" }],
      },
    }));
    iam.on(GetRoleCommand, { RoleName: "deleted" }).rejects(awsError("NoSuchEntity", 404));
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: "AWSIoTRuleActions", PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSIoTRuleActions" }] });
    const referenced = {
      "AWS::IAM::Role": [
        `${ROLE}/service-role/iot-rules`,
        `${ROLE}/deleted`,
        "arn:aws:iam::999999999999:role/partner",
        `${ROLE}/service-role/iot-rules`,
      ],
    };
    const run = await runCollector(iamRolesCollector, { mocks: [iam], referenced });
    const role = storedRaw(run, KIND.iamRole, "iot-rules");
    expect([role.role.Arn, role.role.AssumeRolePolicyDocument, role.role.CreateDate, role.trustPolicyValid, role.attachedPolicies?.[0]?.PolicyArn]).toEqual([
      `${ROLE}/service-role/iot-rules`,
      trust,
      "2024-01-01T00:00:00.000Z",
      true,
      "arn:aws:iam::aws:policy/service-role/AWSIoTRuleActions",
    ]);
    expect(iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input.RoleName).sort()).toEqual(["deleted", "iot-rules"]);
    expect(run.resources.map((r) => r.arn)).toEqual([`${ROLE}/service-role/iot-rules`]);
    expect(resourceNamed(run, "iot-rules")).toMatchObject({
      region: "global",
      tags: { owner: "iot" },
      raw: { trustPolicyValid: true, role: { AssumeRolePolicyDocument: trust }, attachedPolicies: [{ PolicyName: "AWSIoTRuleActions" }] },
    });
    expect(run.issues).toEqual([]);
    expect(run.cursors).toEqual([null]);
  });

  it("resumes from an offset cursor and reports a malformed trust policy", async () => {
    iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => ({
      Role: { RoleName: input.RoleName, Arn: `${ROLE}/${input.RoleName}`, AssumeRolePolicyDocument: "%7Bnot-json" },
    }));
    const roles = Array.from({ length: 60 }, (_, i) => `${ROLE}/r${String(i).padStart(2, "0")}`);
    const first = await runCollector(iamRolesCollector, { mocks: [iam], referenced: { "AWS::IAM::Role": roles }, killAfterBatches: 1 });
    expect(first.cursors).toEqual(["offset:50"]);
    iam.resetHistory();
    const rest = await runCollector(iamRolesCollector, { mocks: [iam], referenced: { "AWS::IAM::Role": [...roles].reverse() }, resumeCursor: "offset:50" });
    expect(rest.resources.map((r) => r.name)).toEqual(roles.slice(50).map((arn) => arn.split("/").at(-1)));
    expect(rest.issues[0]).toMatchObject({ code: "MalformedPolicy", operation: "GetRole" });
    expect(rest.resources[0]?.raw).toMatchObject({ trustPolicyValid: false, role: { AssumeRolePolicyDocument: "{not-json" } });
  });
});
