import {
  CreateThingCommand,
  DescribeAuthorizerCommand,
  DescribeBillingGroupCommand,
  DescribeCACertificateCommand,
  DescribeCertificateCommand,
  DescribeDomainConfigurationCommand,
  DescribeEndpointCommand,
  DescribeJobCommand,
  DescribeJobTemplateCommand,
  DescribeProvisioningTemplateCommand,
  DescribeRoleAliasCommand,
  DescribeThingCommand,
  DescribeThingGroupCommand,
  DescribeThingTypeCommand,
  GetIndexingConfigurationCommand,
  GetJobDocumentCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetTopicRuleCommand,
  GetTopicRuleDestinationCommand,
  GetV2LoggingOptionsCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListCertificatesByCACommand,
  ListBillingGroupsCommand,
  ListDomainConfigurationsCommand,
  ListIndicesCommand,
  ListPolicyVersionsCommand,
  ListPrincipalThingsCommand,
  ListPrincipalThingsV2Command,
  ListTagsForResourceCommand,
  ListThingGroupsCommand,
  ListThingGroupsForThingCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
  ListThingsInBillingGroupCommand,
  ListThingsInThingGroupCommand,
  ListThingTypesCommand,
  ListTopicRulesCommand,
  paginateListAuthorizers,
  paginateListCACertificates,
  paginateListCertificates,
  paginateListCertificatesByCA,
  paginateListJobs,
  paginateListJobTemplates,
  paginateListPolicies,
  paginateListProvisioningTemplates,
  paginateListRoleAliases,
  paginateListTargetsForPolicy,
  paginateListThings,
  paginateListTopicRuleDestinations,
  paginateListTopicRules,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient, ListNamedShadowsForThingCommand } from "@aws-sdk/client-iot-data-plane";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arns } from "./arns";
import { RULE_ACTION_KINDS, type RegionEstate } from "./estate";
import { clientConfig, failure, startTestStandIn, type TestStandIn } from "./test-support";

let t: TestStandIn;
let iot: IoTClient;
let region: RegionEstate;
const scope = { accountId: "123456789012", region: "eu-central-1" };

beforeAll(async () => {
  t = await startTestStandIn({ things: 1200 });
  iot = new IoTClient(clientConfig(t.server));
  region = t.estate.byRegion["eu-central-1"] as RegionEstate;
});
afterAll(() => t.server.stop());

async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<{ items: T[]; pages: number }> {
  const all: T[] = [];
  let n = 0;
  for await (const page of pages) {
    n++;
    all.push(...(items(page) ?? []));
  }
  return { items: all, pages: n };
}

