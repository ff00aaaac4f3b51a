/**
 * The shape of a generated AWS estate served by the stand-in AWS. Plain data: no classes, no
 * functions, safe to inspect from tests. Timestamps are epoch seconds. Field values follow what the
 * AWS APIs return (so a test can compare a scanned record with the estate directly).
 */

export const CFN_TYPES = [
  "AWS::IoT::Thing",
  "AWS::IoT::ThingType",
  "AWS::IoT::ThingGroup",
  "AWS::IoT::BillingGroup",
  "AWS::IoT::Certificate",
  "AWS::IoT::CACertificate",
  "AWS::IoT::Policy",
  "AWS::IoT::TopicRule",
  "AWS::IoT::TopicRuleDestination",
  "AWS::IoT::JobTemplate",
  "AWS::IoT::Job",
  "AWS::IoT::RoleAlias",
  "AWS::IoT::Authorizer",
  "AWS::IoT::DomainConfiguration",
  "AWS::IoT::ProvisioningTemplate",
  "AWS::IoT::FleetIndexing",
  "AWS::IoT::Logging",
  "AWS::IoT::Endpoint",
  "AWS::S3::Bucket",
  "AWS::DynamoDB::Table",
  "AWS::Lambda::Function",
  "AWS::Kinesis::Stream",
  "AWS::SQS::Queue",
  "AWS::SNS::Topic",
  "AWS::Timestream::Database",
  "AWS::Timestream::Table",
  "AWS::IAM::Role",
  "AWS::KMS::Key",
  "AWS::KMS::Alias",
  "AWS::Logs::LogGroup",
  "AWS::CloudTrail::Trail",
] as const;

export type CloudFormationType = (typeof CFN_TYPES)[number];

export type Tags = Readonly<Record<string, string>>;

export interface EstateOptions {
  seed: number;
  /** Twelve digits; defaults to "123456789012". */
  accountId?: string;
  regions: string[];
  thingsPerRegion: number;
  /** Put hostile strings (markup, control characters, formulas...) into a few tags and attributes. Default true. */
  hostile?: boolean;
}

export interface Estate {
  seed: number;
  accountId: string;
  partition: "aws";
  regions: string[];
  thingsPerRegion: number;
  hostile: boolean;
  /** IAM is global: roles are counted under "global". */
  iamRoles: IamRole[];
  /** S3 has one namespace; each bucket is located in one region. */
  s3Buckets: S3Bucket[];
  byRegion: Record<string, RegionEstate>;
}

export interface RegionEstate {
  region: string;
  iot: IotEstate;
  dynamodbTables: DynamoDbTable[];
  lambdaFunctions: LambdaFunction[];
  kinesisStreams: KinesisStream[];
  sqsQueues: SqsQueue[];
  snsTopics: SnsTopic[];
  timestreamDatabases: TimestreamDatabase[];
  kmsKeys: KmsKey[];
  logGroups: LogGroup[];
  /** Trails whose home region is this region (multi-region trails also show up elsewhere as shadow trails). */
  cloudTrails: CloudTrailTrail[];
}

// ---------------------------------------------------------------------------------------------
// AWS IoT Core

export interface IotEstate {
  thingTypes: ThingType[];
  thingGroups: ThingGroup[];
  billingGroups: BillingGroup[];
  things: Thing[];
  certificates: Certificate[];
  caCertificates: CaCertificate[];
  policies: IotPolicy[];
  topicRules: TopicRule[];
  topicRuleDestinations: TopicRuleDestination[];
  jobs: IotJob[];
  jobTemplates: JobTemplate[];
  roleAliases: RoleAlias[];
  authorizers: Authorizer[];
  domainConfigurations: DomainConfiguration[];
  provisioningTemplates: ProvisioningTemplate[];
  indexing: IndexingConfiguration;
  logging: LoggingOptions;
  endpoints: IotEndpoints;
}

export interface ThingType {
  name: string;
  id: string;
  description: string;
  searchableAttributes: string[];
  deprecated: boolean;
  deprecationDate?: number;
  creationDate: number;
  tags: Tags;
}

