/**
 * Generates the AWS estate the stand-in AWS serves: an IoT Core fleet per region plus the stack
 * its rules write to. Deterministic: the same options always give the same estate, and each
 * region is generated from its own seed, so adding a region leaves the others unchanged.
 *
 * Things and certificates are the only collections that grow with `thingsPerRegion`; they are
 * kept small (shared attribute maps and group lists) so 100,000 things per region stay cheap.
 */
import { arns, awsQueueUrl, type ArnScope } from "./arns";
import {
  CFN_TYPES,
  type Authorizer,
  type BillingGroup,
  type CaCertificate,
  type Certificate,
  type CertificateStatus,
  type CloudFormationType,
  type CloudTrailTrail,
  type DomainConfiguration,
  type DynamoDbTable,
  type Estate,
  type EstateOptions,
  type IamRole,
  type IotJob,
  type IotPolicy,
  type JobTemplate,
  type KinesisStream,
  type KmsKey,
  type LambdaFunction,
  type LogGroup,
  type ProvisioningTemplate,
  type RegionEstate,
  type RoleAlias,
  type RuleAction,
  type S3Bucket,
  type SnsTopic,
  type SqsQueue,
  type Tags,
  type Thing,
  type ThingGroup,
  type ThingType,
  type TimestreamDatabase,
  type TimestreamTable,
  type TopicRule,
  type TopicRuleDestination,
} from "./estate-types";
import { HOSTILE_VALUE_LIST } from "./hostile-values";
import { Prng, hashString } from "./prng";

export * from "./estate-types";

export const DEFAULT_ACCOUNT_ID = "123456789012";

/** 2022-01-01T00:00:00Z: the oldest resources date from here. */
const EPOCH_START = 1_640_995_200;
/** 2025-06-30T00:00:00Z: the newest resources date from here. */
const EPOCH_END = 1_751_241_600;
/** What AWS IoT puts in notAfter for certificates it issues itself (2049-12-31T23:59:59Z). */
const AWS_ISSUED_NOT_AFTER = 2_524_607_999;
const DAY = 86_400;
const YEAR = 365 * DAY;

const THING_TYPE_CATALOGUE: ReadonlyArray<{ name: string; slug: string; models: string[]; gateway?: boolean }> = [
  { name: "TemperatureSensor", slug: "tempsensor", models: ["TS-100", "TS-200"] },
  { name: "EdgeGateway", slug: "gateway", models: ["GW-X1", "GW-X2"], gateway: true },
  { name: "SmartMeter", slug: "meter", models: ["SM-3", "SM-4"] },
  { name: "VibrationSensor", slug: "vibration", models: ["VB-10"] },
  { name: "AirQualityMonitor", slug: "airq", models: ["AQ-1", "AQ-2"] },
  { name: "Thermostat", slug: "thermostat", models: ["TH-5"] },
  { name: "FleetTracker", slug: "tracker", models: ["FT-7", "FT-8"] },
  { name: "ChargingStation", slug: "charger", models: ["CS-22"], gateway: true },
  { name: "WaterMeter", slug: "watermeter", models: ["WM-2"] },
  { name: "DoorLock", slug: "doorlock", models: ["DL-9"] },
  { name: "CameraUnit", slug: "camera", models: ["CU-4K"] },
  { name: "PressureSensor", slug: "pressure", models: ["PS-1"] },
  { name: "SolarInverter", slug: "inverter", models: ["SI-10", "SI-20"], gateway: true },
  { name: "BatteryPack", slug: "battery", models: ["BP-48"] },
  { name: "HvacController", slug: "hvac", models: ["HV-2"], gateway: true },
  { name: "LightingController", slug: "lighting", models: ["LC-1"] },
  { name: "AssetTag", slug: "assettag", models: ["AT-BLE"] },
  { name: "FlowMeter", slug: "flowmeter", models: ["FM-6"] },
  { name: "NoiseSensor", slug: "noise", models: ["NS-3"] },
  { name: "LegacyModem", slug: "modem", models: ["LM-56K"] },
];

const FIRMWARE_VERSIONS = ["1.0.3", "1.0.7", "1.2.0", "2.0.1", "2.1.0"] as const;
const CITY_NAMES = [
  "berlin", "munich", "hamburg", "lyon", "milan", "madrid", "vienna", "prague", "warsaw", "dublin", "oslo", "lisbon",
  "zurich", "brno", "porto", "turin", "graz", "gdansk", "bilbao", "ghent", "malmo", "tartu", "cork", "basel",
];
const BILLING_GROUP_NAMES = [
  "standard-tier", "premium-tier", "pilot-program", "internal-test", "partner-fleet", "emea-contract", "apac-contract", "legacy-plan",
];

// ---------------------------------------------------------------------------------------------

export function generateEstate(options: EstateOptions): Estate {
  const { seed, regions, thingsPerRegion } = options;
  if (!Number.isFinite(seed)) throw new Error("estate seed must be a finite number");
  if (regions.length === 0) throw new Error("estate needs at least one region");
  if (new Set(regions).size !== regions.length) throw new Error("estate regions must be unique");
  if (!Number.isInteger(thingsPerRegion) || thingsPerRegion < 0) throw new Error("thingsPerRegion must be a non-negative integer");
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) throw new Error("accountId must be twelve digits");

  const ctx: GenerationContext = {
    seed,
    accountId,
    hostile: options.hostile ?? true,
    regions: [...regions],
    bucketSuffix: new Prng(hashString("bucket-suffix", seed)).alnum(6),
  };

  const iamRoles = buildIamRoles(ctx);
  const s3Buckets: S3Bucket[] = [];
  const byRegion: Record<string, RegionEstate> = {};
  ctx.regions.forEach((region, index) => {
    const rng = new Prng(hashString(`region:${region}`, seed));
    byRegion[region] = buildRegion(ctx, rng, region, index, thingsPerRegion, s3Buckets);
  });
  wireCrossRegionBuckets(ctx, s3Buckets);

  return {
    seed,
    accountId,
    partition: "aws",
    regions: ctx.regions,
    thingsPerRegion,
    hostile: ctx.hostile,
    iamRoles,
    s3Buckets,
    byRegion,
  };
}

interface GenerationContext {
  seed: number;
  accountId: string;
  hostile: boolean;
  regions: string[];
  bucketSuffix: string;
}

/** "eu-central-1" -> "euc1", "ap-southeast-2" -> "apse2". */
export function regionShortCode(region: string): string {
  const directions: Record<string, string> = {
    north: "n", south: "s", east: "e", west: "w", central: "c", northeast: "ne", southeast: "se", northwest: "nw", southwest: "sw",
  };
  const parts = region.split("-");
  if (parts.length < 3) return region.replace(/[^a-z0-9]/g, "");
  const [area, direction, ...rest] = parts as [string, string, ...string[]];
  return `${area}${directions[direction] ?? direction.slice(0, 1)}${rest.join("")}`;
}

function hostileTag(ctx: GenerationContext, slot: number, base: Tags = {}): Tags {
  if (!ctx.hostile) return base;
  return { ...base, note: HOSTILE_VALUE_LIST[slot % HOSTILE_VALUE_LIST.length] as string };
}

