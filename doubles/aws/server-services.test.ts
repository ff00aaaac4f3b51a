import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, ListTagsCommand as ListTrailTagsCommand } from "@aws-sdk/client-cloudtrail";
import { CloudWatchLogsClient, ListTagsForResourceCommand as ListLogTagsCommand, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand, paginateListTables } from "@aws-sdk/client-dynamodb";
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, ListRoleTagsCommand, paginateListRoles } from "@aws-sdk/client-iam";
import { DescribeStreamSummaryCommand, KinesisClient, ListTagsForStreamCommand, paginateListStreams } from "@aws-sdk/client-kinesis";
import { DescribeKeyCommand, KMSClient, ListAliasesCommand, ListResourceTagsCommand, paginateListAliases } from "@aws-sdk/client-kms";
import { GetFunctionCommand, LambdaClient, ListTagsCommand, paginateListFunctions } from "@aws-sdk/client-lambda";
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  PutObjectCommand,
  S3Client,
  paginateListBuckets,
} from "@aws-sdk/client-s3";
import { ListTagsForResourceCommand as ListTopicTagsCommand, GetTopicAttributesCommand, SNSClient, paginateListTopics } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, ListQueueTagsCommand, ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import {
  DescribeTableCommand as DescribeTimestreamTableCommand,
  ListDatabasesCommand,
  ListTagsForResourceCommand as ListTimestreamTagsCommand,
  TimestreamWriteClient,
  paginateListTables as paginateListTimestreamTables,
} from "@aws-sdk/client-timestream-write";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arns } from "./arns";
import type { RegionEstate, S3Bucket } from "./estate";
import { HOSTILE_VALUES } from "./hostile-values";
import { DEFAULT_CREDENTIALS } from "./server";
import { clientConfig, failure, startTestStandIn, type TestStandIn } from "./test-support";

let t: TestStandIn;
let eu: RegionEstate;
const scope = { accountId: "123456789012", region: "eu-central-1" };

beforeAll(async () => {
  t = await startTestStandIn({ things: 50 });
  eu = t.estate.byRegion["eu-central-1"] as RegionEstate;
});
afterAll(() => t.server.stop());

async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

const bucketNamed = (prefix: string, region = "eu-central-1") => t.estate.s3Buckets.find((b) => b.name.startsWith(prefix) && b.region === region) as S3Bucket;

