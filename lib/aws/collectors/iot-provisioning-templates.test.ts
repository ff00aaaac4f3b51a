import { describe, expect, it } from "vitest";
import { DescribeProvisioningTemplateCommand, IoTClient, ListProvisioningTemplatesCommand } from "@aws-sdk/client-iot";
import { iotProvisioningTemplatesCollector } from "@/lib/aws/collectors/iot-provisioning-templates";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.provisioning-templates", () => {
  it("keeps the template body and links its role and pre-provisioning hook", async () => {
    iot.on(ListProvisioningTemplatesCommand).resolves({ templates: [{ templateName: "fleet", type: "FLEET_PROVISIONING" }] });
    iot.on(DescribeProvisioningTemplateCommand).resolves({
      templateBody: '{"Resources":{}}',
      provisioningRoleArn: "arn:aws:iam::123456789012:role/provisioner",
      preProvisioningHook: { targetArn: "arn:aws:lambda:eu-west-1:123456789012:function:check-serial" },
    });
    const run = await runCollector(iotProvisioningTemplatesCollector, { mocks: [iot] });
    const fleet = storedRaw(run, KIND.iotProvisioningTemplate, "fleet").provisioningTemplate;
    expect([fleet.type, fleet.templateBody, fleet.provisioningRoleArn, fleet.preProvisioningHook?.targetArn]).toEqual([
      "FLEET_PROVISIONING",
      '{"Resources":{}}',
      "arn:aws:iam::123456789012:role/provisioner",
      "arn:aws:lambda:eu-west-1:123456789012:function:check-serial",
    ]);
    expect(edges(run)).toEqual([
      `${ARN}:provisioningtemplate/fleet -assumes-role-> arn:aws:iam::123456789012:role/provisioner`,
      `${ARN}:provisioningtemplate/fleet -invokes-> arn:aws:lambda:eu-west-1:123456789012:function:check-serial`,
    ]);
    expect(resourceNamed(run, "fleet").raw).toMatchObject({ provisioningTemplate: { templateBody: '{"Resources":{}}', type: "FLEET_PROVISIONING" } });
  });
});
