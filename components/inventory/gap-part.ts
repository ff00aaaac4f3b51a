/**
 * What part of a resource an operation reads, for telling a user what is missing when the
 * operation failed ("Tags not read"). The parts have their names in both languages under
 * inventory.resource.gapPart; an operation not listed here reads the resource's "details".
 */
export type GapPart =
  | "tags"
  | "members"
  | "principals"
  | "targets"
  | "versions"
  | "document"
  | "shadows"
  | "issuedCertificates"
  | "attachedPolicies"
  | "aliases"
  | "tables"
  | "destinations"
  | "configuration"
  | "details";

const PARTS: Record<string, GapPart> = {
  ListThingsInThingGroup: "members",
  ListThingsInBillingGroup: "members",
  ListThingPrincipals: "principals",
  ListTargetsForPolicy: "targets",
  ListPolicyVersions: "versions",
  GetPolicyVersion: "versions",
  GetPolicy: "document",
  GetJobDocument: "document",
  GetThingShadow: "shadows",
  ListNamedShadowsForThing: "shadows",
  ListCertificatesByCA: "issuedCertificates",
  ListAttachedRolePolicies: "attachedPolicies",
  ListAliases: "aliases",
  ListTables: "tables",
  ListTopicRuleDestinations: "destinations",
  GetBucketLocation: "configuration",
  GetBucketVersioning: "configuration",
  GetBucketEncryption: "configuration",
  GetPublicAccessBlock: "configuration",
  GetBucketReplication: "configuration",
  GetObjectLockConfiguration: "configuration",
  GetBucketLifecycleConfiguration: "configuration",
  DescribeContinuousBackups: "configuration",
  GetTrailStatus: "configuration",
  GetQueueAttributes: "configuration",
  GetTopicAttributes: "configuration",
  GetIndexingConfiguration: "configuration",
  GetV2LoggingOptions: "configuration",
};

export function gapPart(operation: string): GapPart {
  if (/Tag/.test(operation)) return "tags";
  return PARTS[operation] ?? "details";
}
