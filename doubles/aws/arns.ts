/**
 * ARNs and addresses of estate resources, built the way AWS builds them. Shared by the estate
 * generator, the server and tests, so a reference in one place always matches the resource in
 * another.
 */

export interface ArnScope {
  accountId: string;
  region: string;
}

const iot = (s: ArnScope, resource: string) => `arn:aws:iot:${s.region}:${s.accountId}:${resource}`;

export const arns = {
  thing: (s: ArnScope, name: string) => iot(s, `thing/${name}`),
  thingType: (s: ArnScope, name: string) => iot(s, `thingtype/${name}`),
  thingGroup: (s: ArnScope, name: string) => iot(s, `thinggroup/${name}`),
  billingGroup: (s: ArnScope, name: string) => iot(s, `billinggroup/${name}`),
  certificate: (s: ArnScope, id: string) => iot(s, `cert/${id}`),
  caCertificate: (s: ArnScope, id: string) => iot(s, `cacert/${id}`),
  policy: (s: ArnScope, name: string) => iot(s, `policy/${name}`),
  topicRule: (s: ArnScope, name: string) => iot(s, `rule/${name}`),
  job: (s: ArnScope, id: string) => iot(s, `job/${id}`),
  jobTemplate: (s: ArnScope, id: string) => iot(s, `jobtemplate/${id}`),
  roleAlias: (s: ArnScope, name: string) => iot(s, `rolealias/${name}`),
  authorizer: (s: ArnScope, name: string) => iot(s, `authorizer/${name}`),
  domainConfiguration: (s: ArnScope, name: string, id: string) => iot(s, `domainconfiguration/${name}/${id}`),
  provisioningTemplate: (s: ArnScope, name: string) => iot(s, `provisioningtemplate/${name}`),
  topicRuleDestination: (s: ArnScope, kind: "http" | "vpc", id: string) => iot(s, `ruledestination/${kind}/${id}`),
  s3Bucket: (name: string) => `arn:aws:s3:::${name}`,
  dynamodbTable: (s: ArnScope, name: string) => `arn:aws:dynamodb:${s.region}:${s.accountId}:table/${name}`,
  lambdaFunction: (s: ArnScope, name: string) => `arn:aws:lambda:${s.region}:${s.accountId}:function:${name}`,
  kinesisStream: (s: ArnScope, name: string) => `arn:aws:kinesis:${s.region}:${s.accountId}:stream/${name}`,
  firehoseStream: (s: ArnScope, name: string) => `arn:aws:firehose:${s.region}:${s.accountId}:deliverystream/${name}`,
  sqsQueue: (s: ArnScope, name: string) => `arn:aws:sqs:${s.region}:${s.accountId}:${name}`,
  snsTopic: (s: ArnScope, name: string) => `arn:aws:sns:${s.region}:${s.accountId}:${name}`,
  timestreamDatabase: (s: ArnScope, name: string) => `arn:aws:timestream:${s.region}:${s.accountId}:database/${name}`,
  timestreamTable: (s: ArnScope, database: string, table: string) => `arn:aws:timestream:${s.region}:${s.accountId}:database/${database}/table/${table}`,
  kmsKey: (s: ArnScope, id: string) => `arn:aws:kms:${s.region}:${s.accountId}:key/${id}`,
  kmsAlias: (s: ArnScope, alias: string) => `arn:aws:kms:${s.region}:${s.accountId}:${alias}`,
  logGroup: (s: ArnScope, name: string) => `arn:aws:logs:${s.region}:${s.accountId}:log-group:${name}`,
  cloudTrail: (s: ArnScope, name: string) => `arn:aws:cloudtrail:${s.region}:${s.accountId}:trail/${name}`,
  stateMachine: (s: ArnScope, name: string) => `arn:aws:states:${s.region}:${s.accountId}:stateMachine:${name}`,
  iamRole: (accountId: string, name: string, path = "/") => `arn:aws:iam::${accountId}:role${path}${name}`,
  acmCertificate: (s: ArnScope, id: string) => `arn:aws:acm:${s.region}:${s.accountId}:certificate/${id}`,
};

/** The queue URL AWS hands out; the stand-in serves its own origin instead of the host (see README). */
export function awsQueueUrl(s: ArnScope, name: string): string {
  return `https://sqs.${s.region}.amazonaws.com/${s.accountId}/${name}`;
}