export interface DynamicGroupQuery {
  indexName: "AWS_Things";
  queryString: string;
  queryVersion: string;
  status: "ACTIVE" | "BUILDING" | "REBUILDING";
}

export interface ThingGroup {
  name: string;
  id: string;
  description: string;
  /** Static groups only. */
  parentName?: string;
  attributes: Tags;
  version: number;
  creationDate: number;
  /** Present for dynamic groups (fleet-indexing query). */
  dynamic?: DynamicGroupQuery;
  /** IoT policies attached to the group. */
  policyNames: readonly string[];
  tags: Tags;
}

export interface BillingGroup {
  name: string;
  id: string;
  description: string;
  version: number;
  creationDate: number;
  tags: Tags;
}

/**
 * Kept compact: 100,000 of these per region must fit comfortably in memory. Attribute maps and
 * group lists are shared between things with equal values; treat them as read-only.
 */
export interface Thing {
  name: string;
  typeName?: string;
  attributes: Tags;
  version: number;
  billingGroupName?: string;
  /** Static and dynamic groups the thing belongs to. */
  groupNames: readonly string[];
  /** Certificate ids attached as principals. */
  principals: readonly string[];
  /** Has a classic (unnamed) device shadow. */
  classicShadow: boolean;
  namedShadows: readonly string[];
}

export type CertificateStatus = "ACTIVE" | "INACTIVE" | "REVOKED" | "PENDING_TRANSFER";

export interface Certificate {
  id: string;
  status: CertificateStatus;
  mode: "DEFAULT" | "SNI_ONLY";
  /** Set when the certificate was issued by a CA certificate registered in this account. */
  caCertificateId?: string;
  creationDate: number;
  notBefore: number;
  notAfter: number;
  policyNames: readonly string[];
}

export interface CaCertificate {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  autoRegistrationStatus: "ENABLE" | "DISABLE";
  mode: "DEFAULT" | "SNI_ONLY";
  creationDate: number;
  notBefore: number;
  notAfter: number;
  registrationConfig?: { templateName?: string; roleArn?: string; templateBody?: string };
  tags: Tags;
}

export interface IotPolicyVersion {
  versionId: string;
  /** The policy document as stored: JSON text (one policy's default version is deliberately malformed). */
  document: string;
  isDefault: boolean;
  createDate: number;
}

export interface IotPolicy {
  name: string;
  defaultVersionId: string;
  versions: IotPolicyVersion[];
  creationDate: number;
  lastModifiedDate: number;
  tags: Tags;
}

export const RULE_ACTION_KINDS = [
  "s3",
  "dynamoDB",
  "dynamoDBv2",
  "lambda",
  "kinesis",
  "firehose",
  "sqs",
  "sns",
  "republish",
  "cloudwatchLogs",
  "cloudwatchMetric",
  "timestream",
  "http",
  "stepFunctions",
  "iotEvents",
] as const;

export type RuleActionKind = (typeof RULE_ACTION_KINDS)[number];

/** One rule action in the wire shape of the IoT API: exactly one key, the action kind. */
export type RuleAction = Partial<Record<RuleActionKind, Record<string, unknown>>>;

export interface TopicRule {
  name: string;
  sql: string;
  sqlVersion: "2016-03-23" | "2015-10-08";
  /** The topic filter named in the SQL FROM clause. */
  topicPattern: string;
  description: string;
  disabled: boolean;
  createdAt: number;
  actions: RuleAction[];
  errorAction?: RuleAction;
  tags: Tags;
}

export interface TopicRuleDestination {
  arn: string;
  status: "ENABLED" | "IN_PROGRESS" | "DISABLED" | "ERROR";
  statusReason?: string;
  createdAt: number;
  lastUpdatedAt: number;
  http?: { confirmationUrl: string };
  vpc?: { subnetIds: string[]; securityGroups: string[]; vpcId: string; roleArn: string };
}

export interface JobRolloutConfig {
  maximumPerMinute?: number;
  exponentialRate?: {
    baseRatePerMinute: number;
    incrementFactor: number;
    rateIncreaseCriteria: { numberOfNotifiedThings?: number; numberOfSucceededThings?: number };
  };
}