describe("S3 (restXml)", () => {
  it("lists every bucket with its region, page by page", async () => {
    const s3 = new S3Client(clientConfig(t.server));
    const buckets = await all(paginateListBuckets({ client: s3, pageSize: 3 }, {}), (p) => p.Buckets);
    expect(buckets.map((b) => b.Name).sort()).toEqual(t.estate.s3Buckets.map((b) => b.name).sort());
    const archive = buckets.find((b) => b.Name === bucketNamed("iot-telemetry-archive-").name);
    expect(archive?.BucketRegion).toBe("eu-central-1");
    expect(archive?.CreationDate).toBeInstanceOf(Date);
  });

  it("reads bucket configuration, and answers S3's not-configured codes", async () => {
    const s3 = new S3Client(clientConfig(t.server));
    const archive = bucketNamed("iot-telemetry-archive-");
    const legacy = bucketNamed("legacy-exports-");
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: archive.name }))).LocationConstraint).toBe("eu-central-1");
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: archive.name }))).Status).toBe("Enabled");
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: legacy.name }))).Status).toBeUndefined();
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: archive.name }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: "aws:kms", KMSMasterKeyID: archive.encryption?.kmsKeyArn });
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: archive.name }))).PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
    const replication = await s3.send(new GetBucketReplicationCommand({ Bucket: archive.name }));
    expect(replication.ReplicationConfiguration?.Rules?.[0]?.Destination?.Bucket).toBe(arns.s3Bucket(bucketNamed("iot-telemetry-archive-", "us-east-1").name));
    const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucketNamed("iot-firmware-").name }));
    expect(lock.ObjectLockConfiguration?.Rule?.DefaultRetention).toEqual({ Mode: "GOVERNANCE", Days: 365 });
    const lifecycle = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: archive.name }));
    expect(lifecycle.Rules?.[0]?.Transitions).toHaveLength(2);
    const tagging = await s3.send(new GetBucketTaggingCommand({ Bucket: archive.name }));
    expect(tagging.TagSet?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.formula);

    const notConfigured = [
      [new GetBucketEncryptionCommand({ Bucket: legacy.name }), "ServerSideEncryptionConfigurationNotFoundError"],
      [new GetPublicAccessBlockCommand({ Bucket: legacy.name }), "NoSuchPublicAccessBlockConfiguration"],
      [new GetBucketReplicationCommand({ Bucket: legacy.name }), "ReplicationConfigurationNotFoundError"],
      [new GetObjectLockConfigurationCommand({ Bucket: legacy.name }), "ObjectLockConfigurationNotFoundError"],
      [new GetBucketLifecycleConfigurationCommand({ Bucket: legacy.name }), "NoSuchLifecycleConfiguration"],
      [new GetBucketTaggingCommand({ Bucket: legacy.name }), "NoSuchTagSet"],
      [new GetBucketTaggingCommand({ Bucket: "no-such-bucket-anywhere" }), "NoSuchBucket"],
    ] as const;
    for (const [command, code] of notConfigured) {
      const e = await failure(s3.send(command as Parameters<typeof s3.send>[0]));
      expect(e.name).toBe(code);
    }
  });

  it("redirects a bucket call signed for the wrong region, and the SDK can follow it", async () => {
    const archive = bucketNamed("iot-telemetry-archive-");
    const wrong = new S3Client(clientConfig(t.server, "us-east-1"));
    const e = await failure(wrong.send(new GetBucketEncryptionCommand({ Bucket: archive.name })));
    expect(e).toMatchObject({ name: "PermanentRedirect", status: 301 });
    // GetBucketLocation works from any region: it is how clients find out
    expect((await wrong.send(new GetBucketLocationCommand({ Bucket: archive.name }))).LocationConstraint).toBe("eu-central-1");
    const following = new S3Client({ ...clientConfig(t.server, "us-east-1"), followRegionRedirects: true });
    expect((await following.send(new GetBucketEncryptionCommand({ Bucket: archive.name }))).ServerSideEncryptionConfiguration).toBeDefined();
  });

  it("refuses writes", async () => {
    const s3 = new S3Client(clientConfig(t.server));
    const e = await failure(s3.send(new PutObjectCommand({ Bucket: bucketNamed("iot-firmware-").name, Key: "x", Body: "y" })));
    expect(e).toMatchObject({ name: "MethodNotAllowed", status: 405 });
  });
});

describe("DynamoDB (awsJson1_0)", () => {
  it("lists and describes tables, backups and tags", async () => {
    const ddb = new DynamoDBClient(clientConfig(t.server));
    const names = await all(paginateListTables({ client: ddb, pageSize: 1 }, {}), (p) => p.TableNames);
    expect(names).toEqual(eu.dynamodbTables.map((x) => x.name).sort());
    const global = await ddb.send(new DescribeTableCommand({ TableName: "fleet-config-global" }));
    expect(global.Table?.GlobalTableVersion).toBe("2019.11.21");
    expect(global.Table?.Replicas?.map((r) => r.RegionName)).toEqual(["us-east-1"]);
    expect(global.Table?.SSEDescription?.SSEType).toBe("KMS");
    const cache = await ddb.send(new DescribeTableCommand({ TableName: "device-registry-cache" }));
    expect(cache.Table?.BillingModeSummary?.BillingMode).toBe("PROVISIONED");
    expect(cache.Table?.ProvisionedThroughput?.ReadCapacityUnits).toBe(5);
    const pitr = await ddb.send(new DescribeContinuousBackupsCommand({ TableName: "device-telemetry" }));
    expect(pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus).toBe("ENABLED");
    const tags = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arns.dynamodbTable(scope, "device-telemetry") }));
    expect(tags.Tags?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.sql);
    expect((await failure(ddb.send(new DescribeTableCommand({ TableName: "missing" })))).name).toBe("ResourceNotFoundException");
  });
});