function dateBetween(rng: Prng, from = EPOCH_START, to = EPOCH_END): number {
  return from + Math.floor(rng.next() * (to - from));
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function roleArn(ctx: GenerationContext, name: string): string {
  return arns.iamRole(ctx.accountId, name, "/service-role/");
}

// ---------------------------------------------------------------------------------------------
// IAM (global)

const ROLE_SPECS: ReadonlyArray<{ name: string; principal: string; policies: string[]; description: string }> = [
  { name: "iot-rule-s3-writer", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-s3-write"], description: "Topic rules write telemetry to S3" },
  { name: "iot-rule-dynamodb-writer", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-dynamodb-write"], description: "Topic rules write to DynamoDB" },
  { name: "iot-rule-kinesis-writer", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-kinesis-put"], description: "Topic rules write to Kinesis and Firehose" },
  { name: "iot-rule-messaging", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-sqs-sns"], description: "Topic rules publish to SQS and SNS" },
  { name: "iot-rule-republish", principal: "iot.amazonaws.com", policies: ["aws:service-role/AWSIoTRuleActions"], description: "Topic rules republish to MQTT" },
  { name: "iot-rule-cloudwatch", principal: "iot.amazonaws.com", policies: ["aws:CloudWatchFullAccess"], description: "Topic rules write metrics and logs" },
  { name: "iot-rule-timestream-writer", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-timestream-write"], description: "Topic rules write to Timestream" },
  { name: "iot-rule-stepfunctions", principal: "iot.amazonaws.com", policies: ["aws:AWSStepFunctionsFullAccess"], description: "Topic rules start state machines" },
  { name: "iot-rule-iotevents", principal: "iot.amazonaws.com", policies: ["aws:AWSIoTEventsFullAccess"], description: "Topic rules feed IoT Events" },
  { name: "iot-rule-http-sigv4", principal: "iot.amazonaws.com", policies: ["customer:iot-rule-http-invoke"], description: "Signs HTTP rule actions" },
  { name: "iot-logging-role", principal: "iot.amazonaws.com", policies: ["aws:service-role/AWSIoTLogging"], description: "AWS IoT writes its logs to CloudWatch" },
  { name: "iot-fleet-provisioning-role", principal: "iot.amazonaws.com", policies: ["aws:service-role/AWSIoTThingsRegistration"], description: "Fleet provisioning registers things" },
  { name: "iot-jitp-role", principal: "iot.amazonaws.com", policies: ["aws:service-role/AWSIoTThingsRegistration", "aws:service-role/AWSIoTLogging"], description: "Just-in-time provisioning" },
  { name: "iot-device-credentials-role", principal: "credentials.iot.amazonaws.com", policies: ["customer:device-telemetry-upload"], description: "Devices exchange certificates for AWS credentials" },
  { name: "iot-device-firmware-role", principal: "credentials.iot.amazonaws.com", policies: ["aws:AmazonS3ReadOnlyAccess"], description: "Devices download firmware" },
  { name: "iot-jobs-presign-role", principal: "iot.amazonaws.com", policies: ["customer:firmware-presign"], description: "Presigned URLs in job documents" },
  { name: "lambda-telemetry-processor-role", principal: "lambda.amazonaws.com", policies: ["aws:service-role/AWSLambdaBasicExecutionRole", "customer:telemetry-processor"], description: "Telemetry processing functions" },
  { name: "lambda-authorizer-role", principal: "lambda.amazonaws.com", policies: ["aws:service-role/AWSLambdaBasicExecutionRole"], description: "Custom authorizer function" },
  { name: "lambda-legacy-admin-role", principal: "lambda.amazonaws.com", policies: ["aws:AdministratorAccess"], description: "Legacy ingestion (over-privileged)" },
  { name: "s3-replication-role", principal: "s3.amazonaws.com", policies: ["customer:s3-replication"], description: "Replicates the telemetry archive" },
  { name: "cloudtrail-to-cloudwatch-role", principal: "cloudtrail.amazonaws.com", policies: ["customer:cloudtrail-logs-delivery"], description: "CloudTrail delivers to CloudWatch Logs" },
];

function buildIamRoles(ctx: GenerationContext): IamRole[] {
  const rng = new Prng(hashString("iam", ctx.seed));
  return ROLE_SPECS.map((spec, index) => ({
    name: spec.name,
    path: "/service-role/",
    id: `AROA${rng.alnum(17).toUpperCase()}`,
    createDate: dateBetween(rng, EPOCH_START, EPOCH_START + YEAR),
    description: spec.description,
    assumeRolePolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: spec.principal }, Action: "sts:AssumeRole" }],
    }),
    maxSessionDuration: 3600,
    attachedPolicies: spec.policies.map((ref) => {
      const [owner, name] = ref.split(":") as [string, string];
      const shortName = name.split("/").pop() as string;
      return owner === "aws"
        ? { name: shortName, arn: `arn:aws:iam::aws:policy/${name}` }
        : { name: shortName, arn: `arn:aws:iam::${ctx.accountId}:policy/${name}` };
    }),
    tags: index === 0 ? hostileTag(ctx, 6, { team: "iot-platform" }) : index % 3 === 0 ? {} : { team: "iot-platform", "cost-center": "cc-4410" },
  }));
}

// ---------------------------------------------------------------------------------------------
// One region

function buildRegion(
  ctx: GenerationContext,
  rng: Prng,
  region: string,
  regionIndex: number,
  n: number,
  s3Buckets: S3Bucket[],
): RegionEstate {
  const scope: ArnScope = { accountId: ctx.accountId, region };
  const short = regionShortCode(region);

  const kmsKeys = buildKmsKeys(ctx, rng.fork("kms"), scope);
  const keyArn = (alias: string) => {
    const key = kmsKeys.find((k) => k.aliases.includes(alias));
    if (!key) throw new Error(`no KMS key with ${alias}`);
    return arns.kmsKey(scope, key.id);
  };

  const buckets = buildBuckets(ctx, rng.fork("s3"), scope, short, regionIndex, keyArn);
  s3Buckets.push(...buckets);
  const dynamodbTables = buildTables(ctx, rng.fork("dynamodb"), scope, keyArn);
  const lambdaFunctions = buildFunctions(ctx, rng.fork("lambda"), keyArn);
  const kinesisStreams = buildStreams(ctx, rng.fork("kinesis"));
  const sqsQueues = buildQueues(ctx, rng.fork("sqs"), keyArn);
  const snsTopics = buildTopics(ctx, rng.fork("sns"));
  const timestreamDatabases = buildTimestream(ctx, rng.fork("timestream"), keyArn);
  const logGroups = buildLogGroups(ctx, rng.fork("logs"), lambdaFunctions, regionIndex, keyArn);
  const cloudTrails = buildTrails(ctx, scope, short, regionIndex, keyArn);

  const iot = buildIot(ctx, rng.fork("iot"), scope, short, n, {
    buckets,
    dynamodbTables,
    lambdaFunctions,
    kinesisStreams,
    sqsQueues,
    snsTopics,
    timestreamDatabases,
  });

  return {
    region,
    iot,
    dynamodbTables,
    lambdaFunctions,
    kinesisStreams,
    sqsQueues,
    snsTopics,
    timestreamDatabases,
    kmsKeys,
    logGroups,
    cloudTrails,
  };
}

function buildKmsKeys(ctx: GenerationContext, rng: Prng, scope: ArnScope): KmsKey[] {
  const specs: Array<Omit<KmsKey, "id" | "creationDate" | "tags"> & { tags?: Tags }> = [
    { description: "Telemetry archive bucket encryption", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, keyState: "Enabled", aliases: ["alias/iot-telemetry-s3"], multiRegion: false },
    { description: "DynamoDB tables encryption", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, keyState: "Enabled", aliases: ["alias/iot-dynamodb"], multiRegion: scope.region === ctx.regions[0] },
    { description: "Timestream telemetry database", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, keyState: "Enabled", aliases: ["alias/iot-timestream"], multiRegion: false },
    { description: "Lambda environment variables", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, keyState: "Enabled", aliases: ["alias/lambda-env", "alias/lambda-env-legacy"], multiRegion: false },
    { description: "Audit logs (CloudTrail, CloudWatch Logs)", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, keyState: "Enabled", aliases: ["alias/audit-logs"], multiRegion: false },
    { description: "Firmware signing", keyUsage: "SIGN_VERIFY", keySpec: "ECC_NIST_P256", enabled: true, keyState: "Enabled", aliases: ["alias/firmware-signing"], multiRegion: false },
    { description: "Retired key from the 2022 pilot", keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: false, keyState: "Disabled", aliases: [], multiRegion: false },
  ];
  return specs.map((spec, index) => ({
    ...spec,
    id: spec.multiRegion ? `mrk-${rng.hex(32)}` : rng.uuid(),
    creationDate: dateBetween(rng, EPOCH_START, EPOCH_START + YEAR),
    tags: index === 0 ? hostileTag(ctx, 3, { purpose: "telemetry" }) : index === 6 ? {} : { purpose: spec.aliases[0]?.slice(6) ?? "retired" },
  }));
}

function buildBuckets(
  ctx: GenerationContext,
  rng: Prng,
  scope: ArnScope,
  short: string,
  regionIndex: number,
  keyArn: (alias: string) => string,
): S3Bucket[] {
  const name = (purpose: string) => `${purpose}-${short}-${ctx.accountId.slice(-4)}-${ctx.bucketSuffix}`;
  const fullBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  const buckets: S3Bucket[] = [
    {
      name: name("iot-telemetry-archive"),
      region: scope.region,
      creationDate: dateBetween(rng),
      versioning: "Enabled",
      encryption: { algorithm: "aws:kms", kmsKeyArn: keyArn("alias/iot-telemetry-s3"), bucketKeyEnabled: true },
      publicAccessBlock: fullBlock,
      lifecycleRules: [
        { id: "tier-raw-telemetry", prefix: "raw/", status: "Enabled", transitions: [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER" }], expirationDays: 730 },
        { id: "expire-tmp", prefix: "tmp/", status: "Enabled", transitions: [], expirationDays: 7 },
      ],
      tags: hostileTag(ctx, 5, { "data-classification": "personal", owner: "iot-platform" }),
    },
    {
      name: name("iot-firmware"),
      region: scope.region,
      creationDate: dateBetween(rng),
      versioning: "Enabled",
      encryption: { algorithm: "AES256", bucketKeyEnabled: false },
      publicAccessBlock: fullBlock,
      lifecycleRules: [{ id: "old-firmware", prefix: "firmware/", status: "Disabled", transitions: [{ days: 180, storageClass: "GLACIER_IR" }] }],
      tags: { "data-classification": "internal", owner: "firmware-team" },
    },
    {
      name: name("iot-device-logs"),
      region: scope.region,
      creationDate: dateBetween(rng),
      versioning: "Suspended",
      encryption: { algorithm: "AES256", bucketKeyEnabled: false },
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
      lifecycleRules: [{ id: "expire-logs", prefix: "", status: "Enabled", transitions: [], expirationDays: 90 }],
      tags: { "data-classification": "personal", owner: "support" },
    },
    {
      name: name("legacy-exports"),
      region: scope.region,
      creationDate: EPOCH_START - 400 * DAY + rng.int(0, 300) * DAY,
      lifecycleRules: [],
      tags: {},
    },
  ];
  if (regionIndex === 0) {
    buckets.push({
      name: `cloudtrail-logs-${ctx.accountId}-${ctx.bucketSuffix}`,
      region: scope.region,
      creationDate: dateBetween(rng, EPOCH_START, EPOCH_START + 30 * DAY),
      versioning: "Enabled",
      encryption: { algorithm: "aws:kms", kmsKeyArn: keyArn("alias/audit-logs"), bucketKeyEnabled: true },
      publicAccessBlock: fullBlock,
      lifecycleRules: [{ id: "archive-trail", prefix: "AWSLogs/", status: "Enabled", transitions: [{ days: 90, storageClass: "DEEP_ARCHIVE" }] }],
      tags: { owner: "security" },
    });
  }
  return buckets;
}

/** Replication and object lock are set on one bucket each, across the estate. */
function wireCrossRegionBuckets(ctx: GenerationContext, buckets: S3Bucket[]): void {
  const first = ctx.regions[0] as string;
  const archives = buckets.filter((b) => b.name.startsWith("iot-telemetry-archive-"));
  const source = archives.find((b) => b.region === first) as S3Bucket;
  let destination = archives.find((b) => b.region !== first);
  if (!destination) {
    destination = {
      name: `iot-telemetry-replica-${regionShortCode(first)}-${ctx.accountId.slice(-4)}-${ctx.bucketSuffix}`,
      region: first,
      creationDate: source.creationDate + DAY,
      versioning: "Enabled",
      encryption: { algorithm: "AES256", bucketKeyEnabled: false },
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      lifecycleRules: [],
      tags: { owner: "iot-platform", purpose: "replica" },
    };
    buckets.push(destination);
  }
  source.replication = {
    roleArn: roleArn(ctx, "s3-replication-role"),
    rules: [
      { id: "replicate-raw", priority: 1, prefix: "raw/", destinationBucketArn: arns.s3Bucket(destination.name), storageClass: "STANDARD_IA", status: "Enabled" },
    ],
  };
  const firmware = buckets.find((b) => b.region === first && b.name.startsWith("iot-firmware-")) as S3Bucket;
  firmware.objectLock = { mode: "GOVERNANCE", days: 365 };
}

function buildTables(ctx: GenerationContext, rng: Prng, scope: ArnScope, keyArn: (alias: string) => string): DynamoDbTable[] {
  const replicaRegions = ctx.regions.length > 1 ? [...ctx.regions] : [scope.region, scope.region === "eu-west-1" ? "us-west-2" : "eu-west-1"];
  return [
    {
      name: "device-telemetry",
      id: rng.uuid(),
      keySchema: [
        { attributeName: "deviceId", attributeType: "S", keyType: "HASH" },
        { attributeName: "ts", attributeType: "N", keyType: "RANGE" },
      ],
      billingMode: "PAY_PER_REQUEST",
      sse: { sseType: "KMS", kmsKeyArn: keyArn("alias/iot-dynamodb") },
      pointInTimeRecovery: true,
      streamEnabled: true,
      itemCount: rng.int(1_000_000, 90_000_000),
      sizeBytes: rng.int(1, 400) * 1024 * 1024 * 1024,
      creationDate: dateBetween(rng),
      tags: hostileTag(ctx, 6, { "data-classification": "personal" }),
    },
    {
      name: "device-registry-cache",
      id: rng.uuid(),
      keySchema: [{ attributeName: "thingName", attributeType: "S", keyType: "HASH" }],
      billingMode: "PROVISIONED",
      provisioned: { read: 5, write: 5 },
      pointInTimeRecovery: false,
      streamEnabled: false,
      itemCount: rng.int(100, 100_000),
      sizeBytes: rng.int(1, 50) * 1024 * 1024,
      creationDate: dateBetween(rng),
      tags: {},
    },
    {
      name: "alerts",
      id: rng.uuid(),
      keySchema: [
        { attributeName: "alertId", attributeType: "S", keyType: "HASH" },
        { attributeName: "createdAt", attributeType: "N", keyType: "RANGE" },
      ],
      billingMode: "PAY_PER_REQUEST",
      pointInTimeRecovery: false,
      streamEnabled: false,
      itemCount: rng.int(1_000, 1_000_000),
      sizeBytes: rng.int(1, 900) * 1024 * 1024,
      creationDate: dateBetween(rng),
      tags: { "data-classification": "internal" },
    },
    {
      name: "fleet-config-global",
      id: rng.uuid(),
      keySchema: [{ attributeName: "configKey", attributeType: "S", keyType: "HASH" }],
      billingMode: "PAY_PER_REQUEST",
      sse: { sseType: "KMS", kmsKeyArn: keyArn("alias/iot-dynamodb") },
      pointInTimeRecovery: true,
      replicaRegions,
      streamEnabled: true,
      itemCount: rng.int(100, 5_000),
      sizeBytes: rng.int(1, 20) * 1024 * 1024,
      creationDate: dateBetween(rng),
      tags: { "global-table": "true" },
    },
  ];
}

function buildFunctions(ctx: GenerationContext, rng: Prng, keyArn: (alias: string) => string): LambdaFunction[] {
  const secret = (prefix: string) => `${prefix}${rng.alnum(32)}`;
  const base = (name: string) => ({ name, codeSha256: Buffer.from(rng.hex(64), "hex").toString("base64"), lastModified: dateBetween(rng) });
  return [
    {
      ...base("telemetry-processor"),
      runtime: "python3.12",
      handler: "app.handler",
      memorySize: 512,
      timeout: 30,
      roleArn: roleArn(ctx, "lambda-telemetry-processor-role"),
      description: "Normalises device telemetry",
      environment: { DB_PASSWORD: secret("sk-live-"), STRIPE_API_KEY: secret("sk-live-"), TABLE_NAME: "device-telemetry", LOG_LEVEL: "info" },
      kmsKeyArn: keyArn("alias/lambda-env"),
      architectures: ["arm64"],
      codeSize: rng.int(10_000, 5_000_000),
      tags: hostileTag(ctx, 0, { service: "telemetry" }),
    },
    {
      ...base("alert-dispatcher"),
      runtime: "nodejs20.x",
      handler: "index.handler",
      memorySize: 256,
      timeout: 10,
      roleArn: roleArn(ctx, "lambda-telemetry-processor-role"),
      description: "Sends alerts to the on-call rota",
      environment: { PAGERDUTY_TOKEN: secret("sk-live-pd-"), SLACK_WEBHOOK_SECRET: secret("xoxb-secret-") },
      architectures: ["x86_64"],
      codeSize: rng.int(10_000, 5_000_000),
      tags: { service: "alerts" },
    },
    {
      ...base("device-authorizer"),
      runtime: "nodejs20.x",
      handler: "authorizer.handler",
      memorySize: 128,
      timeout: 5,
      roleArn: roleArn(ctx, "lambda-authorizer-role"),
      description: "Custom authorizer for MQTT over WebSockets",
      environment: { JWT_SIGNING_SECRET: secret("sk-live-jwt-") },
      kmsKeyArn: keyArn("alias/lambda-env"),
      architectures: ["arm64"],
      codeSize: rng.int(10_000, 500_000),
      tags: { service: "auth" },
    },
    {
      ...base("shadow-sync"),
      runtime: "java21",
      handler: "com.example.ShadowSync::handleRequest",
      memorySize: 1024,
      timeout: 60,
      roleArn: roleArn(ctx, "lambda-telemetry-processor-role"),
      description: "Mirrors device shadows into DynamoDB",
      environment: {},
      architectures: ["x86_64"],
      codeSize: rng.int(5_000_000, 40_000_000),
      tags: { service: "shadows" },
    },
    {
      ...base("provisioning-prehook"),
      runtime: "python3.11",
      handler: "hook.handler",
      memorySize: 128,
      timeout: 5,
      roleArn: roleArn(ctx, "lambda-authorizer-role"),
      description: "Validates serial numbers before fleet provisioning",
      environment: { ALLOWLIST_API_KEY: secret("sk-live-allow-") },
      architectures: ["arm64"],
      codeSize: rng.int(10_000, 500_000),
      tags: {},
    },
    {
      ...base("legacy-ingest"),
      runtime: "nodejs16.x",
      handler: "index.handler",
      memorySize: 3008,
      timeout: 900,
      roleArn: roleArn(ctx, "lambda-legacy-admin-role"),
      description: "Pre-2023 ingestion path, still wired to one rule",
      environment: { AWS_ACCESS_KEY_SECRET: secret("sk-live-legacy-"), DB_CONNECTION: `postgres://ingest:${secret("sk-live-pw-")}@db.internal:5432/iot` },
      architectures: ["x86_64"],
      codeSize: rng.int(10_000, 5_000_000),
      tags: { service: "legacy" },
    },
  ];
}

function buildStreams(ctx: GenerationContext, rng: Prng): KinesisStream[] {
  return [
    { name: "device-telemetry-stream", mode: "PROVISIONED", shardCount: rng.int(2, 8), retentionHours: 24, encryption: "KMS", kmsKeyId: "alias/aws/kinesis", creationDate: dateBetween(rng), tags: hostileTag(ctx, 1, { service: "telemetry" }) },
    { name: "alerts-stream", mode: "ON_DEMAND", shardCount: 4, retentionHours: 168, encryption: "NONE", creationDate: dateBetween(rng), tags: {} },
  ];
}

function buildQueues(ctx: GenerationContext, rng: Prng, keyArn: (alias: string) => string): SqsQueue[] {
  return [
    { name: "device-alerts", fifo: false, sqsManagedSse: true, visibilityTimeout: 30, messageRetentionPeriod: 345_600, delaySeconds: 0, maximumMessageSize: 262_144, deadLetterTargetName: "device-alerts-dlq", maxReceiveCount: 5, createdTimestamp: dateBetween(rng), tags: hostileTag(ctx, 2, { service: "alerts" }) },
    { name: "device-alerts-dlq", fifo: false, sqsManagedSse: true, visibilityTimeout: 30, messageRetentionPeriod: 1_209_600, delaySeconds: 0, maximumMessageSize: 262_144, createdTimestamp: dateBetween(rng), tags: {} },
    { name: "firmware-events.fifo", fifo: true, sqsManagedSse: false, kmsKeyId: keyArn("alias/iot-telemetry-s3"), visibilityTimeout: 120, messageRetentionPeriod: 86_400, delaySeconds: 0, maximumMessageSize: 262_144, createdTimestamp: dateBetween(rng), tags: { service: "firmware" } },
  ];
}

function buildTopics(ctx: GenerationContext, rng: Prng): SnsTopic[] {
  return [
    { name: "ops-alerts", displayName: "Operations alerts", kmsKeyId: "alias/aws/sns", subscriptionsConfirmed: rng.int(1, 6), tags: hostileTag(ctx, 3, { service: "alerts" }) },
    { name: "device-notifications", displayName: "", subscriptionsConfirmed: rng.int(0, 3), tags: {} },
  ];
}

function buildTimestream(ctx: GenerationContext, rng: Prng, keyArn: (alias: string) => string): TimestreamDatabase[] {
  const created = dateBetween(rng);
  const telemetryUpdated = created + rng.int(0, 100) * DAY;
  const table = (name: string, tableCreated: number, memoryHours: number, magneticDays: number, magneticWrites: boolean, tags: Tags = {}): TimestreamTable => ({
    name,
    status: "ACTIVE",
    memoryStoreRetentionHours: memoryHours,
    magneticStoreRetentionDays: magneticDays,
    magneticStoreWritesEnabled: magneticWrites,
    creationTime: tableCreated,
    lastUpdatedTime: tableCreated + rng.int(0, 60) * DAY,
    tags,
  });
  return [
    {
      name: "iot_telemetry",
      kmsKeyArn: keyArn("alias/iot-timestream"),
      // "measurements" is the table the telemetry_to_timestream rule writes to
      tables: [
        table("measurements", created, 24, 365, true, { service: "telemetry" }),
        table("device_status", created + DAY, 12, 90, false),
        table("alerts", created + 2 * DAY, 72, 730, false, { "data-classification": "internal" }),
      ],
      creationTime: created,
      lastUpdatedTime: telemetryUpdated,
      tags: hostileTag(ctx, 4, { service: "telemetry" }),
    },
    { name: "fleet_metrics", kmsKeyArn: keyArn("alias/iot-timestream"), tables: [table("hourly_rollup", created + DAY, 6, 1825, false)], creationTime: created + DAY, lastUpdatedTime: created + DAY, tags: {} },
  ];
}

function buildLogGroups(
  ctx: GenerationContext,
  rng: Prng,
  functions: LambdaFunction[],
  regionIndex: number,
  keyArn: (alias: string) => string,
): LogGroup[] {
  const groups: LogGroup[] = [
    { name: "AWSIotLogsV2", retentionInDays: 30, creationTime: dateBetween(rng), storedBytes: rng.int(1e6, 5e9), logGroupClass: "STANDARD", tags: hostileTag(ctx, 5, { service: "iot" }) },
    { name: "/aws/iot/rules/errors", retentionInDays: 14, kmsKeyArn: keyArn("alias/audit-logs"), creationTime: dateBetween(rng), storedBytes: rng.int(1e3, 1e8), logGroupClass: "STANDARD", tags: { service: "iot" } },
  ];
  functions.forEach((fn, index) => {
    groups.push({
      name: `/aws/lambda/${fn.name}`,
      // some functions' logs never expire: a finding for retention policies
      retentionInDays: index % 3 === 2 ? undefined : [7, 14, 30, 90][index % 4],
      creationTime: fn.lastModified - DAY,
      storedBytes: rng.int(1e3, 1e9),
      logGroupClass: index === 3 ? "INFREQUENT_ACCESS" : "STANDARD",
      tags: {},
    });
  });
  if (regionIndex === 0) {
    groups.push({ name: "cloudtrail/org-audit-trail", retentionInDays: 365, kmsKeyArn: keyArn("alias/audit-logs"), creationTime: dateBetween(rng), storedBytes: rng.int(1e6, 1e10), logGroupClass: "STANDARD", tags: { owner: "security" } });
  }
  return groups;
}

function buildTrails(ctx: GenerationContext, scope: ArnScope, short: string, regionIndex: number, keyArn: (alias: string) => string): CloudTrailTrail[] {
  const trailBucket = `cloudtrail-logs-${ctx.accountId}-${ctx.bucketSuffix}`;
  const trails: CloudTrailTrail[] = [];
  if (regionIndex === 0) {
    trails.push({
      name: "org-audit-trail",
      homeRegion: scope.region,
      s3BucketName: trailBucket,
      s3KeyPrefix: "audit",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      logFileValidationEnabled: true,
      kmsKeyArn: keyArn("alias/audit-logs"),
      cloudWatchLogsLogGroupArn: `${arns.logGroup(scope, "cloudtrail/org-audit-trail")}:*`,
      cloudWatchLogsRoleArn: roleArn(ctx, "cloudtrail-to-cloudwatch-role"),
      isLogging: true,
      isOrganizationTrail: false,
      tags: hostileTag(ctx, 6, { owner: "security" }),
    });
  }
  trails.push({
    name: `iot-data-events-${short}`,
    homeRegion: scope.region,
    s3BucketName: trailBucket,
    isMultiRegionTrail: false,
    includeGlobalServiceEvents: false,
    logFileValidationEnabled: false,
    isLogging: regionIndex % 2 === 0,
    isOrganizationTrail: false,
    tags: {},
  });
  return trails;
}

// ---------------------------------------------------------------------------------------------
// AWS IoT Core

interface SupportingStack {
  buckets: S3Bucket[];
  dynamodbTables: DynamoDbTable[];
  lambdaFunctions: LambdaFunction[];
  kinesisStreams: KinesisStream[];
  sqsQueues: SqsQueue[];
  snsTopics: SnsTopic[];
  timestreamDatabases: TimestreamDatabase[];
}

function buildIot(ctx: GenerationContext, rng: Prng, scope: ArnScope, short: string, n: number, stack: SupportingStack) {
  const log10 = Math.log10(n + 1);

  // Thing types
  const typeCount = clamp(5 + Math.round(log10 * 3), 5, THING_TYPE_CATALOGUE.length);
  const typeCatalogue = THING_TYPE_CATALOGUE.slice(0, typeCount);
  const thingTypes: ThingType[] = typeCatalogue.map((spec, index) => {
    // LegacyModem-style types and a few others are deprecated; index 3 always is, so every estate has one
    const deprecated = index === 3 || spec.name === "LegacyModem" || (index > 4 && rng.chance(0.12));
    const creationDate = dateBetween(rng, EPOCH_START, EPOCH_START + YEAR);
    return {
      name: spec.name,
      id: rng.uuid(),
      description: `${spec.name} devices (${spec.models.join(", ")})`,
      searchableAttributes: index % 2 === 0 ? ["model", "firmware", "site"] : ["model", "site"],
      deprecated,
      deprecationDate: deprecated ? creationDate + rng.int(200, 600) * DAY : undefined,
      creationDate,
      tags: index === 0 ? hostileTag(ctx, 1, { family: "sensors" }) : { family: spec.gateway ? "gateways" : "sensors" },
    };
  });
  // deprecated types still have devices registered, but fewer of them
  const typeWeights = typeCatalogue.map((_, i) => (thingTypes[i]?.deprecated ? 0.3 : 1));
  const totalWeight = typeWeights.reduce((a, b) => a + b, 0);
  const pickType = (): number => {
    let r = rng.next() * totalWeight;
    for (let i = 0; i < typeWeights.length; i++) {
      r -= typeWeights[i] as number;
      if (r < 0) return i;
    }
    return typeWeights.length - 1;
  };

  // Sites drive the static group hierarchy: root -> site -> line (three levels)
  const siteCount = clamp(Math.round(Math.sqrt(n) / 4) + 4, 4, CITY_NAMES.length);
  const sites = CITY_NAMES.slice(0, siteCount).map((city, i) => `${city}-${String(i + 1).padStart(2, "0")}`);
  const roots = ["factories", "warehouses", "field-units"];
  const thingGroups: ThingGroup[] = [];
  const groupCreated = () => dateBetween(rng, EPOCH_START, EPOCH_START + YEAR);
  const staticGroup = (name: string, description: string, parentName?: string, policyNames: readonly string[] = [], tags: Tags = {}): ThingGroup => {
    const group: ThingGroup = {
      name,
      id: rng.uuid(),
      description,
      parentName,
      attributes: { owner: parentName ? "site-ops" : "iot-platform" },
      version: rng.int(1, 4),
      creationDate: groupCreated(),
      policyNames,
      tags,
    };
    thingGroups.push(group);
    return group;
  };
  roots.forEach((root, i) =>
    staticGroup(root, `All ${root.replace("-", " ")}`, undefined, i === 0 ? ["GatewayPolicy"] : [], i === 0 ? hostileAll(ctx, { owner: "iot-platform" }) : { owner: "iot-platform" }),
  );
  // the leaf group each site's things go to: the site itself, or one of its lines
  const siteLeaves: string[][] = [];
  sites.forEach((site, i) => {
    const siteGroup = staticGroup(`site-${site}`, `Devices at ${site}`, roots[i % roots.length], [], { site });
    const lines = i % 3 === 0 ? rng.int(1, 3) : 0;
    const leaves: string[] = [];
    for (let l = 1; l <= lines; l++) leaves.push(staticGroup(`${siteGroup.name}-line-${l}`, `Line ${l} at ${site}`, siteGroup.name, [], { site }).name);
    siteLeaves.push(leaves.length > 0 ? leaves : [siteGroup.name]);
  });
  staticGroup("pilot-devices", "Devices in the firmware pilot", undefined, ["JobsAgentPolicy"]);
  staticGroup("quarantine", "Devices under investigation", undefined, ["ReadOnlyShadowPolicy"]);

  const typeIndex = (name: string) => typeCatalogue.findIndex((t) => t.name === name);
  const dynamicSpecs: Array<{ name: string; query: string; status: "ACTIVE" | "BUILDING"; match: (type: number, firmware: string, site: number) => boolean }> = [
    { name: "firmware-outdated", query: "attributes.firmware:1.0.*", status: "ACTIVE", match: (_t, fw) => fw.startsWith("1.0.") },
    { name: "all-gateways", query: "thingTypeName:EdgeGateway", status: "ACTIVE", match: (t) => t === typeIndex("EdgeGateway") },
    { name: `meters-${sites[0]}`, query: `thingTypeName:SmartMeter AND attributes.site:${sites[0]}`, status: "ACTIVE", match: (t, _fw, s) => t === typeIndex("SmartMeter") && s === 0 },
    { name: "firmware-2-1-rollout", query: "attributes.firmware:2.1.0", status: "BUILDING", match: (_t, fw) => fw === "2.1.0" },
  ];
  for (const spec of dynamicSpecs) {
    thingGroups.push({
      name: spec.name,
      id: rng.uuid(),
      description: `Dynamic group: ${spec.query}`,
      attributes: {},
      version: 1,
      creationDate: groupCreated(),
      dynamic: { indexName: "AWS_Things", queryString: spec.query, queryVersion: "2017-09-30", status: spec.status },
      policyNames: [],
      tags: { kind: "dynamic" },
    });
  }

  // Billing groups
  const billingCount = clamp(3 + Math.round(log10), 3, BILLING_GROUP_NAMES.length);
  const billingGroups: BillingGroup[] = BILLING_GROUP_NAMES.slice(0, billingCount).map((name, i) => ({
    name,
    id: rng.uuid(),
    description: `Billing group ${name}`,
    version: 1,
    creationDate: groupCreated(),
    tags: i === 0 ? hostileTag(ctx, 2, { contract: name }) : { contract: name },
  }));

  // Certificate authorities
  const caCertificates: CaCertificate[] = [];
  const caCount = n > 10_000 ? 3 : 2;
  for (let i = 0; i < caCount; i++) {
    const created = dateBetween(rng, EPOCH_START, EPOCH_START + 120 * DAY);
    caCertificates.push({
      id: rng.hex(64),
      status: i === 1 ? "INACTIVE" : "ACTIVE",
      autoRegistrationStatus: i === 0 ? "ENABLE" : "DISABLE",
      mode: "DEFAULT",
      creationDate: created,
      notBefore: created - DAY,
      notAfter: created + 10 * YEAR,
      registrationConfig: i === 0 ? { templateName: "jitp-template", roleArn: roleArn(ctx, "iot-jitp-role") } : undefined,
      tags: { issuer: i === 0 ? "factory-ca" : i === 1 ? "old-factory-ca" : "partner-ca" },
    });
  }
  const activeCas = caCertificates.filter((c) => c.status === "ACTIVE");

  // Things and their certificates: the part that scales
  const interned = new Map<string, readonly string[]>();
  const intern = (list: string[]): readonly string[] => {
    const key = list.join("\u0001");
    let found = interned.get(key);
    if (!found) {
      found = Object.freeze(list);
      interned.set(key, found);
    }
    return found;
  };
  const attributePool = new Map<string, Tags>();
  const attributesFor = (model: string, firmware: string, site: string): Tags => {
    const key = `${model}|${firmware}|${site}`;
    let found = attributePool.get(key);
    if (!found) {
      found = Object.freeze({ model, firmware, site });
      attributePool.set(key, found);
    }
    return found;
  };
  const EMPTY: readonly string[] = Object.freeze([]);
  const namedShadowSets = [intern(["config"]), intern(["firmware"]), intern(["config", "diagnostics"])];
  const hostileThingIndexes = new Map<number, string>();
  if (ctx.hostile && n > 0) {
    HOSTILE_VALUE_LIST.forEach((value, k) => hostileThingIndexes.set(Math.min(n - 1, Math.floor(((k + 0.5) * n) / HOSTILE_VALUE_LIST.length)), value));
  }

  const things: Thing[] = new Array(n);
  const certificates: Certificate[] = [];
  const newCertificate = (created: number, status: CertificateStatus, policyNames: readonly string[]): Certificate => {
    const r = rng.next();
    let cert: Certificate;
    if (r < 0.3 && activeCas.length > 0) {
      const ca = activeCas[Math.floor(r * 10) % activeCas.length] as CaCertificate;
      // CA-issued device certificates are short-lived: some have already expired
      cert = { id: rng.hex(64), status, mode: "DEFAULT", caCertificateId: ca.id, creationDate: created, notBefore: created - DAY, notAfter: created + rng.int(1, 3) * YEAR, policyNames };
    } else if (r < 0.33) {
      // registered without a CA (multi-account registration)
      cert = { id: rng.hex(64), status, mode: "SNI_ONLY", creationDate: created, notBefore: created - DAY, notAfter: created + rng.int(2, 5) * YEAR, policyNames };
    } else {
      cert = { id: rng.hex(64), status, mode: "DEFAULT", creationDate: created, notBefore: created - 300, notAfter: AWS_ISSUED_NOT_AFTER, policyNames };
    }
    certificates.push(cert);
    return cert;
  };
  const policySets = {
    device: intern(["DeviceTelemetryPolicy"]),
    deviceJobs: intern(["DeviceTelemetryPolicy", "JobsAgentPolicy"]),
    gateway: intern(["GatewayPolicy"]),
    legacy: intern(["LegacyWildcardPolicy"]),
  };

  for (let i = 0; i < n; i++) {
    const typeIdx = rng.chance(0.03) ? -1 : pickType();
    const spec = typeIdx >= 0 ? (typeCatalogue[typeIdx] as (typeof typeCatalogue)[number]) : undefined;
    const siteIdx = Math.floor(rng.next() * sites.length);
    const site = sites[siteIdx] as string;
    const firmware = FIRMWARE_VERSIONS[Math.floor(rng.next() * FIRMWARE_VERSIONS.length)] as string;
    const model = spec ? (spec.models[Math.floor(rng.next() * spec.models.length)] as string) : "unknown";
    const name = `${spec?.slug ?? "device"}-${short}-${String(i).padStart(6, "0")}`;

    const groups: string[] = [];
    if (!rng.chance(0.03)) {
      const leaves = siteLeaves[siteIdx] as string[];
      groups.push(leaves[Math.floor(rng.next() * leaves.length)] as string);
    }
    const extra = rng.next();
    if (extra < 0.02) groups.push("pilot-devices");
    else if (extra < 0.025) groups.push("quarantine");
    for (const dyn of dynamicSpecs) if (dyn.match(typeIdx, firmware, siteIdx)) groups.push(dyn.name);

    const created = dateBetween(rng);
    const policyNames = spec?.gateway ? policySets.gateway : spec?.name === "LegacyModem" ? policySets.legacy : extra < 0.05 ? policySets.deviceJobs : policySets.device;
    const certRoll = rng.next();
    let principals: readonly string[] = EMPTY;
    if (certRoll < 0.05) {
      // no certificate attached
    } else if (certRoll < 0.08) {
      // rotated: the old certificate is deactivated but still attached
      const old = newCertificate(created, "INACTIVE", policyNames);
      const current = newCertificate(created + rng.int(100, 500) * DAY, "ACTIVE", policyNames);
      principals = [old.id, current.id];
    } else {
      const statusRoll = rng.next();
      const status: CertificateStatus = statusRoll < 0.96 ? "ACTIVE" : statusRoll < 0.98 ? "INACTIVE" : "REVOKED";
      principals = [newCertificate(created, status, policyNames).id];
    }

    const shadowRoll = rng.next();
    const hostileValue = hostileThingIndexes.get(i);
    things[i] = {
      name,
      typeName: spec?.name,
      attributes: hostileValue !== undefined ? { model, firmware, site, note: hostileValue } : attributesFor(model, firmware, site),
      version: 1 + (rng.chance(0.2) ? rng.int(1, 12) : 0),
      billingGroupName: rng.chance(0.7) ? (billingGroups[Math.floor(rng.next() * billingGroups.length)] as BillingGroup).name : undefined,
      groupNames: groups.length === 0 ? EMPTY : intern(groups),
      principals,
      classicShadow: shadowRoll < 0.15,
      namedShadows: shadowRoll < 0.05 ? (namedShadowSets[Math.floor(shadowRoll * 60) % namedShadowSets.length] as readonly string[]) : EMPTY,
    };
  }
  // certificates that are registered but attached to no thing (lost devices, pre-provisioned stock)
  const orphanCount = Math.round(n * 0.01) + 2;
  for (let i = 0; i < orphanCount; i++) {
    const statusRoll = rng.next();
    newCertificate(dateBetween(rng), statusRoll < 0.4 ? "REVOKED" : statusRoll < 0.7 ? "INACTIVE" : "ACTIVE", i === 0 ? policySets.legacy : EMPTY);
  }

  const policies = buildPolicies(ctx, rng.fork("policies"), scope);
  const { topicRules, topicRuleDestinations } = buildRules(ctx, rng.fork("rules"), scope, short, n, stack, sites);
  const { jobs, jobTemplates } = buildJobs(ctx, rng.fork("jobs"), scope, n, stack, things, thingGroups);

  const roleAliases: RoleAlias[] = [
    { name: "device-credentials-alias", roleArn: roleArn(ctx, "iot-device-credentials-role"), credentialDurationSeconds: 3600, creationDate: dateBetween(rng), lastModifiedDate: EPOCH_END, tags: { purpose: "telemetry-upload" } },
    { name: "firmware-download-alias", roleArn: roleArn(ctx, "iot-device-firmware-role"), credentialDurationSeconds: 900, creationDate: dateBetween(rng), lastModifiedDate: EPOCH_END, tags: {} },
  ];
  const fn = (name: string) => arns.lambdaFunction(scope, name);
  const authorizers: Authorizer[] = [
    {
      name: "token-authorizer",
      functionArn: fn("device-authorizer"),
      tokenKeyName: "x-device-token",
      tokenSigningPublicKeys: { "signing-key-1": `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${rng.alnum(60)}\n-----END PUBLIC KEY-----` },
      signingDisabled: false,
      status: "ACTIVE",
      enableCachingForHttp: true,
      creationDate: dateBetween(rng),
      lastModifiedDate: EPOCH_END,
      tags: { purpose: "websocket-auth" },
    },
    {
      name: "legacy-unsigned-authorizer",
      functionArn: fn("legacy-ingest"),
      tokenSigningPublicKeys: {},
      signingDisabled: true,
      status: "INACTIVE",
      enableCachingForHttp: false,
      creationDate: dateBetween(rng, EPOCH_START, EPOCH_START + YEAR),
      lastModifiedDate: EPOCH_START + YEAR,
      tags: {},
    },
  ];
  const domainConfigurations: DomainConfiguration[] = [
    {
      name: "iot:Data-ATS",
      domainName: "",
      domainType: "ENDPOINT",
      serviceType: "DATA",
      status: "ENABLED",
      serverCertificateArns: [],
      securityPolicy: "IoTSecurityPolicy_TLS13_1_2_2022_10",
      lastStatusChangeDate: dateBetween(rng),
      tags: {},
    },
    {
      name: "custom-mqtt-domain",
      domainName: `mqtt.${short}.devices.example.com`,
      domainType: "CUSTOMER_MANAGED",
      serviceType: "DATA",
      status: "ENABLED",
      serverCertificateArns: [arns.acmCertificate(scope, rng.uuid())],
      defaultAuthorizerName: "token-authorizer",
      securityPolicy: "IoTSecurityPolicy_TLS13_1_2_2022_10",
      lastStatusChangeDate: dateBetween(rng),
      tags: { owner: "iot-platform" },
    },
  ];
  const provisioningTemplates: ProvisioningTemplate[] = [
    {
      name: "fleet-provisioning-template",
      description: "Provisions devices that present the factory claim certificate",
      type: "FLEET_PROVISIONING",
      enabled: true,
      templateBody: JSON.stringify({
        Parameters: { SerialNumber: { Type: "String" }, "AWS::IoT::Certificate::Id": { Type: "String" } },
        Resources: {
          thing: { Type: "AWS::IoT::Thing", Properties: { ThingName: { "Fn::Join": ["", ["device-", { Ref: "SerialNumber" }]] }, ThingGroups: ["pilot-devices"] } },
          certificate: { Type: "AWS::IoT::Certificate", Properties: { CertificateId: { Ref: "AWS::IoT::Certificate::Id" }, Status: "ACTIVE" } },
          policy: { Type: "AWS::IoT::Policy", Properties: { PolicyName: "DeviceTelemetryPolicy" } },
        },
      }),
      provisioningRoleArn: roleArn(ctx, "iot-fleet-provisioning-role"),
      preProvisioningHookArn: fn("provisioning-prehook"),
      defaultVersionId: 2,
      creationDate: dateBetween(rng),
      lastModifiedDate: EPOCH_END,
      tags: { purpose: "fleet-provisioning" },
    },
    {
      name: "jitp-template",
      description: "Just-in-time provisioning for certificates signed by the factory CA",
      type: "JITP",
      enabled: true,
      templateBody: JSON.stringify({
        Parameters: { "AWS::IoT::Certificate::CommonName": { Type: "String" }, "AWS::IoT::Certificate::Id": { Type: "String" } },
        Resources: {
          thing: { Type: "AWS::IoT::Thing", Properties: { ThingName: { Ref: "AWS::IoT::Certificate::CommonName" } } },
          certificate: { Type: "AWS::IoT::Certificate", Properties: { CertificateId: { Ref: "AWS::IoT::Certificate::Id" }, Status: "ACTIVE" } },
        },
      }),
      provisioningRoleArn: roleArn(ctx, "iot-jitp-role"),
      defaultVersionId: 1,
      creationDate: dateBetween(rng),
      lastModifiedDate: EPOCH_END,
      tags: {},
    },
  ];

  const endpointId = rng.alnum(14);
  return {
    thingTypes,
    thingGroups,
    billingGroups,
    things,
    certificates,
    caCertificates,
    policies,
    topicRules,
    topicRuleDestinations,
    jobs,
    jobTemplates,
    roleAliases,
    authorizers,
    domainConfigurations,
    provisioningTemplates,
    indexing: {
      thingIndexingMode: "REGISTRY_AND_SHADOW" as const,
      thingConnectivityIndexingMode: "STATUS" as const,
      namedShadowIndexingMode: "OFF" as const,
      deviceDefenderIndexingMode: "OFF" as const,
      thingGroupIndexingMode: "ON" as const,
      customFields: [
        { name: "attributes.firmware", type: "String" as const },
        { name: "attributes.site", type: "String" as const },
      ],
    },
    logging: {
      roleArn: roleArn(ctx, "iot-logging-role"),
      defaultLogLevel: (["WARN", "ERROR", "INFO", "DEBUG"] as const)[ctx.regions.indexOf(scope.region) % 4] as "WARN",
      disableAllLogs: false,
    },
    endpoints: {
      "iot:Data": `${endpointId}.iot.${scope.region}.amazonaws.com`,
      "iot:Data-ATS": `${endpointId}-ats.iot.${scope.region}.amazonaws.com`,
      "iot:CredentialProvider": `${rng.alnum(14)}.credentials.iot.${scope.region}.amazonaws.com`,
      "iot:Jobs": `${rng.alnum(14)}.jobs.iot.${scope.region}.amazonaws.com`,
    },
  };
}

function hostileAll(ctx: GenerationContext, base: Tags): Tags {
  if (!ctx.hostile) return base;
  const tags: Record<string, string> = { ...base };
  HOSTILE_VALUE_LIST.forEach((value, i) => (tags[`hostile-${i + 1}`] = value));
  return tags;
}

function buildPolicies(ctx: GenerationContext, rng: Prng, scope: ArnScope): IotPolicy[] {
  const resource = (kind: string, suffix: string) => `arn:aws:iot:${scope.region}:${scope.accountId}:${kind}/${suffix}`;
  const doc = (statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  const deviceV1 = doc([
    { Effect: "Allow", Action: "iot:Connect", Resource: resource("client", "${iot:Connection.Thing.ThingName}") },
    { Effect: "Allow", Action: "iot:Publish", Resource: resource("topic", "telemetry/${iot:Connection.Thing.ThingName}") },
  ]);
  const deviceV2 = doc([
    { Effect: "Allow", Action: "iot:Connect", Resource: resource("client", "${iot:Connection.Thing.ThingName}"), Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } } },
    { Effect: "Allow", Action: ["iot:Publish", "iot:Receive"], Resource: [resource("topic", "telemetry/${iot:Connection.Thing.ThingName}"), resource("topic", "$aws/things/${iot:Connection.Thing.ThingName}/shadow/*")] },
    { Effect: "Allow", Action: "iot:Subscribe", Resource: resource("topicfilter", "$aws/things/${iot:Connection.Thing.ThingName}/shadow/*") },
  ]);
  const specs: Array<{ name: string; versions: string[]; defaultIndex: number; tags?: Tags }> = [
    { name: "DeviceTelemetryPolicy", versions: [deviceV1, deviceV2], defaultIndex: 1, tags: hostileTag(ctx, 4, { scope: "devices" }) },
    {
      name: "GatewayPolicy",
      versions: [doc([{ Effect: "Allow", Action: ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [resource("client", "gw-*"), resource("topic", "site/*"), resource("topicfilter", "site/*")] }])],
      defaultIndex: 0,
    },
    {
      name: "JobsAgentPolicy",
      versions: [doc([{ Effect: "Allow", Action: ["iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [resource("topic", "$aws/things/*/jobs/*"), resource("topicfilter", "$aws/things/*/jobs/*")] }])],
      defaultIndex: 0,
    },
    {
      name: "FleetProvisioningClaimPolicy",
      versions: [doc([{ Effect: "Allow", Action: ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [resource("topic", "$aws/certificates/create/*"), resource("topic", "$aws/provisioning-templates/fleet-provisioning-template/provision/*")] }])],
      defaultIndex: 0,
    },
    {
      name: "LegacyWildcardPolicy",
      versions: [
        doc([{ Effect: "Allow", Action: "iot:*", Resource: "*" }]),
        doc([{ Effect: "Allow", Action: ["iot:Connect", "iot:Publish"], Resource: "*" }]),
        doc([{ Effect: "Allow", Action: "iot:*", Resource: resource("topic", "legacy/*") }]),
      ],
      defaultIndex: 0,
    },
    {
      name: "ReadOnlyShadowPolicy",
      versions: [doc([{ Effect: "Allow", Action: ["iot:GetThingShadow"], Resource: resource("thing", "*") }, { Effect: "Deny", Action: ["iot:UpdateThingShadow", "iot:Publish"], Resource: "*" }])],
      defaultIndex: 0,
    },
    {
      name: "GreengrassCorePolicy",
      versions: [doc([{ Effect: "Allow", Action: ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive", "greengrass:*"], Resource: "*" }])],
      defaultIndex: 0,
    },
    {
      // imported from an old tool that wrote broken JSON: the default version does not parse
      name: "BrokenImportPolicy",
      versions: [
        doc([{ Effect: "Allow", Action: "iot:Connect", Resource: resource("client", "import-*") }]),
        `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iot:Publish", "Resource": "arn:aws:iot:${scope.region}:${scope.accountId}:topic/import/*"}`,
      ],
      defaultIndex: 1,
    },
  ];
  return specs.map((spec) => {
    const creationDate = dateBetween(rng, EPOCH_START, EPOCH_START + YEAR);
    const versions = spec.versions.map((document, i) => ({
      versionId: String(i + 1),
      document,
      isDefault: i === spec.defaultIndex,
      createDate: creationDate + i * 30 * DAY,
    }));
    return {
      name: spec.name,
      defaultVersionId: String(spec.defaultIndex + 1),
      versions,
      creationDate,
      lastModifiedDate: creationDate + (spec.versions.length - 1) * 30 * DAY,
      tags: spec.tags ?? {},
    };
  });
}

function buildRules(ctx: GenerationContext, rng: Prng, scope: ArnScope, short: string, n: number, stack: SupportingStack, sites: string[]) {
  const role = (name: string) => roleArn(ctx, name);
  const bucket = (prefix: string) => (stack.buckets.find((b) => b.name.startsWith(prefix)) as S3Bucket).name;
  const queue = (name: string) => awsQueueUrl(scope, name);
  const destinationId = rng.uuid();
  const topicRuleDestinations: TopicRuleDestination[] = [
    {
      arn: arns.topicRuleDestination(scope, "http", destinationId),
      status: "ENABLED",
      createdAt: dateBetween(rng),
      lastUpdatedAt: EPOCH_END,
      http: { confirmationUrl: `https://hooks.${short}.example.com/iot` },
    },
    {
      arn: arns.topicRuleDestination(scope, "vpc", rng.uuid()),
      status: "ENABLED",
      createdAt: dateBetween(rng),
      lastUpdatedAt: EPOCH_END,
      vpc: { subnetIds: [`subnet-${rng.hex(17)}`, `subnet-${rng.hex(17)}`], securityGroups: [`sg-${rng.hex(17)}`], vpcId: `vpc-${rng.hex(17)}`, roleArn: role("iot-rule-kinesis-writer") },
    },
    {
      arn: arns.topicRuleDestination(scope, "http", rng.uuid()),
      status: "DISABLED",
      statusReason: "Disabled after the partner endpoint was retired",
      createdAt: dateBetween(rng),
      lastUpdatedAt: EPOCH_END,
      http: { confirmationUrl: "https://partner.example.net/confirm" },
    },
  ];

  const actionFor: Record<string, (variant: string) => RuleAction> = {
    s3: (v) => ({ s3: { roleArn: role("iot-rule-s3-writer"), bucketName: bucket("iot-telemetry-archive-"), key: `raw/${v}/\${topic()}/\${timestamp()}.json`, cannedAcl: "private" } }),
    dynamoDB: (v) => ({ dynamoDB: { tableName: "device-telemetry", roleArn: role("iot-rule-dynamodb-writer"), hashKeyField: "deviceId", hashKeyValue: "${topic(2)}", hashKeyType: "STRING", rangeKeyField: "ts", rangeKeyValue: "${timestamp()}", rangeKeyType: "NUMBER", payloadField: v === "main" ? "payload" : `payload_${v}`, operation: "INSERT" } }),
    dynamoDBv2: () => ({ dynamoDBv2: { roleArn: role("iot-rule-dynamodb-writer"), putItem: { tableName: "alerts" } } }),
    lambda: (v) => ({ lambda: { functionArn: arns.lambdaFunction(scope, v === "legacy" ? "legacy-ingest" : "telemetry-processor") } }),
    kinesis: () => ({ kinesis: { roleArn: role("iot-rule-kinesis-writer"), streamName: "device-telemetry-stream", partitionKey: "${topic(2)}" } }),
    firehose: () => ({ firehose: { roleArn: role("iot-rule-kinesis-writer"), deliveryStreamName: "telemetry-to-datalake", separator: "\n", batchMode: true } }),
    sqs: () => ({ sqs: { roleArn: role("iot-rule-messaging"), queueUrl: queue("device-alerts"), useBase64: false } }),
    sns: () => ({ sns: { targetArn: arns.snsTopic(scope, "ops-alerts"), roleArn: role("iot-rule-messaging"), messageFormat: "RAW" } }),
    republish: (v) => ({ republish: { roleArn: role("iot-rule-republish"), topic: `processed/${v}/\${topic(2)}`, qos: 1 } }),
    cloudwatchLogs: () => ({ cloudwatchLogs: { roleArn: role("iot-rule-cloudwatch"), logGroupName: "/aws/iot/rules/errors", batchMode: false } }),
    cloudwatchMetric: () => ({ cloudwatchMetric: { roleArn: role("iot-rule-cloudwatch"), metricNamespace: "Fleet", metricName: "Temperature", metricValue: "${temperature}", metricUnit: "None" } }),
    timestream: () => ({
      timestream: { roleArn: role("iot-rule-timestream-writer"), databaseName: "iot_telemetry", tableName: "measurements", dimensions: [{ name: "device", value: "${topic(2)}" }, { name: "site", value: "${site}" }] },
    }),
    http: () => ({ http: { url: `https://hooks.${short}.example.com/iot/ingest`, confirmationUrl: `https://hooks.${short}.example.com/iot`, headers: [{ key: "content-type", value: "application/json" }], auth: { sigv4: { signingRegion: scope.region, serviceName: "execute-api", roleArn: role("iot-rule-http-sigv4") } } } }),
    stepFunctions: () => ({ stepFunctions: { stateMachineName: "device-onboarding", roleArn: role("iot-rule-stepfunctions"), executionNamePrefix: "onboard" } }),
    iotEvents: () => ({ iotEvents: { inputName: "DeviceHeartbeat", roleArn: role("iot-rule-iotevents"), messageId: "${newuuid()}", batchMode: false } }),
  };
  const errorActions: RuleAction[] = [
    { republish: { roleArn: role("iot-rule-republish"), topic: "errors/rules", qos: 0 } },
    { s3: { roleArn: role("iot-rule-s3-writer"), bucketName: bucket("iot-device-logs-"), key: "rule-errors/${ruleName()}/${timestamp()}" } },
    { sqs: { roleArn: role("iot-rule-messaging"), queueUrl: queue("device-alerts-dlq"), useBase64: false } },
    { cloudwatchLogs: { roleArn: role("iot-rule-cloudwatch"), logGroupName: "/aws/iot/rules/errors" } },
  ];

  const base: Array<{ name: string; kind: string; variant: string; topic: string; select: string; where?: string; sqlVersion?: "2015-10-08" }> = [
    { name: "telemetry_to_s3", kind: "s3", variant: "main", topic: "telemetry/+", select: "*, topic(2) AS deviceId, timestamp() AS receivedAt" },
    { name: "telemetry_to_dynamodb", kind: "dynamoDB", variant: "main", topic: "telemetry/+", select: "temperature, humidity, topic(2) AS deviceId", sqlVersion: "2015-10-08" },
    { name: "alerts_to_dynamodb_v2", kind: "dynamoDBv2", variant: "main", topic: "alerts/+", select: "*, newuuid() AS alertId, timestamp() AS createdAt" },
    { name: "telemetry_to_lambda", kind: "lambda", variant: "main", topic: "telemetry/+", select: "*", where: "temperature > 80" },
    { name: "telemetry_to_kinesis", kind: "kinesis", variant: "main", topic: "telemetry/+", select: "*" },
    { name: "telemetry_to_firehose", kind: "firehose", variant: "main", topic: "telemetry/#", select: "*", sqlVersion: "2015-10-08" },
    { name: "alerts_to_sqs", kind: "sqs", variant: "main", topic: "alerts/+", select: "*", where: "severity >= 3" },
    { name: "alerts_to_sns", kind: "sns", variant: "main", topic: "alerts/+", select: "message, severity, topic(2) AS deviceId", where: "severity = 5" },
    { name: "processed_republish", kind: "republish", variant: "main", topic: "telemetry/+", select: "get(*, 'temperature') AS t" },
    { name: "errors_to_cloudwatch_logs", kind: "cloudwatchLogs", variant: "main", topic: "$aws/events/thing/+/updated", select: "*" },
    { name: "temperature_metric", kind: "cloudwatchMetric", variant: "main", topic: "telemetry/+", select: "temperature", where: "isNumber(temperature)" },
    { name: "telemetry_to_timestream", kind: "timestream", variant: "main", topic: "telemetry/+", select: "temperature, humidity, site" },
    { name: "partner_http_forward", kind: "http", variant: "main", topic: "partner/+/events", select: "*" },
    { name: "onboarding_step_functions", kind: "stepFunctions", variant: "main", topic: "$aws/events/presence/connected/+", select: "clientId, timestamp", sqlVersion: "2015-10-08" },
    { name: "heartbeat_to_iot_events", kind: "iotEvents", variant: "main", topic: "heartbeat/+", select: "*, topic(2) AS deviceId" },
    { name: "legacy_lambda_ingest", kind: "lambda", variant: "legacy", topic: "legacy/#", select: "*", sqlVersion: "2015-10-08" },
  ];
  const extraCount = clamp(Math.floor(n / 2500), 0, 40);
  const extraKinds = ["s3", "dynamoDB", "timestream", "republish", "kinesis"];
  for (let i = 0; i < extraCount; i++) {
    const site = sites[i % sites.length] as string;
    const kind = extraKinds[i % extraKinds.length] as string;
    base.push({ name: `site_${site.replace(/-/g, "_")}_${kind.toLowerCase()}_${i}`, kind, variant: site, topic: `site/${site}/+/telemetry`, select: "*", where: i % 2 === 0 ? "quality = 'good'" : undefined, sqlVersion: i % 4 === 3 ? "2015-10-08" : undefined });
  }

  const topicRules: TopicRule[] = base.map((spec, i) => {
    const sql = `SELECT ${spec.select} FROM '${spec.topic}'${spec.where ? ` WHERE ${spec.where}` : ""}`;
    const actions: RuleAction[] = [(actionFor[spec.kind] as (v: string) => RuleAction)(spec.variant)];
    if (spec.name === "telemetry_to_s3") actions.push(actionFor.kinesis!("main"));
    return {
      name: spec.name,
      sql,
      sqlVersion: spec.sqlVersion ?? "2016-03-23",
      topicPattern: spec.topic,
      description: i === 0 && ctx.hostile ? (HOSTILE_VALUE_LIST[0] as string) : `Routes ${spec.topic} to ${spec.kind}`,
      disabled: spec.name === "legacy_lambda_ingest" || i % 7 === 6,
      createdAt: dateBetween(rng),
      actions,
      errorAction: i % 3 === 0 ? errorActions[(i / 3) % errorActions.length] : undefined,
      tags: i === 0 ? hostileTag(ctx, 5, { pipeline: "telemetry" }) : i % 2 === 0 ? { pipeline: spec.kind } : {},
    };
  });
  // a rule whose function was deleted long ago: the reference dangles
  topicRules.push({
    name: "orphaned_enrichment",
    sql: "SELECT * FROM 'enrich/+'",
    sqlVersion: "2016-03-23",
    topicPattern: "enrich/+",
    description: "Enrichment rule whose function no longer exists",
    disabled: false,
    createdAt: dateBetween(rng, EPOCH_START, EPOCH_START + YEAR),
    actions: [{ lambda: { functionArn: arns.lambdaFunction(scope, "telemetry-enricher-v0") } }],
    errorAction: errorActions[0],
    tags: {},
  });
  return { topicRules, topicRuleDestinations };
}

function buildJobs(ctx: GenerationContext, rng: Prng, scope: ArnScope, n: number, stack: SupportingStack, things: Thing[], groups: ThingGroup[]) {
  const firmwareBucket = (stack.buckets.find((b) => b.name.startsWith("iot-firmware-")) as S3Bucket).name;
  const firmwareDoc = (version: string) =>
    JSON.stringify({
      operation: "firmwareUpdate",
      firmwareVersion: version,
      url: `\${aws:iot:s3-presigned-url:https://s3.amazonaws.com/${firmwareBucket}/firmware/${version}.bin}`,
      checksum: { algorithm: "sha256", value: rng.hex(64) },
    });
  // Secrets a careless operator put in job documents: a URL pre-signed by hand (SigV4 query
  // credentials and a session token) next to the ${aws:iot:s3-presigned-url:...} placeholder
  // AWS IoT signs at delivery, MQTT and API credentials, and one document that is not JSON at all.
  // A scanner must store none of them (estateSummary().notable.jobDocumentSecrets finds them).
  const secrets = rng.fork("job-document-secrets");
  const presigned = (key: string) => {
    const credential = `ASIA${secrets.alnum(16).toUpperCase()}`;
    const token = `IQoJb3JpZ2luX2VjE${secrets.alnum(48)}`;
    const signature = secrets.hex(64);
    return (
      `https://${firmwareBucket}.s3.${scope.region}.amazonaws.com/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
      `&X-Amz-Credential=${credential}%2F20250601%2F${scope.region}%2Fs3%2Faws4_request&X-Amz-Date=20250601T120000Z&X-Amz-Expires=604800` +
      `&X-Amz-Security-Token=${token}&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`
    );
  };
  const configDoc = (version: string) =>
    JSON.stringify({
      operation: "firmwareUpdate",
      firmwareVersion: version,
      url: `\${aws:iot:s3-presigned-url:https://s3.amazonaws.com/${firmwareBucket}/firmware/${version}.bin}`,
      fallbackUrl: presigned(`firmware/${version}.bin`),
      telemetry: { broker: `mqtts://telemetry:sk-live-job-mqtt-${secrets.alnum(24)}@broker.example.com:8883`, clientId: "fw-updater" },
      callback: { endpoint: "https://ops.example.com/fw-callback", apiToken: `sk-live-job-api-${secrets.alnum(24)}` },
    });
  const scriptDoc = () =>
    `#!/bin/sh\n# rotate device logs\ncurl -fsSL '${presigned("scripts/rotate-logs.sh")}' -o /tmp/rotate.sh\nAPI_KEY=sk-live-job-key-${secrets.alnum(24)} sh /tmp/rotate.sh\n`;
  const rollout = { maximumPerMinute: 100, exponentialRate: { baseRatePerMinute: 10, incrementFactor: 2, rateIncreaseCriteria: { numberOfSucceededThings: 50 } } };
  const abort = { criteriaList: [{ failureType: "FAILED" as const, action: "CANCEL" as const, thresholdPercentage: 10, minNumberOfExecutedThings: 20 }] };
  const jobTemplates: JobTemplate[] = [
    { id: "firmware-rollout-template", description: "Staged firmware rollout", document: configDoc("2.1.0"), createdAt: dateBetween(rng), rollout, abort, timeoutMinutes: 60, tags: { purpose: "firmware" } },
    { id: "reboot-template", description: "Reboot devices", document: JSON.stringify({ operation: "reboot" }), createdAt: dateBetween(rng), tags: {} },
  ];
  const groupArn = (name: string) => arns.thingGroup(scope, name);
  const staticGroups = groups.filter((g) => !g.dynamic);
  const dynamicGroups = groups.filter((g) => g.dynamic);
  const jobCount = clamp(3 + Math.floor(Math.log10(n + 1)), 3, 10);
  const statuses: IotJob["status"][] = ["COMPLETED", "IN_PROGRESS", "CANCELED", "IN_PROGRESS", "COMPLETED", "SCHEDULED"];
  const jobs: IotJob[] = [];
  for (let i = 0; i < jobCount; i++) {
    const status = statuses[i % statuses.length] as IotJob["status"];
    const continuous = i % 3 === 1;
    const targets =
      i % 4 === 3 && things.length > 0
        ? things.slice(0, Math.min(3, things.length)).map((t) => arns.thing(scope, t.name))
        : continuous && dynamicGroups.length > 0
          ? [groupArn((dynamicGroups[i % dynamicGroups.length] as ThingGroup).name)]
          : [groupArn((staticGroups[i % staticGroups.length] as ThingGroup).name)];
    const createdAt = dateBetween(rng);
    const fromTemplate = i % 2 === 0 ? jobTemplates[0] : undefined;
    const version = FIRMWARE_VERSIONS[(i + 2) % FIRMWARE_VERSIONS.length] as string;
    jobs.push({
      id: `${i % 5 === 4 ? "reboot" : "firmware"}-${version.replace(/\./g, "-")}-${String(i + 1).padStart(2, "0")}`,
      description: i % 5 === 4 ? "Reboot after configuration change" : `Firmware ${version}`,
      status,
      targetSelection: continuous ? "CONTINUOUS" : "SNAPSHOT",
      targets,
      document: i % 5 === 4 ? JSON.stringify({ operation: "reboot" }) : i === 1 ? configDoc(version) : i === 3 ? scriptDoc() : firmwareDoc(version),
      createdAt,
      lastUpdatedAt: createdAt + rng.int(1, 30) * DAY,
      completedAt: status === "COMPLETED" || status === "CANCELED" ? createdAt + rng.int(1, 30) * DAY : undefined,
      jobTemplateId: fromTemplate?.id,
      rollout: i % 2 === 0 ? rollout : undefined,
      abort: i % 3 === 0 ? abort : undefined,
      timeoutMinutes: i % 2 === 1 ? 30 : undefined,
      presignedUrlRoleArn: i % 5 === 4 ? undefined : roleArn(ctx, "iot-jobs-presign-role"),
      process: { succeeded: rng.int(0, 500), failed: rng.int(0, 20), queued: status === "IN_PROGRESS" ? rng.int(1, 100) : 0, inProgress: status === "IN_PROGRESS" ? rng.int(1, 50) : 0, canceled: status === "CANCELED" ? rng.int(1, 50) : 0 },
      tags: i === 0 ? { campaign: "2025-q2" } : {},
    });
  }
  return { jobs, jobTemplates };
}

// ---------------------------------------------------------------------------------------------
// Counting

export type ResourceCounts = Record<CloudFormationType, number>;

function zeroCounts(): ResourceCounts {
  return Object.fromEntries(CFN_TYPES.map((t) => [t, 0])) as ResourceCounts;
}

/**
 * The IAM roles the estate's resources name, as ARNs: rule actions (at any depth, e.g. an HTTP
 * action's SigV4 role), rule destinations, role aliases, jobs (presigned URLs), provisioning
 * templates, CA registration, IoT logging, Lambda functions, trails, and S3 replication. Only
 * resources located in `regions` count (S3 buckets by their location).
 */
export function referencedRoleArns(estate: Estate, regions: readonly string[] = estate.regions): Set<string> {
  const out = new Set<string>();
  const add = (arn: string | undefined) => {
    if (arn) out.add(arn);
  };
  const collectRoleArns = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collectRoleArns);
    else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (key === "roleArn" && typeof v === "string") add(v);
        else collectRoleArns(v);
      }
    }
  };
  for (const region of regions) {
    const r = estate.byRegion[region];
    if (!r) continue;
    const iot = r.iot;
    for (const rule of iot.topicRules) collectRoleArns([rule.actions, rule.errorAction]);
    for (const d of iot.topicRuleDestinations) add(d.vpc?.roleArn);
    for (const a of iot.roleAliases) add(a.roleArn);
    for (const j of iot.jobs) add(j.presignedUrlRoleArn);
    for (const t of iot.provisioningTemplates) add(t.provisioningRoleArn);
    for (const c of iot.caCertificates) add(c.registrationConfig?.roleArn);
    add(iot.logging.roleArn);
    for (const f of r.lambdaFunctions) add(f.roleArn);
    for (const t of r.cloudTrails) add(t.cloudWatchLogsRoleArn);
  }
  for (const b of estate.s3Buckets) if (regions.includes(b.region)) add(b.replication?.roleArn);
  return out;
}

/**
 * The KMS keys the resources located in a region are encrypted with, as the services name them:
 * key ARNs, or alias names ("alias/aws/sns" for AWS managed keys).
 */
export function kmsReferences(estate: Estate, region: string): string[] {
  const r = estate.byRegion[region];
  if (!r) return [];
  const refs = [
    ...estate.s3Buckets.filter((b) => b.region === region).map((b) => b.encryption?.kmsKeyArn),
    ...r.dynamodbTables.map((t) => t.sse?.kmsKeyArn),
    ...r.lambdaFunctions.map((f) => f.kmsKeyArn),
    ...r.kinesisStreams.map((k) => (k.encryption === "KMS" ? k.kmsKeyId : undefined)),
    ...r.sqsQueues.map((q) => q.kmsKeyId),
    ...r.snsTopics.map((t) => t.kmsKeyId),
    ...r.timestreamDatabases.map((d) => d.kmsKeyArn),
    ...r.logGroups.map((g) => g.kmsKeyArn),
    ...r.cloudTrails.map((t) => t.kmsKeyArn),
  ];
  return [...new Set(refs.filter((x): x is string => Boolean(x)))];
}

/**
 * The KMS keys and aliases a region's resources reference, resolved the way KMS resolves them: a
 * key ARN or a customer alias names one of the region's keys; "alias/aws/<service>" names the AWS
 * managed key of that service (AWS creates it on first use). Unresolvable references dangle.
 */
export function referencedKmsKeys(estate: Estate, region: string): { keys: Set<string>; aliases: Set<string> } {
  const r = estate.byRegion[region];
  const keys = new Set<string>();
  const aliases = new Set<string>();
  if (!r) return { keys, aliases };
  const scope = { accountId: estate.accountId, region };
  for (const ref of kmsReferences(estate, region)) {
    const alias = ref.startsWith("alias/") ? ref : /^arn:aws:kms:[^:]+:\d{12}:(alias\/.+)$/.exec(ref)?.[1];
    if (alias) {
      const key = r.kmsKeys.find((k) => k.aliases.includes(alias));
      if (key) keys.add(arns.kmsKey(scope, key.id));
      else if (alias.startsWith("alias/aws/")) keys.add(`aws-managed:${alias}`);
      else continue;
      aliases.add(arns.kmsAlias(scope, alias));
    } else if (r.kmsKeys.some((k) => arns.kmsKey(scope, k.id) === ref)) {
      keys.add(ref);
    }
  }
  return { keys, aliases };
}

/**
 * What an inventory of the whole estate finds, by CloudFormation type (and the synthetic kinds
 * Silkroute records), per region and "global" (IAM roles). Every type appears in every record
 * (zero where there is none). S3 buckets count under the region they are located in; device
 * shadows are not resources.
 *
 * IAM roles and KMS keys are read by reference, as an inventory of an IoT estate reads them: the
 * roles the estate's resources name, and the keys and aliases its resources are encrypted with
 * (customer keys and AWS managed keys alike). A key nothing uses (the retired pilot key, the
 * firmware signing key) is not counted. Endpoints: the ATS data, credential provider and jobs
 * endpoints; the legacy Symantec-signed iot:Data endpoint is not an inventory item.
 */
export function expectedCounts(estate: Estate): Record<string, ResourceCounts> {
  const out: Record<string, ResourceCounts> = {};
  for (const region of estate.regions) {
    const r = estate.byRegion[region] as RegionEstate;
    const c = zeroCounts();
    const iot = r.iot;
    c["AWS::IoT::Thing"] = iot.things.length;
    c["AWS::IoT::ThingType"] = iot.thingTypes.length;
    c["AWS::IoT::ThingGroup"] = iot.thingGroups.length;
    c["AWS::IoT::BillingGroup"] = iot.billingGroups.length;
    c["AWS::IoT::Certificate"] = iot.certificates.length;
    c["AWS::IoT::CACertificate"] = iot.caCertificates.length;
    c["AWS::IoT::Policy"] = iot.policies.length;
    c["AWS::IoT::TopicRule"] = iot.topicRules.length;
    c["AWS::IoT::TopicRuleDestination"] = iot.topicRuleDestinations.length;
    c["AWS::IoT::JobTemplate"] = iot.jobTemplates.length;
    c["AWS::IoT::Job"] = iot.jobs.length;
    c["AWS::IoT::RoleAlias"] = iot.roleAliases.length;
    c["AWS::IoT::Authorizer"] = iot.authorizers.length;
    c["AWS::IoT::DomainConfiguration"] = iot.domainConfigurations.length;
    c["AWS::IoT::ProvisioningTemplate"] = iot.provisioningTemplates.length;
    c["AWS::IoT::FleetIndexing"] = 1;
    c["AWS::IoT::Logging"] = 1;
    c["AWS::IoT::Endpoint"] = (["iot:Data-ATS", "iot:CredentialProvider", "iot:Jobs"] as const).filter((t) => iot.endpoints[t]).length;
    c["AWS::S3::Bucket"] = estate.s3Buckets.filter((b) => b.region === region).length;
    c["AWS::DynamoDB::Table"] = r.dynamodbTables.length;
    c["AWS::Lambda::Function"] = r.lambdaFunctions.length;
    c["AWS::Kinesis::Stream"] = r.kinesisStreams.length;
    c["AWS::SQS::Queue"] = r.sqsQueues.length;
    c["AWS::SNS::Topic"] = r.snsTopics.length;
    c["AWS::Timestream::Database"] = r.timestreamDatabases.length;
    c["AWS::Timestream::Table"] = r.timestreamDatabases.reduce((n, d) => n + d.tables.length, 0);
    const kms = referencedKmsKeys(estate, region);
    c["AWS::KMS::Key"] = kms.keys.size;
    c["AWS::KMS::Alias"] = kms.aliases.size;
    c["AWS::Logs::LogGroup"] = r.logGroups.length;
    c["AWS::CloudTrail::Trail"] = r.cloudTrails.length;
    out[region] = c;
  }
  const global = zeroCounts();
  const roles = referencedRoleArns(estate);
  global["AWS::IAM::Role"] = estate.iamRoles.filter((role) => roles.has(arns.iamRole(estate.accountId, role.name, role.path))).length;
  out.global = global;
  return out;
}

export interface EstateSummary {
  accountId: string;
  regions: string[];
  /** Sum over regions and global. */
  totals: ResourceCounts;
  total: number;
  perRegion: Record<string, ResourceCounts>;
  /** Things worth asserting on in tests. */
  notable: {
    malformedPolicies: Array<{ region: string; policyName: string; versionId: string }>;
    danglingFunctionArns: Array<{ region: string; ruleName: string; functionArn: string }>;
    hostileThings: Array<{ region: string; thingName: string }>;
    lambdaSecretValues: string[];
    /** Credentials planted in job and job template documents (pre-signed URL signatures, passwords, keys). */
    jobDocumentSecrets: string[];
  };
}

export function estateSummary(estate: Estate): EstateSummary {
  const perRegion = expectedCounts(estate);
  const totals = zeroCounts();
  for (const counts of Object.values(perRegion)) for (const type of CFN_TYPES) totals[type] += counts[type];
  const notable: EstateSummary["notable"] = { malformedPolicies: [], danglingFunctionArns: [], hostileThings: [], lambdaSecretValues: [], jobDocumentSecrets: [] };
  for (const region of estate.regions) {
    const r = estate.byRegion[region] as RegionEstate;
    for (const policy of r.iot.policies) {
      for (const version of policy.versions) {
        try {
          JSON.parse(version.document);
        } catch {
          notable.malformedPolicies.push({ region, policyName: policy.name, versionId: version.versionId });
        }
      }
    }
    const functionArns = new Set(r.lambdaFunctions.map((f) => arns.lambdaFunction({ accountId: estate.accountId, region }, f.name)));
    for (const rule of r.iot.topicRules) {
      for (const action of [...rule.actions, ...(rule.errorAction ? [rule.errorAction] : [])]) {
        const arn = action.lambda?.functionArn as string | undefined;
        if (arn && !functionArns.has(arn)) notable.danglingFunctionArns.push({ region, ruleName: rule.name, functionArn: arn });
      }
    }
    for (const thing of r.iot.things) if ("note" in thing.attributes) notable.hostileThings.push({ region, thingName: thing.name });
    for (const fn of r.lambdaFunctions) for (const value of Object.values(fn.environment)) if (value.includes("sk-live")) notable.lambdaSecretValues.push(value);
    for (const doc of [...r.iot.jobs, ...r.iot.jobTemplates].map((j) => j.document)) {
      for (const m of doc.matchAll(/sk-live-job-[a-z]+-[a-z0-9]+|X-Amz-(?:Credential|Security-Token|Signature)=([^&%'"\s]+)/g)) notable.jobDocumentSecrets.push(m[1] ?? m[0]);
    }
  }
  return {
    accountId: estate.accountId,
    regions: estate.regions,
    totals,
    total: CFN_TYPES.reduce((sum, t) => sum + totals[t], 0),
    perRegion,
    notable,
  };
}