export interface JobAbortConfig {
  criteriaList: Array<{
    failureType: "FAILED" | "REJECTED" | "TIMED_OUT" | "ALL";
    action: "CANCEL";
    thresholdPercentage: number;
    minNumberOfExecutedThings: number;
  }>;
}

export interface IotJob {
  id: string;
  description: string;
  status: "IN_PROGRESS" | "CANCELED" | "COMPLETED" | "DELETION_IN_PROGRESS" | "SCHEDULED";
  targetSelection: "SNAPSHOT" | "CONTINUOUS";
  /** Thing group and thing ARNs. */
  targets: string[];
  document: string;
  createdAt: number;
  lastUpdatedAt: number;
  completedAt?: number;
  jobTemplateId?: string;
  rollout?: JobRolloutConfig;
  abort?: JobAbortConfig;
  timeoutMinutes?: number;
  presignedUrlRoleArn?: string;
  process: { succeeded: number; failed: number; queued: number; inProgress: number; canceled: number };
  tags: Tags;
}

export interface JobTemplate {
  id: string;
  description: string;
  document: string;
  createdAt: number;
  rollout?: JobRolloutConfig;
  abort?: JobAbortConfig;
  timeoutMinutes?: number;
  tags: Tags;
}

export interface RoleAlias {
  name: string;
  roleArn: string;
  credentialDurationSeconds: number;
  creationDate: number;
  lastModifiedDate: number;
  tags: Tags;
}

export interface Authorizer {
  name: string;
  functionArn: string;
  tokenKeyName?: string;
  tokenSigningPublicKeys: Record<string, string>;
  signingDisabled: boolean;
  status: "ACTIVE" | "INACTIVE";
  enableCachingForHttp: boolean;
  creationDate: number;
  lastModifiedDate: number;
  tags: Tags;
}

export interface DomainConfiguration {
  name: string;
  domainName: string;
  domainType: "ENDPOINT" | "AWS_MANAGED" | "CUSTOMER_MANAGED";
  serviceType: "DATA" | "CREDENTIAL_PROVIDER" | "JOBS";
  status: "ENABLED" | "DISABLED";
  serverCertificateArns: string[];
  defaultAuthorizerName?: string;
  securityPolicy: string;
  lastStatusChangeDate: number;
  tags: Tags;
}

export interface ProvisioningTemplate {
  name: string;
  description: string;
  type: "FLEET_PROVISIONING" | "JITP";
  enabled: boolean;
  templateBody: string;
  provisioningRoleArn: string;
  preProvisioningHookArn?: string;
  defaultVersionId: number;
  creationDate: number;
  lastModifiedDate: number;
  tags: Tags;
}

export interface IndexingConfiguration {
  thingIndexingMode: "OFF" | "REGISTRY" | "REGISTRY_AND_SHADOW";
  thingConnectivityIndexingMode: "OFF" | "STATUS";
  namedShadowIndexingMode: "OFF" | "ON";
  deviceDefenderIndexingMode: "OFF" | "VIOLATIONS";
  thingGroupIndexingMode: "OFF" | "ON";
  customFields: Array<{ name: string; type: "Number" | "String" | "Boolean" }>;
}

export interface LoggingOptions {
  roleArn: string;
  defaultLogLevel: "DEBUG" | "INFO" | "ERROR" | "WARN" | "DISABLED";
  disableAllLogs: boolean;
}

export interface IotEndpoints {
  "iot:Data": string;
  "iot:Data-ATS": string;
  "iot:CredentialProvider": string;
  "iot:Jobs": string;
}

// ---------------------------------------------------------------------------------------------
// The supporting stack

export interface S3Bucket {
  name: string;
  region: string;
  creationDate: number;
  /** Absent: versioning was never enabled. */
  versioning?: "Enabled" | "Suspended";
  /** Absent: no default encryption configuration (buckets created before 2023). */
  encryption?: { algorithm: "AES256" | "aws:kms"; kmsKeyArn?: string; bucketKeyEnabled: boolean };
  publicAccessBlock?: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  };
  replication?: {
    roleArn: string;
    rules: Array<{ id: string; priority: number; prefix: string; destinationBucketArn: string; storageClass: string; status: "Enabled" | "Disabled" }>;
  };
  objectLock?: { mode: "GOVERNANCE" | "COMPLIANCE"; days: number };
  lifecycleRules: Array<{
    id: string;
    prefix: string;
    status: "Enabled" | "Disabled";
    transitions: Array<{ days: number; storageClass: string }>;
    expirationDays?: number;
  }>;
  tags: Tags;
}