describe("IoT control plane: pagination", () => {
  it("pages ListThings with nextToken/maxResults and returns every thing once", async () => {
    const { items, pages } = await collect(paginateListThings({ client: iot, pageSize: 100 }, {}), (p) => p.things);
    expect(pages).toBe(12);
    expect(items.map((x) => x.thingName)).toEqual(region.iot.things.map((x) => x.name));
    const first = items[0];
    expect(first?.thingArn).toBe(arns.thing(scope, region.iot.things[0]?.name as string));
    expect(first?.attributes).toEqual(region.iot.things[0]?.attributes);
  });

  it("pages marker/pageSize listings (nextMarker) to the end", async () => {
    const certs = await collect(paginateListCertificates({ client: iot, pageSize: 250 }, {}), (p) => p.certificates);
    expect(certs.items).toHaveLength(region.iot.certificates.length);
    expect(new Set(certs.items.map((c) => c.certificateId)).size).toBe(region.iot.certificates.length);
    // newest first unless ascending order is asked for
    const dates = certs.items.map((c) => c.creationDate?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const policies = await collect(paginateListPolicies({ client: iot, pageSize: 3 }, {}), (p) => p.policies);
    expect(policies.items.map((p) => p.policyName)).toEqual(region.iot.policies.map((p) => p.name));
    expect(policies.pages).toBe(Math.ceil(region.iot.policies.length / 3));
    const targets = await collect(paginateListTargetsForPolicy({ client: iot, pageSize: 50 }, { policyName: "DeviceTelemetryPolicy" }), (p) => p.targets);
    const expected = region.iot.certificates.filter((c) => c.policyNames.includes("DeviceTelemetryPolicy")).length;
    expect(targets.items).toHaveLength(expected);
  });

  it("hands out tokens that still work later, from another client, and rejects forged ones", async () => {
    const first = await iot.send(new ListThingsCommand({ maxResults: 50 }));
    const second = await iot.send(new ListThingsCommand({ maxResults: 50, nextToken: first.nextToken }));
    const later = new IoTClient(clientConfig(t.server));
    const again = await later.send(new ListThingsCommand({ maxResults: 50, nextToken: first.nextToken }));
    expect(again.things).toEqual(second.things);
    const forged = await failure(iot.send(new ListThingsCommand({ nextToken: "bm90LWEtdG9rZW4" })));
    expect(forged.name).toBe("InvalidRequestException");
    // a token belongs to its listing
    const other = await failure(iot.send(new ListThingsInThingGroupCommand({ thingGroupName: "factories", nextToken: first.nextToken })));
    expect(other.name).toBe("InvalidRequestException");
  });

  it("uses a default page size and enforces each operation's maximum", async () => {
    const page = await iot.send(new ListThingsCommand({}));
    expect(page.things).toHaveLength(25);
    const tooBig = await failure(iot.send(new ListThingsCommand({ maxResults: 251 })));
    expect(tooBig.name).toBe("InvalidRequestException");
    expect(tooBig.status).toBe(400);
    const rules = await iot.send(new ListTopicRulesCommand({ maxResults: 10_000 }));
    expect(rules.rules).toHaveLength(region.iot.topicRules.length);
    expect(rules.nextToken).toBeUndefined();
  });

  it("pages every other list operation to the end", async () => {
    const checks: Array<[Promise<{ items: unknown[] }>, number]> = [
      [collect(paginateListCACertificates({ client: iot, pageSize: 1 }, {}), (p) => p.certificates), region.iot.caCertificates.length],
      [collect(paginateListTopicRules({ client: iot, pageSize: 5 }, {}), (p) => p.rules), region.iot.topicRules.length],
      [collect(paginateListTopicRuleDestinations({ client: iot, pageSize: 1 }, {}), (p) => p.destinationSummaries), region.iot.topicRuleDestinations.length],
      [collect(paginateListJobs({ client: iot, pageSize: 2 }, {}), (p) => p.jobs), region.iot.jobs.length],
      [collect(paginateListJobTemplates({ client: iot, pageSize: 1 }, {}), (p) => p.jobTemplates), region.iot.jobTemplates.length],
      [collect(paginateListRoleAliases({ client: iot, pageSize: 1 }, {}), (p) => p.roleAliases), region.iot.roleAliases.length],
      [collect(paginateListAuthorizers({ client: iot, pageSize: 1 }, {}), (p) => p.authorizers), region.iot.authorizers.length],
      [collect(paginateListProvisioningTemplates({ client: iot, pageSize: 1 }, {}), (p) => p.templates), region.iot.provisioningTemplates.length],
    ];
    for (const [promise, expected] of checks) expect((await promise).items).toHaveLength(expected);
  });
});

describe("IoT control plane: registry", () => {
  it("filters things by type and attribute", async () => {
    const type = region.iot.things[0]?.typeName as string;
    const byType = await collect(paginateListThings({ client: iot, pageSize: 250 }, { thingTypeName: type }), (p) => p.things);
    expect(byType.items.length).toBe(region.iot.things.filter((x) => x.typeName === type).length);
    const byAttr = await collect(paginateListThings({ client: iot, pageSize: 250 }, { attributeName: "firmware", attributeValue: "1.0", usePrefixAttributeValue: true }), (p) => p.things);
    expect(byAttr.items.length).toBe(region.iot.things.filter((x) => x.attributes.firmware?.startsWith("1.0")).length);
    const both = await collect(paginateListThings({ client: iot, pageSize: 250 }, { thingTypeName: type, attributeName: "firmware", attributeValue: "2.1.0" }), (p) => p.things);
    expect(both.items.length).toBe(region.iot.things.filter((x) => x.typeName === type && x.attributes.firmware === "2.1.0").length);
    expect(both.items.every((x) => x.thingTypeName === type && x.attributes?.firmware === "2.1.0")).toBe(true);
  });

  it("describes things, types, groups and billing groups", async () => {
    const thing = region.iot.things.find((x) => x.billingGroupName && x.typeName) ?? region.iot.things[0];
    const d = await iot.send(new DescribeThingCommand({ thingName: thing?.name }));
    expect(d).toMatchObject({ thingName: thing?.name, thingTypeName: thing?.typeName, billingGroupName: thing?.billingGroupName, version: thing?.version, defaultClientId: thing?.name });
    expect(d.thingId).toMatch(/^[0-9a-f-]{36}$/);
    const type = await iot.send(new DescribeThingTypeCommand({ thingTypeName: region.iot.thingTypes[3]?.name }));
    expect(type.thingTypeMetadata?.deprecated).toBe(true);
    const types = await iot.send(new ListThingTypesCommand({ maxResults: 250 }));
    expect(types.thingTypes).toHaveLength(region.iot.thingTypes.length);

    const leaf = region.iot.thingGroups.find((g) => g.name.includes("-line-")) as (typeof region.iot.thingGroups)[number];
    const group = await iot.send(new DescribeThingGroupCommand({ thingGroupName: leaf.name }));
    expect(group.thingGroupMetadata?.parentGroupName).toBe(leaf.parentName);
    expect(group.thingGroupMetadata?.rootToParentThingGroups?.map((g) => g.groupName)).toHaveLength(2);
    const dynamic = await iot.send(new DescribeThingGroupCommand({ thingGroupName: "firmware-outdated" }));
    expect(dynamic).toMatchObject({ indexName: "AWS_Things", queryString: "attributes.firmware:1.0.*", status: "ACTIVE" });

    const billing = await iot.send(new ListBillingGroupsCommand({}));
    expect(billing.billingGroups).toHaveLength(region.iot.billingGroups.length);
    const bg = region.iot.billingGroups[0]?.name as string;
    expect((await iot.send(new DescribeBillingGroupCommand({ billingGroupName: bg }))).billingGroupName).toBe(bg);
    const members = await iot.send(new ListThingsInBillingGroupCommand({ billingGroupName: bg, maxResults: 250 }));
    expect(members.things?.length).toBeGreaterThan(0);
  });

  it("lists group membership directly and recursively, and groups of a thing", async () => {
    const direct = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: "factories", maxResults: 250 }));
    expect(direct.things).toEqual([]);
    const recursive = await collect(paginateListThingsIn(iot, "factories"), (p) => p.things);
    expect(recursive.items.length).toBeGreaterThan(0);
    const children = await iot.send(new ListThingGroupsCommand({ parentGroup: "factories", maxResults: 250 }));
    const descendants = await iot.send(new ListThingGroupsCommand({ parentGroup: "factories", recursive: true, maxResults: 250 }));
    expect(descendants.thingGroups?.length).toBeGreaterThan(children.thingGroups?.length ?? 0);
    const thing = region.iot.things.find((x) => x.groupNames.length >= 2) as (typeof region.iot.things)[number];
    const groups = await iot.send(new ListThingGroupsForThingCommand({ thingName: thing.name }));
    expect(groups.thingGroups?.map((g) => g.groupName)).toEqual([...thing.groupNames]);
  });

  it("links things and certificates both ways (v1 and v2)", async () => {
    const thing = region.iot.things.find((x) => x.principals.length === 2) as (typeof region.iot.things)[number];
    const principals = await iot.send(new ListThingPrincipalsCommand({ thingName: thing.name }));
    expect(principals.principals).toEqual(thing.principals.map((id) => arns.certificate(scope, id)));
    const back = await iot.send(new ListPrincipalThingsCommand({ principal: principals.principals?.[0] }));
    expect(back.things).toEqual([thing.name]);
    const v2 = await iot.send(new ListPrincipalThingsV2Command({ principal: principals.principals?.[0] }));
    expect(v2.principalThingObjects).toEqual([{ thingName: thing.name, thingPrincipalType: "NON_EXCLUSIVE_THING" }]);
    const cert = await iot.send(new DescribeCertificateCommand({ certificateId: thing.principals[0] }));
    expect(cert.certificateDescription?.status).toBe("INACTIVE");
    expect(cert.certificateDescription?.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(cert.certificateDescription?.validity?.notAfter).toBeInstanceOf(Date);
    const ca = region.iot.caCertificates[0];
    const caDesc = await iot.send(new DescribeCACertificateCommand({ certificateId: ca?.id }));
    expect(caDesc.certificateDescription?.autoRegistrationStatus).toBe("ENABLE");
    expect(caDesc.registrationConfig?.templateName).toBe("jitp-template");
  });

  it("lists the certificates each CA issued, page by page", async () => {
    for (const ca of region.iot.caCertificates) {
      const issued = region.iot.certificates.filter((c) => c.caCertificateId === ca.id);
      const listed = await collect(paginateListCertificatesByCA({ client: iot, pageSize: 100 }, { caCertificateId: ca.id }), (p) => p.certificates);
      expect(listed.items.map((c) => c.certificateId).sort()).toEqual(issued.map((c) => c.id).sort());
      expect(listed.pages).toBe(Math.max(1, Math.ceil(issued.length / 100)));
    }
    expect(region.iot.certificates.some((c) => c.caCertificateId)).toBe(true);
    const unknown = await failure(iot.send(new ListCertificatesByCACommand({ caCertificateId: "0".repeat(64) })));
    expect(unknown.name).toBe("ResourceNotFoundException");
  });
});

