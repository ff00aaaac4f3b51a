/**
 * Every collector's plan, by id: what it reads and calls, without its code (collector-types.ts,
 * CollectorPlan). Planning, estimating and queueing a scan, the scan's progress and the read-only
 * policy read these, so the web process loads no collector and no AWS SDK client to start a scan;
 * the worker runs the collectors (lib/aws/collector-registry.ts, the same ids). Ids are stored in
 * scan checkpoints: never rename one without a migration.
 */
import type { CollectorPlan } from "@/lib/aws/collector-types";
import { cloudtrailTrailsPlan } from "@/lib/aws/collectors/cloudtrail-trails.plan";
import { dynamodbTablesPlan } from "@/lib/aws/collectors/dynamodb-tables.plan";
import { iamRolesPlan } from "@/lib/aws/collectors/iam-roles.plan";
import { iotAuthorizersPlan } from "@/lib/aws/collectors/iot-authorizers.plan";
import { iotBillingGroupsPlan } from "@/lib/aws/collectors/iot-billing-groups.plan";
import { iotCaCertificatesPlan } from "@/lib/aws/collectors/iot-ca-certificates.plan";
import { iotCertificatesPlan } from "@/lib/aws/collectors/iot-certificates.plan";
import { iotDomainConfigurationsPlan } from "@/lib/aws/collectors/iot-domain-configurations.plan";
import { iotEndpointsPlan } from "@/lib/aws/collectors/iot-endpoints.plan";
import { iotIndexingPlan } from "@/lib/aws/collectors/iot-indexing.plan";
import { iotJobTemplatesPlan } from "@/lib/aws/collectors/iot-job-templates.plan";
import { iotJobsPlan } from "@/lib/aws/collectors/iot-jobs.plan";
import { iotLoggingPlan } from "@/lib/aws/collectors/iot-logging.plan";
import { iotPoliciesPlan } from "@/lib/aws/collectors/iot-policies.plan";
import { iotProvisioningTemplatesPlan } from "@/lib/aws/collectors/iot-provisioning-templates.plan";
import { iotRoleAliasesPlan } from "@/lib/aws/collectors/iot-role-aliases.plan";
import { iotRuleDestinationsPlan } from "@/lib/aws/collectors/iot-rule-destinations.plan";
import { iotThingGroupsPlan } from "@/lib/aws/collectors/iot-thing-groups.plan";
import { iotThingTypesPlan } from "@/lib/aws/collectors/iot-thing-types.plan";
import { iotThingsPlan } from "@/lib/aws/collectors/iot-things.plan";
import { iotTopicRulesPlan } from "@/lib/aws/collectors/iot-topic-rules.plan";
import { kinesisStreamsPlan } from "@/lib/aws/collectors/kinesis-streams.plan";
import { kmsKeysPlan } from "@/lib/aws/collectors/kms-keys.plan";
import { lambdaFunctionsPlan } from "@/lib/aws/collectors/lambda-functions.plan";
import { logsLogGroupsPlan } from "@/lib/aws/collectors/logs-log-groups.plan";
import { s3BucketsPlan } from "@/lib/aws/collectors/s3-buckets.plan";
import { snsTopicsPlan } from "@/lib/aws/collectors/sns-topics.plan";
import { sqsQueuesPlan } from "@/lib/aws/collectors/sqs-queues.plan";
import { timestreamDatabasesPlan } from "@/lib/aws/collectors/timestream-databases.plan";

export const collectorPlans = {
  // Phase 1: AWS IoT Core
  "iot.things": iotThingsPlan,
  "iot.thing-types": iotThingTypesPlan,
  "iot.thing-groups": iotThingGroupsPlan,
  "iot.billing-groups": iotBillingGroupsPlan,
  "iot.certificates": iotCertificatesPlan,
  "iot.ca-certificates": iotCaCertificatesPlan,
  "iot.policies": iotPoliciesPlan,
  "iot.topic-rules": iotTopicRulesPlan,
  "iot.rule-destinations": iotRuleDestinationsPlan,
  "iot.jobs": iotJobsPlan,
  "iot.job-templates": iotJobTemplatesPlan,
  "iot.role-aliases": iotRoleAliasesPlan,
  "iot.authorizers": iotAuthorizersPlan,
  "iot.domain-configurations": iotDomainConfigurationsPlan,
  "iot.provisioning-templates": iotProvisioningTemplatesPlan,
  "iot.indexing": iotIndexingPlan,
  "iot.logging": iotLoggingPlan,
  "iot.endpoints": iotEndpointsPlan,
  // Phase 1: the supporting stack
  "s3.buckets": s3BucketsPlan,
  "dynamodb.tables": dynamodbTablesPlan,
  "lambda.functions": lambdaFunctionsPlan,
  "kinesis.streams": kinesisStreamsPlan,
  "sqs.queues": sqsQueuesPlan,
  "sns.topics": snsTopicsPlan,
  "timestream.databases": timestreamDatabasesPlan,
  "logs.log-groups": logsLogGroupsPlan,
  "cloudtrail.trails": cloudtrailTrailsPlan,
  // Phase 2: what phase 1 points at
  "iam.roles": iamRolesPlan,
  "kms.keys": kmsKeysPlan,
} as const satisfies Record<string, CollectorPlan>;

export type CollectorId = keyof typeof collectorPlans;

export const COLLECTOR_IDS = Object.keys(collectorPlans) as CollectorId[];

export function getCollectorPlan(id: string): CollectorPlan | undefined {
  return Object.hasOwn(collectorPlans, id) ? collectorPlans[id as CollectorId] : undefined;
}