describe("Lambda (restJson1)", () => {
  it("lists functions with their (secret) environment values and tags", async () => {
    const lambda = new LambdaClient(clientConfig(t.server));
    const functions = await all(paginateListFunctions({ client: lambda, pageSize: 2 }, {}), (p) => p.Functions);
    expect(functions.map((f) => f.FunctionName)).toEqual(eu.lambdaFunctions.map((f) => f.name));
    expect(Object.values(functions[0]?.Environment?.Variables ?? {}).some((v) => v.startsWith("sk-live-"))).toBe(true);
    const tags = await lambda.send(new ListTagsCommand({ Resource: arns.lambdaFunction(scope, "telemetry-processor") }));
    expect(tags.Tags?.note).toBe(HOSTILE_VALUES.script);
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: "device-authorizer" }));
    expect(fn.Configuration?.Role).toContain("lambda-authorizer-role");
    expect((await failure(lambda.send(new GetFunctionCommand({ FunctionName: "telemetry-enricher-v0" })))).name).toBe("ResourceNotFoundException");
  });
});

describe("Kinesis (awsJson1_1 over HTTP/2)", () => {
  it("lists and describes streams and their tags", async () => {
    const kinesis = new KinesisClient(clientConfig(t.server));
    const names = await all(paginateListStreams({ client: kinesis, pageSize: 1 }, {}), (p) => p.StreamNames);
    expect(names).toEqual(["alerts-stream", "device-telemetry-stream"]);
    const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamARN: arns.kinesisStream(scope, "device-telemetry-stream") }));
    expect(summary.StreamDescriptionSummary?.EncryptionType).toBe("KMS");
    const tags = await kinesis.send(new ListTagsForStreamCommand({ StreamName: "device-telemetry-stream" }));
    expect(tags.Tags?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.attributeBreakout);
    kinesis.destroy();
  });
});

describe("SQS (awsJson1_0, query-compatible)", () => {
  it("hands out queue URLs on the stand-in and reads attributes and tags through them", async () => {
    const sqs = new SQSClient(clientConfig(t.server));
    const queues = await sqs.send(new ListQueuesCommand({}));
    expect(queues.QueueUrls).toHaveLength(eu.sqsQueues.length);
    expect(queues.QueueUrls?.every((u) => u.startsWith(`${t.server.url}/123456789012/`))).toBe(true);
    const alerts = queues.QueueUrls?.find((u) => u.endsWith("/device-alerts")) as string;
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: alerts, AttributeNames: ["All"] }));
    expect(attrs.Attributes?.QueueArn).toBe(arns.sqsQueue(scope, "device-alerts"));
    expect(JSON.parse(attrs.Attributes?.RedrivePolicy as string).deadLetterTargetArn).toBe(arns.sqsQueue(scope, "device-alerts-dlq"));
    const tags = await sqs.send(new ListQueueTagsCommand({ QueueUrl: alerts }));
    expect(tags.Tags?.note).toBe(HOSTILE_VALUES.long);
    const paged = await sqs.send(new ListQueuesCommand({ MaxResults: 1 }));
    expect(paged.NextToken).toBeDefined();
    const missing = await failure(sqs.send(new ListQueueTagsCommand({ QueueUrl: `${t.server.url}/123456789012/nope` })));
    expect(missing.name).toBe("QueueDoesNotExist");
  });
});

describe("SNS (awsQuery)", () => {
  it("lists topics and reads attributes and tags, control characters intact", async () => {
    const sns = new SNSClient(clientConfig(t.server));
    const topics = await all(paginateListTopics({ client: sns }, {}), (p) => p.Topics);
    expect(topics.map((x) => x.TopicArn)).toEqual(eu.snsTopics.map((x) => arns.snsTopic(scope, x.name)));
    const attrs = await sns.send(new GetTopicAttributesCommand({ TopicArn: arns.snsTopic(scope, "ops-alerts") }));
    expect(attrs.Attributes?.KmsMasterKeyId).toBe("alias/aws/sns");
    const tags = await sns.send(new ListTopicTagsCommand({ ResourceArn: arns.snsTopic(scope, "ops-alerts") }));
    expect(tags.Tags?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.controlCharacters);
    expect((await failure(sns.send(new GetTopicAttributesCommand({ TopicArn: arns.snsTopic(scope, "nope") })))).name).toBe("NotFoundException");
  });
});

