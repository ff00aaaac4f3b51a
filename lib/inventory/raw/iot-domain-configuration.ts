import { z } from "zod";

/**
 * An AWS::IoT::DomainConfiguration (lib/aws/collectors/iot-domain-configurations.ts): the list
 * entry merged with DescribeDomainConfiguration: the domain devices connect to, its server
 * certificates, TLS policy and default authorizer. AWS-managed ones are named "iot:Data-ATS"...
 */
export const iotDomainConfigurationRawSchema = z.looseObject({
  domainConfiguration: z.looseObject({
    domainConfigurationName: z.string(),
    domainConfigurationArn: z.string().nullish(),
    domainName: z.string().nullish(),
    domainType: z.string().nullish(),
    serviceType: z.string().nullish(),
    domainConfigurationStatus: z.string().nullish(),
    lastStatusChangeDate: z.string().nullish(),
    serverCertificates: z
      .array(
        z.looseObject({
          serverCertificateArn: z.string().nullish(),
          serverCertificateStatus: z.string().nullish(),
          serverCertificateStatusDetail: z.string().nullish(),
        }),
      )
      .nullish(),
    authorizerConfig: z.looseObject({ defaultAuthorizerName: z.string().nullish(), allowAuthorizerOverride: z.boolean().nullish() }).nullish(),
    tlsConfig: z.looseObject({ securityPolicy: z.string().nullish() }).nullish(),
    authenticationType: z.string().nullish(),
    applicationProtocol: z.string().nullish(),
  }),
});

export type IotDomainConfigurationRaw = z.infer<typeof iotDomainConfigurationRawSchema>;
