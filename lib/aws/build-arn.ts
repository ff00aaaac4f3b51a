/**
 * ARNs for resources that AWS APIs name only by name (a rule action's bucket, a thing in a group's
 * member list...). Relations need ARNs on both ends; these builders follow each service's
 * documented ARN format, so a built ARN equals the one the owning collector records.
 */
import { KIND, type KnownKind } from "@/lib/aws/resource-kinds";
import { parseArn } from "@/lib/aws/parse-arn";

/** Where a resource lives: the partition, region and account of the scan or of a parsed ARN. */
export interface ArnScope {
  partition: string;
  region: string;
  accountId: string;
}

export function buildArn(scope: ArnScope, service: string, resource: string): string {
  return `arn:${scope.partition}:${service}:${scope.region}:${scope.accountId}:${resource}`;
}

/** `arn:aws:iot:eu-west-1:123456789012:thing/sensor-1` and friends. */
export function iotArn(scope: ArnScope, resourceType: string, name: string): string {
  return buildArn(scope, "iot", `${resourceType}/${name}`);
}

export function s3BucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

export function dynamoDbTableArn(scope: ArnScope, table: string): string {
  return buildArn(scope, "dynamodb", `table/${table}`);
}

export function kinesisStreamArn(scope: ArnScope, stream: string): string {
  return buildArn(scope, "kinesis", `stream/${stream}`);
}

export function firehoseArn(scope: ArnScope, deliveryStream: string): string {
  return buildArn(scope, "firehose", `deliverystream/${deliveryStream}`);
}

/** Log group ARNs without the ":*" suffix that DescribeLogGroups' `arn` field carries. */
export function logGroupArn(scope: ArnScope, logGroupName: string): string {
  return buildArn(scope, "logs", `log-group:${logGroupName}`);
}

export function withoutLogStreamWildcard(arn: string): string {
  return arn.endsWith(":*") ? arn.slice(0, -2) : arn;
}

export function timestreamDatabaseArn(scope: ArnScope, database: string): string {
  return buildArn(scope, "timestream", `database/${database}`);
}

export function timestreamTableArn(scope: ArnScope, database: string, table: string): string {
  return buildArn(scope, "timestream", `database/${database}/table/${table}`);
}

export function stateMachineArn(scope: ArnScope, name: string): string {
  return buildArn(scope, "states", `stateMachine:${name}`);
}

export function iotAnalyticsChannelArn(scope: ArnScope, channel: string): string {
  return buildArn(scope, "iotanalytics", `channel/${channel}`);
}

export function iotEventsInputArn(scope: ArnScope, input: string): string {
  return buildArn(scope, "iotevents", `input/${input}`);
}

export function locationTrackerArn(scope: ArnScope, tracker: string): string {
  return buildArn(scope, "geo", `tracker/${tracker}`);
}

export function snsTopicArn(scope: ArnScope, topic: string): string {
  return buildArn(scope, "sns", topic);
}

export function lambdaFunctionArn(scope: ArnScope, nameOrArn: string): string {
  return nameOrArn.startsWith("arn:") ? nameOrArn : buildArn(scope, "lambda", `function:${nameOrArn}`);
}

/** A Lambda ARN with a version or alias qualifier, without it (the function is the resource). */
export function unqualifiedFunctionArn(arn: string): string {
  const match = /^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+)(:.+)?$/.exec(arn);
  return match?.[1] ?? arn;
}

export function iamRoleArn(scope: ArnScope, nameOrArn: string): string {
  return nameOrArn.startsWith("arn:") ? nameOrArn : `arn:${scope.partition}:iam::${scope.accountId}:role/${nameOrArn}`;
}

/** A Cognito identity id ("eu-west-1:uuid") used as an IoT principal, as an ARN-shaped id. */
export function cognitoIdentityArn(scope: ArnScope, identityId: string): string {
  const region = identityId.split(":")[0] || scope.region;
  return `arn:${scope.partition}:cognito-identity:${region}:${scope.accountId}:identity/${identityId}`;
}

/**
 * SQS queue URLs (`https://sqs.eu-west-1.amazonaws.com/123456789012/orders`, the legacy
 * `https://eu-west-1.queue.amazonaws.com/...`, or a local endpoint) to the queue's ARN.
 */
export function sqsQueueArnFromUrl(scope: ArnScope, queueUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(queueUrl);
  } catch {
    return undefined;
  }
  const [accountId, name] = url.pathname.split("/").filter(Boolean);
  if (!accountId || !name) return undefined;
  const region =
    /^sqs\.([a-z0-9-]+)\./.exec(url.hostname)?.[1] ?? /^([a-z0-9-]+)\.queue\./.exec(url.hostname)?.[1] ?? scope.region;
  return `arn:${scope.partition}:sqs:${region}:${accountId}:${name}`;
}

/**
 * A KMS key reference as services give it (key id, key ARN, alias name or alias ARN) as an ARN
 * and the kind it names. AWS-managed aliases such as "alias/aws/sqs" are aliases like any other.
 */
export function kmsKeyReference(scope: ArnScope, reference: string): { arn: string; kind: KnownKind } | undefined {
  const ref = reference.trim();
  if (!ref) return undefined;
  if (ref.startsWith("arn:")) {
    const parts = parseArn(ref);
    if (!parts || parts.service !== "kms") return undefined;
    return { arn: ref, kind: parts.resource.startsWith("alias/") ? KIND.kmsAlias : KIND.kmsKey };
  }
  if (ref.startsWith("alias/")) return { arn: buildArn(scope, "kms", ref), kind: KIND.kmsAlias };
  return { arn: buildArn(scope, "kms", `key/${ref}`), kind: KIND.kmsKey };
}
