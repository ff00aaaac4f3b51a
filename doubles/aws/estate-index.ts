/**
 * Lookup structures over one region of the estate, built once per region on first use, so that
 * every API call costs a map lookup and a page slice, never a scan of the whole fleet.
 */
import { arns, type ArnScope } from "./arns";
import { hashString } from "./prng";
import type {
  Authorizer,
  BillingGroup,
  CaCertificate,
  Certificate,
  CloudTrailTrail,
  DomainConfiguration,
  DynamoDbTable,
  Estate,
  IamRole,
  IotJob,
  IotPolicy,
  JobTemplate,
  KinesisStream,
  KmsKey,
  LambdaFunction,
  LogGroup,
  ProvisioningTemplate,
  RegionEstate,
  RoleAlias,
  S3Bucket,
  SqsQueue,
  SnsTopic,
  Tags,
  Thing,
  ThingGroup,
  ThingType,
  TimestreamDatabase,
  TopicRule,
  TopicRuleDestination,
} from "./estate-types";

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class RegionIndex {
  readonly region: string;
  readonly scope: ArnScope;
  readonly data: RegionEstate;
  readonly estate: Estate;

  readonly thingByName: Map<string, number>;
  readonly thingsByType = new Map<string, number[]>();
  readonly thingsByGroup = new Map<string, number[]>();
  readonly thingsByBillingGroup = new Map<string, number[]>();
  readonly thingsByCertificate = new Map<string, number[]>();
  readonly thingTypeByName: Map<string, ThingType>;
  readonly groupByName: Map<string, ThingGroup>;
  readonly childGroups = new Map<string, string[]>();
  readonly billingGroupByName: Map<string, BillingGroup>;
  readonly certificateById: Map<string, Certificate>;
  /** Certificates oldest first (ListCertificates with isAscendingOrder). */
  readonly certificatesAscending: Certificate[];
  readonly caById: Map<string, CaCertificate>;
  /** Per CA certificate id: the certificates it issued, oldest first. */
  readonly certificatesByCa = new Map<string, Certificate[]>();
  readonly policyByName: Map<string, IotPolicy>;
  /** Per policy: the thing groups, then the certificates, it is attached to. */
  readonly policyGroupTargets = new Map<string, string[]>();
  readonly policyCertificateTargets = new Map<string, string[]>();
  readonly ruleByName: Map<string, TopicRule>;
  readonly destinationByArn: Map<string, TopicRuleDestination>;
  readonly jobById: Map<string, IotJob>;
  readonly jobTemplateById: Map<string, JobTemplate>;
  readonly roleAliasByName: Map<string, RoleAlias>;
  readonly authorizerByName: Map<string, Authorizer>;
  readonly domainByName: Map<string, DomainConfiguration>;
  readonly provisioningTemplateByName: Map<string, ProvisioningTemplate>;
  /** Tags of every taggable IoT resource, by ARN. */
  readonly iotTagsByArn = new Map<string, Tags>();

  readonly tableByName: Map<string, DynamoDbTable>;
  readonly functionByName: Map<string, LambdaFunction>;
  readonly streamByName: Map<string, KinesisStream>;
  readonly queueByName: Map<string, SqsQueue>;
  readonly topicByName: Map<string, SnsTopic>;
  readonly databaseByName: Map<string, TimestreamDatabase>;
  readonly keyById: Map<string, KmsKey>;
  readonly keyByAlias = new Map<string, KmsKey>();
  readonly logGroupByName: Map<string, LogGroup>;
  /** Trails visible in this region: its own, and other regions' multi-region trails (shadow trails). */
  readonly visibleTrails: CloudTrailTrail[];

  private readonly filterCache = new Map<string, number[]>();
  private readonly recursiveGroupCache = new Map<string, number[]>();

  /** False for a region the estate has nothing in (it answers with empty lists). */
  readonly inEstate: boolean;

  constructor(estate: Estate, region: string) {
    const data = estate.byRegion[region] ?? emptyRegion(region);
    this.inEstate = region in estate.byRegion;
    this.estate = estate;
    this.region = region;
    this.data = data;
    this.scope = { accountId: estate.accountId, region };
    const iot = data.iot;

    this.thingByName = new Map();
    iot.things.forEach((thing, i) => {
      this.thingByName.set(thing.name, i);
      if (thing.typeName) push(this.thingsByType, thing.typeName, i);
      for (const group of thing.groupNames) push(this.thingsByGroup, group, i);
      if (thing.billingGroupName) push(this.thingsByBillingGroup, thing.billingGroupName, i);
      for (const certId of thing.principals) push(this.thingsByCertificate, certId, i);
    });
    this.thingTypeByName = byKey(iot.thingTypes, (t) => t.name);
    this.groupByName = byKey(iot.thingGroups, (g) => g.name);
    for (const group of iot.thingGroups) if (group.parentName) push(this.childGroups, group.parentName, group.name);
    this.billingGroupByName = byKey(iot.billingGroups, (g) => g.name);
    this.certificateById = byKey(iot.certificates, (c) => c.id);
    this.certificatesAscending = [...iot.certificates].sort((a, b) => a.creationDate - b.creationDate || (a.id < b.id ? -1 : 1));
    this.caById = byKey(iot.caCertificates, (c) => c.id);
    for (const cert of this.certificatesAscending) if (cert.caCertificateId) push(this.certificatesByCa, cert.caCertificateId, cert);
    this.policyByName = byKey(iot.policies, (p) => p.name);
    for (const group of iot.thingGroups) for (const p of group.policyNames) push(this.policyGroupTargets, p, group.name);
    for (const cert of this.certificatesAscending) for (const p of cert.policyNames) push(this.policyCertificateTargets, p, cert.id);
    this.ruleByName = byKey(iot.topicRules, (r) => r.name);
    this.destinationByArn = byKey(iot.topicRuleDestinations, (d) => d.arn);
    this.jobById = byKey(iot.jobs, (j) => j.id);
    this.jobTemplateById = byKey(iot.jobTemplates, (j) => j.id);
    this.roleAliasByName = byKey(iot.roleAliases, (r) => r.name);
    this.authorizerByName = byKey(iot.authorizers, (a) => a.name);
    this.domainByName = byKey(iot.domainConfigurations, (d) => d.name);
    this.provisioningTemplateByName = byKey(iot.provisioningTemplates, (t) => t.name);

    const s = this.scope;
    const tag = (arn: string, tags: Tags) => this.iotTagsByArn.set(arn, tags);
    for (const t of iot.thingTypes) tag(arns.thingType(s, t.name), t.tags);
    for (const g of iot.thingGroups) tag(arns.thingGroup(s, g.name), g.tags);
    for (const g of iot.billingGroups) tag(arns.billingGroup(s, g.name), g.tags);
    for (const c of iot.caCertificates) tag(arns.caCertificate(s, c.id), c.tags);
    for (const p of iot.policies) tag(arns.policy(s, p.name), p.tags);
    for (const r of iot.topicRules) tag(arns.topicRule(s, r.name), r.tags);
    for (const j of iot.jobs) tag(arns.job(s, j.id), j.tags);
    for (const j of iot.jobTemplates) tag(arns.jobTemplate(s, j.id), j.tags);
    for (const r of iot.roleAliases) tag(arns.roleAlias(s, r.name), r.tags);
    for (const a of iot.authorizers) tag(arns.authorizer(s, a.name), a.tags);
    for (const d of iot.domainConfigurations) tag(this.domainArn(d), d.tags);
    for (const t of iot.provisioningTemplates) tag(arns.provisioningTemplate(s, t.name), t.tags);

    this.tableByName = byKey(data.dynamodbTables, (t) => t.name);
    this.functionByName = byKey(data.lambdaFunctions, (f) => f.name);
    this.streamByName = byKey(data.kinesisStreams, (k) => k.name);
    this.queueByName = byKey(data.sqsQueues, (q) => q.name);
    this.topicByName = byKey(data.snsTopics, (t) => t.name);
    this.databaseByName = byKey(data.timestreamDatabases, (d) => d.name);
    this.keyById = byKey(data.kmsKeys, (k) => k.id);
    for (const key of data.kmsKeys) for (const alias of key.aliases) this.keyByAlias.set(alias, key);
    this.logGroupByName = byKey(data.logGroups, (g) => g.name);
    this.visibleTrails = [
      ...data.cloudTrails,
      ...estate.regions
        .filter((r) => r !== region)
        .flatMap((r) => (estate.byRegion[r] as RegionEstate).cloudTrails.filter((t) => t.isMultiRegionTrail)),
    ];
  }

  thing(i: number): Thing {
    return this.data.iot.things[i] as Thing;
  }

  domainArn(d: DomainConfiguration): string {
    return arns.domainConfiguration(this.scope, d.name, d.name.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 6) || "dflt");
  }

  /**
   * Indices of the things ListThings returns for these filters (null: no filter, every thing).
   * Each distinct filter is computed once and kept.
   */
  thingsMatching(typeName: string | undefined, attributeName: string | undefined, attributeValue: string | undefined, prefix: boolean): readonly number[] | null {
    const byAttribute = attributeName !== undefined && attributeValue !== undefined;
    if (typeName === undefined && !byAttribute) return null;
    if (!byAttribute) return this.thingsByType.get(typeName as string) ?? [];
    const key = `${typeName ?? ""}\u0000${prefix ? "^" : "="}${attributeName}\u0000${attributeValue}`;
    let found = this.filterCache.get(key);
    if (!found) {
      found = [];
      const things = this.data.iot.things;
      const candidates = typeName === undefined ? null : (this.thingsByType.get(typeName) ?? []);
      const count = candidates ? candidates.length : things.length;
      for (let k = 0; k < count; k++) {
        const i = candidates ? (candidates[k] as number) : k;
        const v = (things[i] as Thing).attributes[attributeName as string];
        if (v !== undefined && (prefix ? v.startsWith(attributeValue as string) : v === attributeValue)) found.push(i);
      }
      if (this.filterCache.size >= 1000) this.filterCache.clear();
      this.filterCache.set(key, found);
    }
    return found;
  }

  /** Things in a group; with `recursive`, also those in its descendants (each thing once). */
  thingsInGroup(groupName: string, recursive: boolean): readonly number[] {
    if (!recursive) return this.thingsByGroup.get(groupName) ?? [];
    let found = this.recursiveGroupCache.get(groupName);
    if (!found) {
      const seen = new Set<number>();
      const visit = (name: string) => {
        for (const i of this.thingsByGroup.get(name) ?? []) seen.add(i);
        for (const child of this.childGroups.get(name) ?? []) visit(child);
      };
      visit(groupName);
      found = [...seen].sort((a, b) => a - b);
      this.recursiveGroupCache.set(groupName, found);
    }
    return found;
  }

  /** A group's ancestors, root first. */
  ancestors(groupName: string): ThingGroup[] {
    const chain: ThingGroup[] = [];
    let current = this.groupByName.get(groupName)?.parentName;
    while (current) {
      const group = this.groupByName.get(current);
      if (!group) break;
      chain.unshift(group);
      current = group.parentName;
    }
    return chain;
  }

  descendants(groupName: string): string[] {
    const out: string[] = [];
    const visit = (name: string) => {
      for (const child of this.childGroups.get(name) ?? []) {
        out.push(child);
        visit(child);
      }
    };
    visit(groupName);
    return out;
  }
}