describe("IoT control plane: policies, rules, jobs and the rest", () => {
  it("returns policy documents as stored, the malformed one included", async () => {
    const broken = await iot.send(new GetPolicyCommand({ policyName: "BrokenImportPolicy" }));
    expect(() => JSON.parse(broken.policyDocument as string)).toThrow();
    expect(broken.defaultVersionId).toBe("2");
    const versions = await iot.send(new ListPolicyVersionsCommand({ policyName: "BrokenImportPolicy" }));
    expect(versions.policyVersions?.map((v) => [v.versionId, v.isDefaultVersion])).toEqual([
      ["1", false],
      ["2", true],
    ]);
    const v1 = await iot.send(new GetPolicyVersionCommand({ policyName: "BrokenImportPolicy", policyVersionId: "1" }));
    expect(JSON.parse(v1.policyDocument as string).Version).toBe("2012-10-17");
  });

  it("lists the policies attached to certificates and (recursively) thing groups", async () => {
    const cert = region.iot.certificates.find((c) => c.policyNames.length > 0) as (typeof region.iot.certificates)[number];
    const attached = await iot.send(new ListAttachedPoliciesCommand({ target: arns.certificate(scope, cert.id) }));
    expect(attached.policies?.map((p) => p.policyName)).toEqual([...cert.policyNames]);
    const site = region.iot.thingGroups.find((g) => g.parentName === "factories") as (typeof region.iot.thingGroups)[number];
    const direct = await iot.send(new ListAttachedPoliciesCommand({ target: arns.thingGroup(scope, site.name) }));
    expect(direct.policies).toEqual([]);
    const inherited = await iot.send(new ListAttachedPoliciesCommand({ target: arns.thingGroup(scope, site.name), recursive: true }));
    expect(inherited.policies?.map((p) => p.policyName)).toEqual(["GatewayPolicy"]);
  });

  it("returns topic rules with every action kind and resolves destinations by ARN", async () => {
    const list = await iot.send(new ListTopicRulesCommand({ maxResults: 1000 }));
    const kinds = new Set<string>();
    for (const item of list.rules ?? []) {
      const rule = await iot.send(new GetTopicRuleCommand({ ruleName: item.ruleName }));
      for (const action of rule.rule?.actions ?? []) for (const [k, v] of Object.entries(action)) if (v) kinds.add(k);
    }
    for (const kind of RULE_ACTION_KINDS) expect(kinds).toContain(kind);
    const orphan = await iot.send(new GetTopicRuleCommand({ ruleName: "orphaned_enrichment" }));
    expect(orphan.rule?.actions?.[0]?.lambda?.functionArn).toContain("telemetry-enricher-v0");
    expect(orphan.rule?.errorAction).toBeDefined();
    const disabled = await iot.send(new ListTopicRulesCommand({ ruleDisabled: true }));
    expect(disabled.rules?.every((r) => r.ruleDisabled)).toBe(true);
    const destination = region.iot.topicRuleDestinations[1];
    const got = await iot.send(new GetTopicRuleDestinationCommand({ arn: destination?.arn }));
    expect(got.topicRuleDestination?.vpcProperties?.vpcId).toBe(destination?.vpc?.vpcId);
  });

  it("describes jobs, templates, role aliases, authorizers, domains and provisioning templates", async () => {
    const job = region.iot.jobs[0];
    const described = await iot.send(new DescribeJobCommand({ jobId: job?.id }));
    expect(described.job?.targets).toEqual(job?.targets);
    expect(described.job?.jobExecutionsRolloutConfig?.exponentialRate?.incrementFactor).toBe(2);
    const doc = await iot.send(new GetJobDocumentCommand({ jobId: job?.id }));
    expect(doc.document).toBe(job?.document);
    const template = await iot.send(new DescribeJobTemplateCommand({ jobTemplateId: "firmware-rollout-template" }));
    expect(template.abortConfig?.criteriaList?.[0]?.action).toBe("CANCEL");
    const alias = await iot.send(new DescribeRoleAliasCommand({ roleAlias: "device-credentials-alias" }));
    expect(alias.roleAliasDescription?.roleArn).toContain(":role/service-role/iot-device-credentials-role");
    const authorizer = await iot.send(new DescribeAuthorizerCommand({ authorizerName: "token-authorizer" }));
    expect(authorizer.authorizerDescription?.authorizerFunctionArn).toContain(":function:device-authorizer");
    const domains = await iot.send(new ListDomainConfigurationsCommand({}));
    expect(domains.domainConfigurations?.map((d) => d.domainConfigurationName)).toContain("iot:Data-ATS");
    const domain = await iot.send(new DescribeDomainConfigurationCommand({ domainConfigurationName: "iot:Data-ATS" }));
    expect(domain.domainType).toBe("ENDPOINT");
    const fleet = await iot.send(new DescribeProvisioningTemplateCommand({ templateName: "fleet-provisioning-template" }));
    expect(fleet.type).toBe("FLEET_PROVISIONING");
    expect(JSON.parse(fleet.templateBody as string).Resources.thing.Type).toBe("AWS::IoT::Thing");
  });

  it("answers indexing, logging, endpoints and tags", async () => {
    const indexing = await iot.send(new GetIndexingConfigurationCommand({}));
    expect(indexing.thingIndexingConfiguration?.thingIndexingMode).toBe("REGISTRY_AND_SHADOW");
    expect((await iot.send(new ListIndicesCommand({}))).indexNames).toEqual(["AWS_Things", "AWS_ThingGroups"]);
    const logging = await iot.send(new GetV2LoggingOptionsCommand({}));
    expect(logging.roleArn).toContain("iot-logging-role");
    const ats = await iot.send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }));
    expect(ats.endpointAddress).toMatch(/-ats\.iot\.eu-central-1\.amazonaws\.com$/);
    const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: arns.thingGroup(scope, "factories") }));
    expect(tags.tags?.find((x) => x.Key === "hostile-1")?.Value).toBe("<script>alert(1)</script>");
  });

  it("answers a region with nothing in it as an empty account", async () => {
    const empty = new IoTClient(clientConfig(t.server, "ap-south-1"));
    expect((await empty.send(new ListThingsCommand({}))).things).toEqual([]);
    expect((await empty.send(new ListIndicesCommand({}))).indexNames).toEqual([]);
    expect((await failure(empty.send(new GetV2LoggingOptionsCommand({})))).name).toBe("NotConfiguredException");
  });
});