describe("Timestream Write (awsJson1_0 with endpoint discovery)", () => {
  it("discovers its endpoint on the stand-in when configured through AWS_ENDPOINT_URL", async () => {
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = t.server.url;
    try {
      const before = t.server.stats().byOperation["timestream:DescribeEndpoints"]?.calls ?? 0;
      const ts = new TimestreamWriteClient({ region: "eu-central-1", credentials: DEFAULT_CREDENTIALS, maxAttempts: 1 });
      const dbs = await ts.send(new ListDatabasesCommand({}));
      expect(dbs.Databases?.map((d) => d.DatabaseName)).toEqual(["iot_telemetry", "fleet_metrics"]);
      expect(dbs.Databases?.[0]?.KmsKeyId).toContain(":key/");
      const tags = await ts.send(new ListTimestreamTagsCommand({ ResourceARN: arns.timestreamDatabase(scope, "iot_telemetry") }));
      expect(tags.Tags?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.rightToLeftOverride);
      expect(t.server.stats().byOperation["timestream:DescribeEndpoints"]?.calls).toBeGreaterThan(before);
    } finally {
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = previous;
    }
  });

  it("lists, describes and tags the tables of each database", async () => {
    const ts = new TimestreamWriteClient(clientConfig(t.server));
    for (const database of eu.timestreamDatabases) {
      const tables = await all(paginateListTimestreamTables({ client: ts, pageSize: 2 }, { DatabaseName: database.name }), (p) => p.Tables);
      expect(tables.map((x) => x.TableName)).toEqual(database.tables.map((x) => x.name));
      expect(tables.every((x) => x.DatabaseName === database.name && x.Arn === arns.timestreamTable(scope, database.name, x.TableName as string))).toBe(true);
    }
    const everyTable = await all(paginateListTimestreamTables({ client: ts }, {}), (p) => p.Tables);
    expect(everyTable).toHaveLength(eu.timestreamDatabases.reduce((n, d) => n + d.tables.length, 0));
    const described = await ts.send(new DescribeTimestreamTableCommand({ DatabaseName: "iot_telemetry", TableName: "measurements" }));
    expect(described.Table?.RetentionProperties?.MemoryStoreRetentionPeriodInHours).toBe(24);
    const tags = await ts.send(new ListTimestreamTagsCommand({ ResourceARN: arns.timestreamTable(scope, "iot_telemetry", "measurements") }));
    expect(tags.Tags).toEqual([{ Key: "service", Value: "telemetry" }]);
    expect((await failure(ts.send(new DescribeTimestreamTableCommand({ DatabaseName: "iot_telemetry", TableName: "nope" })))).name).toBe("ResourceNotFoundException");
    expect((await failure(ts.send(new ListTimestreamTagsCommand({ ResourceARN: arns.timestreamTable(scope, "iot_telemetry", "nope") })))).name).toBe("ResourceNotFoundException");
  });
});

describe("IAM (awsQuery, global)", () => {
  it("reads roles, attached policies and tags", async () => {
    const iam = new IAMClient(clientConfig(t.server, "us-east-1"));
    const roles = await all(paginateListRoles({ client: iam, pageSize: 5 }, {}), (p) => p.Roles);
    expect(roles).toHaveLength(t.estate.iamRoles.length);
    const role = await iam.send(new GetRoleCommand({ RoleName: "iot-rule-s3-writer" }));
    // IAM returns trust policies URL-encoded
    expect(JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument as string)).Statement[0].Principal.Service).toBe("iot.amazonaws.com");
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "lambda-legacy-admin-role" }));
    expect(attached.AttachedPolicies?.[0]?.PolicyArn).toBe("arn:aws:iam::aws:policy/AdministratorAccess");
    const tags = await iam.send(new ListRoleTagsCommand({ RoleName: "iot-rule-s3-writer" }));
    expect(tags.Tags?.find((x) => x.Key === "note")?.Value).toBe(HOSTILE_VALUES.sql);
    expect((await failure(iam.send(new GetRoleCommand({ RoleName: "nope" })))).name).toBe("NoSuchEntityException");
  });
});

