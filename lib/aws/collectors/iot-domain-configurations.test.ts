import { describe, expect, it } from "vitest";
import { DescribeDomainConfigurationCommand, IoTClient, ListDomainConfigurationsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-iot";
import { iotDomainConfigurationsCollector } from "@/lib/aws/collectors/iot-domain-configurations";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const ARN = "arn:aws:iot:eu-west-1:123456789012";

describe("iot.domain-configurations", () => {
  it("reads tags of custom domains only and links their default authorizer", async () => {
    iot.on(ListDomainConfigurationsCommand).resolves({
      domainConfigurations: [
        { domainConfigurationName: "iot:Data-ATS", domainConfigurationArn: `${ARN}:domainconfiguration/iot:Data-ATS/x` },
        { domainConfigurationName: "devices-example-com", domainConfigurationArn: `${ARN}:domainconfiguration/devices-example-com/y` },
      ],
    });
    iot.on(DescribeDomainConfigurationCommand, { domainConfigurationName: "devices-example-com" }).resolves({
      domainName: "devices.example.com",
      domainType: "CUSTOMER_MANAGED",
      authorizerConfig: { defaultAuthorizerName: "token-auth" },
    });
    const run = await runCollector(iotDomainConfigurationsCollector, { mocks: [iot] });
    const domain = storedRaw(run, KIND.iotDomainConfiguration, "devices-example-com").domainConfiguration;
    expect([domain.domainName, domain.domainType, domain.authorizerConfig?.defaultAuthorizerName]).toEqual(["devices.example.com", "CUSTOMER_MANAGED", "token-auth"]);
    expect(iot.commandCalls(ListTagsForResourceCommand).map((c) => c.args[0].input.resourceArn)).toEqual([
      `${ARN}:domainconfiguration/devices-example-com/y`,
    ]);
    expect(edges(run)).toEqual([`${ARN}:domainconfiguration/devices-example-com/y -uses-> ${ARN}:authorizer/token-auth`]);
  });
});