describe("IoT control plane: errors", () => {
  it("answers missing resources with the service's own errors", async () => {
    const thing = await failure(iot.send(new DescribeThingCommand({ thingName: "no-such-thing" })));
    expect(thing).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    // AWS IoT answers a missing rule with UnauthorizedException
    const rule = await failure(iot.send(new GetTopicRuleCommand({ ruleName: "no_such_rule" })));
    expect(rule).toMatchObject({ name: "UnauthorizedException", status: 401 });
  });

  it("refuses operations it does not serve, writes included", async () => {
    const write = await failure(iot.send(new CreateThingCommand({ thingName: "new-thing" })));
    expect(write).toMatchObject({ name: "UnknownOperationException", status: 404 });
    expect(t.server.stats().byOperation["iot:Unknown"]?.errors).toBeGreaterThan(0);
  });
});

describe("IoT data plane", () => {
  it("serves classic and named shadows", async () => {
    const data = new IoTDataPlaneClient(clientConfig(t.server));
    const thing = region.iot.things.find((x) => x.classicShadow && x.namedShadows.length > 0) as (typeof region.iot.things)[number];
    const classic = await data.send(new GetThingShadowCommand({ thingName: thing.name }));
    const doc = JSON.parse(new TextDecoder().decode(classic.payload));
    expect(doc.state.reported).toBeDefined();
    const named = await data.send(new ListNamedShadowsForThingCommand({ thingName: thing.name }));
    expect(named.results).toEqual([...thing.namedShadows]);
    const one = await data.send(new GetThingShadowCommand({ thingName: thing.name, shadowName: thing.namedShadows[0] }));
    expect(JSON.parse(new TextDecoder().decode(one.payload)).version).toBeGreaterThan(0);
    const none = region.iot.things.find((x) => !x.classicShadow) as (typeof region.iot.things)[number];
    expect((await failure(data.send(new GetThingShadowCommand({ thingName: none.name })))).name).toBe("ResourceNotFoundException");
  });
});

function paginateListThingsIn(client: IoTClient, group: string): AsyncIterable<{ things?: string[] }> {
  return {
    async *[Symbol.asyncIterator]() {
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListThingsInThingGroupCommand({ thingGroupName: group, recursive: true, maxResults: 250, nextToken }));
        yield page;
        nextToken = page.nextToken;
      } while (nextToken);
    },
  };
}
