import { describe, expect, it } from "vitest";
import { DescribeRoleAliasCommand, IoTClient, ListRoleAliasesCommand } from "@aws-sdk/client-iot";
import { iotRoleAliasesCollector } from "@/lib/aws/collectors/iot-role-aliases";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.role-aliases", () => {
  it("pages by marker over names and links each alias to its role", async () => {
    iot.on(ListRoleAliasesCommand).resolves({ roleAliases: ["camera-upload"], nextMarker: "m" });
    iot.on(ListRoleAliasesCommand, { marker: "m" }).resolves({ roleAliases: ["gone"] });
    iot.on(DescribeRoleAliasCommand, { roleAlias: "camera-upload" }).resolves({
      roleAliasDescription: { roleAlias: "camera-upload", roleAliasArn: `${ARN}:rolealias/camera-upload`, roleArn: "arn:aws:iam::123456789012:role/camera" },
    });
    const run = await runCollector(iotRoleAliasesCollector, { mocks: [iot] });
    expect(storedRaw(run, KIND.iotRoleAlias, "camera-upload").roleAlias.roleArn).toBe("arn:aws:iam::123456789012:role/camera");
    expect(storedRaw(run, KIND.iotRoleAlias, "gone").roleAlias).toEqual({ roleAlias: "gone" });
    expect(run.cursors).toEqual(["m", null]);
    expect(edges(run)).toEqual([`${ARN}:rolealias/camera-upload -assumes-role-> arn:aws:iam::123456789012:role/camera`]);
    expect(run.resources.map((r) => r.name)).toEqual(["camera-upload", "gone"]);
  });
});
