/**
 * Default API rate quotas (calls per second, per account per region), from the archived AWS IoT
 * quota tables and the services' published defaults. Real accounts can differ: a connection may
 * override any entry. The stand-in AWS used by tests and the demo enforces the same table, so the
 * scanner's pacing is tested against the limits it plans for.
 */
export const DEFAULT_IOT_QUOTAS = {
  // AWS IoT Core control plane
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
  DescribeCACertificate: 10,
  ListCertificatesByCA: 10,
  ListJobs: 10,
  DescribeJob: 10,
  GetJobDocument: 10,
  ListRoleAliases: 10,
  DescribeRoleAlias: 10,
  ListAuthorizers: 10,
  DescribeAuthorizer: 10,
  ListTagsForResource: 10,
  GetIndexingConfiguration: 20,
  ListIndices: 5,
  SearchIndex: 15,
  // No published figure for topic rules; 10 is assumed, like the other list calls.
  ListTopicRules: 10,
  GetTopicRule: 10,
} as const satisfies Record<string, number>;

/** Rate used for any operation not in the table, and for every operation of the other services. */
export const FALLBACK_TPS = 20;

export type IotQuotaOperation = keyof typeof DEFAULT_IOT_QUOTAS;

/**
 * The rate for one operation of one service (`service` is the SigV4 signing name / SDK service id
 * in lower case: "iot", "s3", "dynamodb"...). Overrides are keyed "service:Operation" or, for IoT,
 * by the bare operation name.
 */
export function quotaFor(service: string, operation: string, overrides?: Record<string, number>): number {
  const override = overrides?.[`${service}:${operation}`] ?? (service === "iot" ? overrides?.[operation] : undefined);
  if (override !== undefined && override > 0) return override;
  if (service === "iot") return (DEFAULT_IOT_QUOTAS as Record<string, number>)[operation] ?? FALLBACK_TPS;
  return FALLBACK_TPS;
}
