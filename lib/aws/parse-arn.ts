/**
 * Reading ARNs: their parts, and which resource kind a reference points at.
 */
import { KIND, type KnownKind } from "@/lib/aws/resource-kinds";

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the account, e.g. "thing/sensor-1" or "function:ingest". */
  resource: string;
}

export function parseArn(arn: string): ArnParts | null {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!match) return null;
  const [, partition = "", service = "", region = "", accountId = "", resource = ""] = match;
  return { partition, service, region, accountId, resource };
}

/** Resource types (the resource part before "/" or ":") per service, and the kind each names. */
const KIND_BY_SERVICE_AND_TYPE: Record<string, Record<string, KnownKind>> = {
  iot: {
    thing: KIND.iotThing,
    thingtype: KIND.iotThingType,
    thinggroup: KIND.iotThingGroup,
    billinggroup: KIND.iotBillingGroup,
    cert: KIND.iotCertificate,
    cacert: KIND.iotCaCertificate,
    policy: KIND.iotPolicy,
    rule: KIND.iotTopicRule,
    ruledestination: KIND.iotTopicRuleDestination,
    job: KIND.iotJob,
    jobtemplate: KIND.iotJobTemplate,
    rolealias: KIND.iotRoleAlias,
    authorizer: KIND.iotAuthorizer,
    domainconfiguration: KIND.iotDomainConfiguration,
    provisioningtemplate: KIND.iotProvisioningTemplate,
  },
  s3: {},
  dynamodb: { table: KIND.dynamoDbTable },
  lambda: { function: KIND.lambdaFunction },
  kinesis: { stream: KIND.kinesisStream },
  firehose: { deliverystream: KIND.firehoseDeliveryStream },
  sqs: {},
  sns: {},
  timestream: { database: KIND.timestreamDatabase },
  logs: { "log-group": KIND.logGroup },
  cloudtrail: { trail: KIND.cloudTrailTrail },
  iam: { role: KIND.iamRole },
  kms: { key: KIND.kmsKey, alias: KIND.kmsAlias },
  states: { stateMachine: KIND.stepFunctionsStateMachine },
  iotanalytics: { channel: KIND.iotAnalyticsChannel },
  iotevents: { input: KIND.iotEventsInput },
  geo: { tracker: KIND.locationTracker },
  "cognito-identity": { identity: KIND.cognitoIdentity },
};

/** The kind an ARN names, when Silkroute knows it (undefined for anything else). */
export function kindOfArn(arn: string): KnownKind | undefined {
  const parts = parseArn(arn);
  if (!parts) return undefined;
  if (parts.service === "s3" && !parts.region && !parts.accountId && !parts.resource.includes("/")) return KIND.s3Bucket;
  if (parts.service === "sqs") return KIND.sqsQueue;
  if (parts.service === "sns" && !parts.resource.includes(":")) return KIND.snsTopic;
  if (parts.service === "timestream" && /^database\/[^/]+\/table\//.test(parts.resource)) return KIND.timestreamTable;
  const type = /^[^/:]+/.exec(parts.resource)?.[0] ?? "";
  return KIND_BY_SERVICE_AND_TYPE[parts.service]?.[type];
}

/** The last path segment of an ARN's resource, e.g. the role name of a role ARN with a path. */
export function arnResourceName(arn: string): string {
  const resource = parseArn(arn)?.resource ?? arn;
  const afterType = resource.replace(/^[^/:]+[/:]/, "");
  const segments = afterType.split("/");
  return segments[segments.length - 1] ?? afterType;
}