export interface DynamoDbTable {
  name: string;
  id: string;
  keySchema: Array<{ attributeName: string; attributeType: "S" | "N" | "B"; keyType: "HASH" | "RANGE" }>;
  billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  provisioned?: { read: number; write: number };
  /** Absent: encrypted with an AWS owned key (DescribeTable shows no SSEDescription). */
  sse?: { sseType: "KMS"; kmsKeyArn: string };
  pointInTimeRecovery: boolean;
  /** Regions of a global table (version 2019.11.21), this region included. */
  replicaRegions?: string[];
  streamEnabled: boolean;
  itemCount: number;
  sizeBytes: number;
  creationDate: number;
  tags: Tags;
}

export interface LambdaFunction {
  name: string;
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  roleArn: string;
  description: string;
  /** Names and values; the values are secrets a scanner must never store. */
  environment: Record<string, string>;
  kmsKeyArn?: string;
  architectures: Array<"x86_64" | "arm64">;
  codeSize: number;
  codeSha256: string;
  lastModified: number;
  tags: Tags;
}

export interface KinesisStream {
  name: string;
  mode: "PROVISIONED" | "ON_DEMAND";
  shardCount: number;
  retentionHours: number;
  encryption: "NONE" | "KMS";
  kmsKeyId?: string;
  creationDate: number;
  tags: Tags;
}

export interface SqsQueue {
  name: string;
  fifo: boolean;
  kmsKeyId?: string;
  sqsManagedSse: boolean;
  visibilityTimeout: number;
  messageRetentionPeriod: number;
  delaySeconds: number;
  maximumMessageSize: number;
  deadLetterTargetName?: string;
  maxReceiveCount?: number;
  createdTimestamp: number;
  tags: Tags;
}

export interface SnsTopic {
  name: string;
  displayName: string;
  kmsKeyId?: string;
  subscriptionsConfirmed: number;
  tags: Tags;
}

export interface TimestreamDatabase {
  name: string;
  kmsKeyArn: string;
  tables: TimestreamTable[];
  creationTime: number;
  lastUpdatedTime: number;
  tags: Tags;
}

export interface TimestreamTable {
  name: string;
  status: "ACTIVE" | "DELETING" | "RESTORING";
  memoryStoreRetentionHours: number;
  magneticStoreRetentionDays: number;
  magneticStoreWritesEnabled: boolean;
  creationTime: number;
  lastUpdatedTime: number;
  tags: Tags;
}

export interface KmsKey {
  id: string;
  description: string;
  keyUsage: "ENCRYPT_DECRYPT" | "SIGN_VERIFY";
  keySpec: string;
  enabled: boolean;
  keyState: "Enabled" | "Disabled" | "PendingDeletion";
  creationDate: number;
  /** Alias names, "alias/..." */
  aliases: string[];
  multiRegion: boolean;
  tags: Tags;
}

export interface LogGroup {
  name: string;
  retentionInDays?: number;
  kmsKeyArn?: string;
  creationTime: number;
  storedBytes: number;
  logGroupClass: "STANDARD" | "INFREQUENT_ACCESS";
  tags: Tags;
}

export interface CloudTrailTrail {
  name: string;
  homeRegion: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  isMultiRegionTrail: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidationEnabled: boolean;
  kmsKeyArn?: string;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  isLogging: boolean;
  isOrganizationTrail: boolean;
  tags: Tags;
}

export interface IamRole {
  name: string;
  path: string;
  id: string;
  createDate: number;
  description: string;
  /** JSON text (IAM returns it URL-encoded on the wire). */
  assumeRolePolicyDocument: string;
  maxSessionDuration: number;
  attachedPolicies: Array<{ name: string; arn: string }>;
  tags: Tags;
}