describe("KMS (awsJson1_1)", () => {
  it("describes keys by alias and lists aliases and tags", async () => {
    const kms = new KMSClient(clientConfig(t.server));
    const key = await kms.send(new DescribeKeyCommand({ KeyId: "alias/iot-timestream" }));
    expect(key.KeyMetadata?.KeyManager).toBe("CUSTOMER");
    const byArn = await kms.send(new DescribeKeyCommand({ KeyId: key.KeyMetadata?.Arn }));
    expect(byArn.KeyMetadata?.KeyId).toBe(key.KeyMetadata?.KeyId);
    const managed = await kms.send(new DescribeKeyCommand({ KeyId: "alias/aws/kinesis" }));
    expect(managed.KeyMetadata?.KeyManager).toBe("AWS");
    // an AWS managed key answers to its id and ARN too, and ListAliases names its alias
    const managedById = await kms.send(new DescribeKeyCommand({ KeyId: managed.KeyMetadata?.KeyId }));
    expect(managedById.KeyMetadata?.Arn).toBe(managed.KeyMetadata?.Arn);
    const managedAliases = await kms.send(new ListAliasesCommand({ KeyId: managed.KeyMetadata?.Arn }));
    expect(managedAliases.Aliases?.map((a) => a.AliasName)).toEqual(["alias/aws/kinesis"]);
    const customerAliases = await kms.send(new ListAliasesCommand({ KeyId: key.KeyMetadata?.KeyId }));
    expect(customerAliases.Aliases?.map((a) => a.AliasName)).toEqual(["alias/iot-timestream"]);
    const aliases = await all(paginateListAliases({ client: kms, pageSize: 2 }, {}), (p) => p.Aliases);
    expect(aliases).toHaveLength(eu.kmsKeys.reduce((n, k) => n + k.aliases.length, 0));
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: "alias/iot-telemetry-s3" }));
    expect(tags.Tags?.find((x) => x.TagKey === "note")?.TagValue).toBe(HOSTILE_VALUES.controlCharacters);
    expect((await failure(kms.send(new DescribeKeyCommand({ KeyId: "alias/nope" })))).name).toBe("NotFoundException");
  });
});

describe("CloudWatch Logs (awsJson1_1)", () => {
  it("lists log groups with retention and reads tags", async () => {
    const logs = new CloudWatchLogsClient(clientConfig(t.server));
    const groups = await all(paginateDescribeLogGroups({ client: logs, pageSize: 3 }, {}), (p) => p.logGroups);
    expect(groups).toHaveLength(eu.logGroups.length);
    expect(groups.some((g) => g.retentionInDays === undefined)).toBe(true);
    const tags = await logs.send(new ListLogTagsCommand({ resourceArn: arns.logGroup(scope, "AWSIotLogsV2") }));
    expect(tags.tags?.note).toBe(HOSTILE_VALUES.formula);
  });
});

describe("CloudTrail (awsJson1_1)", () => {
  it("shows multi-region trails everywhere, with status and tags", async () => {
    const ct = new CloudTrailClient(clientConfig(t.server, "us-east-1"));
    const trails = await ct.send(new DescribeTrailsCommand({}));
    const org = trails.trailList?.find((x) => x.Name === "org-audit-trail");
    expect(org).toMatchObject({ HomeRegion: "eu-central-1", IsMultiRegionTrail: true, LogFileValidationEnabled: true });
    const own = await ct.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(own.trailList?.every((x) => x.HomeRegion === "us-east-1")).toBe(true);
    const status = await ct.send(new GetTrailStatusCommand({ Name: org?.TrailARN }));
    expect(status.IsLogging).toBe(true);
    const tags = await ct.send(new ListTrailTagsCommand({ ResourceIdList: [org?.TrailARN as string] }));
    expect(tags.ResourceTagList?.[0]?.TagsList?.find((x) => x.Key === "owner")?.Value).toBe("security");
    expect((await failure(ct.send(new GetTrailStatusCommand({ Name: "nope" })))).name).toBe("TrailNotFoundException");
  });
});
