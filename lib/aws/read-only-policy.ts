/**
 * The IAM policy a read-only role for Silkroute needs: every action the collectors call, and
 * nothing that writes. Shown in Settings → Connections to copy; a test checks that it covers
 * every API the collectors declare, so it cannot fall behind them.
 */
export const READ_ONLY_ACTIONS = [
  // AWS IoT Core (control and data plane)
  "iot:Describe*",
  "iot:Get*",
  "iot:List*",
  // Storage, data and compute the IoT rules write to
  "s3:ListAllMyBuckets",
  "s3:GetBucketLocation",
  "s3:GetBucketVersioning",
  "s3:GetEncryptionConfiguration",
  "s3:GetBucketPublicAccessBlock",
  "s3:GetReplicationConfiguration",
  "s3:GetBucketObjectLockConfiguration",
  "s3:GetLifecycleConfiguration",
  "s3:GetBucketTagging",
  "dynamodb:ListTables",
  "dynamodb:DescribeTable",
  "dynamodb:DescribeContinuousBackups",
  "dynamodb:ListTagsOfResource",
  "lambda:ListFunctions",
  "lambda:ListTags",
  "kinesis:ListStreams",
  "kinesis:DescribeStreamSummary",
  "kinesis:ListTagsForStream",
  "sqs:ListQueues",
  "sqs:GetQueueAttributes",
  "sqs:ListQueueTags",
  "sns:ListTopics",
  "sns:GetTopicAttributes",
  "sns:ListTagsForResource",
  "timestream:DescribeEndpoints",
  "timestream:ListDatabases",
  "timestream:ListTables",
  "timestream:ListTagsForResource",
  // Identity, keys, logs and audit trails the stack uses
  "iam:GetRole",
  "iam:ListAttachedRolePolicies",
  "kms:DescribeKey",
  "kms:ListAliases",
  "kms:ListResourceTags",
  "logs:DescribeLogGroups",
  "logs:ListTagsForResource",
  "cloudtrail:DescribeTrails",
  "cloudtrail:GetTrailStatus",
  "cloudtrail:ListTrails",
  "cloudtrail:ListTags",
  "sts:GetCallerIdentity",
] as const;

export function readOnlyPolicyDocument(): string {
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [{ Sid: "SilkrouteReadOnlyInventory", Effect: "Allow", Action: READ_ONLY_ACTIONS, Resource: "*" }],
    },
    null,
    2,
  );
}

/** The trust policy of the cross-account role, with the external id Silkroute presents. */
export function trustPolicyDocument(silkrouteAccountId: string, externalId: string): string {
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${silkrouteAccountId}:root` },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
      ],
    },
    null,
    2,
  );
}

/** IAM action names that differ from the API operation's name. */
export const IAM_ACTION_OF: Record<string, string> = {
  "s3:ListBuckets": "s3:ListAllMyBuckets",
  "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
  "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
  "s3:GetBucketReplication": "s3:GetReplicationConfiguration",
  "s3:GetObjectLockConfiguration": "s3:GetBucketObjectLockConfiguration",
  "s3:GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration",
  "iotdata:GetThingShadow": "iot:GetThingShadow",
  "iotdata:ListNamedShadowsForThing": "iot:ListNamedShadowsForThing",
};
