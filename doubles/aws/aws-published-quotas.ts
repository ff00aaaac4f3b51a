/**
 * The stand-in AWS's own copy of AWS's default API rate quotas (calls per second, per account and
 * region), written from AWS's published defaults and not imported from the product: the scanner
 * plans with lib/aws/default-quotas.ts, and the stand-in throttles by this table, so a rate the
 * product gets wrong shows up as throttling (or as a scan slower than its plan) in the tests.
 *
 * Source: the archived AWS IoT Core quota tables as summarised in the project's research note
 * "AWS IoT Core: what an inventory must read" (shared/research/aws-iot-inventory.md, section
 * "Default API rate limits (TPS, per account per region; historical defaults)"). Real accounts
 * can differ; these are the defaults an account starts with.
 *
 * doubles/aws/aws-published-quotas.test.ts checks that the product's table says the same wherever
 * both name an operation, so a change to one without the other fails.
 */

/** AWS IoT Core control plane, as published. */
export const PUBLISHED_IOT_QUOTAS: Readonly<Record<string, number>> = {
  DescribeThing: 350,
  ListThings: 10,
  ListThingTypes: 10,
  DescribeThingType: 10,
  ListThingGroups: 10,
  DescribeThingGroup: 100,
  ListThingsInThingGroup: 25,
  ListThingGroupsForThing: 10,
  ListThingPrincipals: 10,
  ListPrincipalThings: 10,
  ListPolicies: 10,
  GetPolicy: 10,
  ListPolicyVersions: 10,
  GetPolicyVersion: 15,
  ListAttachedPolicies: 15,
  ListTargetsForPolicy: 10,
  ListCertificates: 10,
  DescribeCertificate: 10,
  ListCACertificates: 10,
  ListCertificatesByCA: 10,
  ListJobs: 10,
  DescribeJob: 10,
  GetJobDocument: 10,
  ListRoleAliases: 10,
  DescribeRoleAlias: 10,
  ListAuthorizers: 10,
  ListTagsForResource: 10,
  // Fleet indexing
  GetIndexingConfiguration: 20,
  ListIndices: 5,
  SearchIndex: 15,
};

/**
 * IoT operations with no published figure (the research note found none for the topic rules;
 * DescribeCACertificate and DescribeAuthorizer are not in the archived table): the stand-in
 * throttles them like the list calls they resemble, 10 per second. An assumption, said as one.
 */
export const ASSUMED_IOT_QUOTAS: Readonly<Record<string, number>> = {
  ListTopicRules: 10,
  GetTopicRule: 10,
  DescribeCACertificate: 10,
  DescribeAuthorizer: 10,
};

/**
 * Every other operation, of IoT and of the other services (S3, DynamoDB, Lambda, IAM, KMS...):
 * their published limits are per-account request rates in the thousands or burst buckets that
 * an inventory never reaches one operation at a time, so the stand-in throttles them at a rate
 * low enough to show a scanner that ignores pacing: 20 per second.
 */
export const STAND_IN_OTHER_TPS = 20;

/** The rate the stand-in enforces for one operation (`service` is the SigV4 signing name: "iot", "s3"...). */
export function standInQuota(service: string, operation: string, overrides?: Record<string, number>): number {
  const override = overrides?.[`${service}:${operation}`] ?? (service === "iot" ? overrides?.[operation] : undefined);
  if (override !== undefined && override > 0) return override;
  if (service === "iot") return PUBLISHED_IOT_QUOTAS[operation] ?? ASSUMED_IOT_QUOTAS[operation] ?? STAND_IN_OTHER_TPS;
  return STAND_IN_OTHER_TPS;
}