/** A region where the account has created nothing: every list is empty, fleet indexing is off. */
function emptyRegion(region: string): RegionEstate {
  const id = hashString(region, 7).toString(36).padStart(7, "0").slice(0, 7);
  return {
    region,
    iot: {
      thingTypes: [],
      thingGroups: [],
      billingGroups: [],
      things: [],
      certificates: [],
      caCertificates: [],
      policies: [],
      topicRules: [],
      topicRuleDestinations: [],
      jobs: [],
      jobTemplates: [],
      roleAliases: [],
      authorizers: [],
      domainConfigurations: [],
      provisioningTemplates: [],
      indexing: {
        thingIndexingMode: "OFF",
        thingConnectivityIndexingMode: "OFF",
        namedShadowIndexingMode: "OFF",
        deviceDefenderIndexingMode: "OFF",
        thingGroupIndexingMode: "OFF",
        customFields: [],
      },
      logging: { roleArn: "", defaultLogLevel: "DISABLED", disableAllLogs: true },
      endpoints: {
        "iot:Data": `e${id}.iot.${region}.amazonaws.com`,
        "iot:Data-ATS": `e${id}-ats.iot.${region}.amazonaws.com`,
        "iot:CredentialProvider": `c${id}.credentials.iot.${region}.amazonaws.com`,
        "iot:Jobs": `j${id}.jobs.iot.${region}.amazonaws.com`,
      },
    },
    dynamodbTables: [],
    lambdaFunctions: [],
    kinesisStreams: [],
    sqsQueues: [],
    snsTopics: [],
    timestreamDatabases: [],
    kmsKeys: [],
    logGroups: [],
    cloudTrails: [],
  };
}

export class EstateIndex {
  readonly estate: Estate;
  private readonly regions = new Map<string, RegionIndex>();
  private readonly bucketByName: Map<string, S3Bucket>;
  private readonly sortedBuckets: S3Bucket[];
  private readonly roleByName: Map<string, IamRole>;

  constructor(estate: Estate) {
    this.estate = estate;
    this.sortedBuckets = [...estate.s3Buckets].sort((a, b) => (a.name < b.name ? -1 : 1));
    this.bucketByName = byKey(estate.s3Buckets, (b) => b.name);
    this.roleByName = byKey(estate.iamRoles, (r) => r.name);
  }

  /** S3 lists buckets in name order. */
  bucketsSorted(): readonly S3Bucket[] {
    return this.sortedBuckets;
  }

  bucket(name: string): S3Bucket | undefined {
    return this.bucketByName.get(name);
  }

  role(name: string): IamRole | undefined {
    return this.roleByName.get(name);
  }

  /** The region's index; a region outside the estate answers as an account with nothing in it. */
  region(region: string): RegionIndex {
    let index = this.regions.get(region);
    if (!index) {
      index = new RegionIndex(this.estate, region);
      this.regions.set(region, index);
    }
    return index;
  }
}
