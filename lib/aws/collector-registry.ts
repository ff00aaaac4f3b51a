/**
 * Every collector's code, by id, for the worker that runs scan parts. Adding an AWS service or
 * resource family is adding a collector and its plan under collectors/, one line here and one in
 * collector-plans.ts (which planning reads); the scan engine plans and runs whatever they hold.
 * Ids are stored in scan checkpoints: never rename one without a migration.
 */
import "server-only";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import type { CollectorId } from "@/lib/aws/collector-plans";
import { cloudTrailTrailsCollector } from "@/lib/aws/collectors/cloudtrail-trails";
import { dynamoDbTablesCollector } from "@/lib/aws/collectors/dynamodb-tables";
import { iamRolesCollector } from "@/lib/aws/collectors/iam-roles";
import { iotAuthorizersCollector } from "@/lib/aws/collectors/iot-authorizers";
import { iotBillingGroupsCollector } from "@/lib/aws/collectors/iot-billing-groups";
import { iotCaCertificatesCollector } from "@/lib/aws/collectors/iot-ca-certificates";
import { iotCertificatesCollector } from "@/lib/aws/collectors/iot-certificates";
import { iotDomainConfigurationsCollector } from "@/lib/aws/collectors/iot-domain-configurations";
import { iotEndpointsCollector } from "@/lib/aws/collectors/iot-endpoints";
import { iotIndexingCollector } from "@/lib/aws/collectors/iot-indexing";
import { iotJobTemplatesCollector } from "@/lib/aws/collectors/iot-job-templates";
import { iotJobsCollector } from "@/lib/aws/collectors/iot-jobs";
import { iotLoggingCollector } from "@/lib/aws/collectors/iot-logging";
import { iotPoliciesCollector } from "@/lib/aws/collectors/iot-policies";
import { iotProvisioningTemplatesCollector } from "@/lib/aws/collectors/iot-provisioning-templates";
import { iotRoleAliasesCollector } from "@/lib/aws/collectors/iot-role-aliases";
import { iotRuleDestinationsCollector } from "@/lib/aws/collectors/iot-rule-destinations";
import { iotThingGroupsCollector } from "@/lib/aws/collectors/iot-thing-groups";
import { iotThingTypesCollector } from "@/lib/aws/collectors/iot-thing-types";
import { iotThingsCollector } from "@/lib/aws/collectors/iot-things";
import { iotTopicRulesCollector } from "@/lib/aws/collectors/iot-topic-rules";
import { kinesisStreamsCollector } from "@/lib/aws/collectors/kinesis-streams";
import { kmsKeysCollector } from "@/lib/aws/collectors/kms-keys";
import { lambdaFunctionsCollector } from "@/lib/aws/collectors/lambda-functions";
import { logsLogGroupsCollector } from "@/lib/aws/collectors/logs-log-groups";
import { s3BucketsCollector } from "@/lib/aws/collectors/s3-buckets";
import { snsTopicsCollector } from "@/lib/aws/collectors/sns-topics";
import { sqsQueuesCollector } from "@/lib/aws/collectors/sqs-queues";
import { timestreamDatabasesCollector } from "@/lib/aws/collectors/timestream-databases";

/** Every collector's code, for the worker; the same ids as collector-plans.ts (a test checks). */
export const collectorRegistry = {
  // Phase 1: AWS IoT Core
  "iot.things": iotThingsCollector,
  "iot.thing-types": iotThingTypesCollector,
  "iot.thing-groups": iotThingGroupsCollector,
  "iot.billing-groups": iotBillingGroupsCollector,
  "iot.certificates": iotCertificatesCollector,
  "iot.ca-certificates": iotCaCertificatesCollector,
  "iot.policies": iotPoliciesCollector,
  "iot.topic-rules": iotTopicRulesCollector,
  "iot.rule-destinations": iotRuleDestinationsCollector,
  "iot.jobs": iotJobsCollector,
  "iot.job-templates": iotJobTemplatesCollector,
  "iot.role-aliases": iotRoleAliasesCollector,
  "iot.authorizers": iotAuthorizersCollector,
  "iot.domain-configurations": iotDomainConfigurationsCollector,
  "iot.provisioning-templates": iotProvisioningTemplatesCollector,
  "iot.indexing": iotIndexingCollector,
  "iot.logging": iotLoggingCollector,
  "iot.endpoints": iotEndpointsCollector,
  // Phase 1: the supporting stack
  "s3.buckets": s3BucketsCollector,
  "dynamodb.tables": dynamoDbTablesCollector,
  "lambda.functions": lambdaFunctionsCollector,
  "kinesis.streams": kinesisStreamsCollector,
  "sqs.queues": sqsQueuesCollector,
  "sns.topics": snsTopicsCollector,
  "timestream.databases": timestreamDatabasesCollector,
  "logs.log-groups": logsLogGroupsCollector,
  "cloudtrail.trails": cloudTrailTrailsCollector,
  // Phase 2: what phase 1 points at
  "iam.roles": iamRolesCollector,
  "kms.keys": kmsKeysCollector,
} as const satisfies Record<CollectorId, CollectorDefinition>;

export function getCollector(id: string): CollectorDefinition | undefined {
  return Object.hasOwn(collectorRegistry, id) ? collectorRegistry[id as CollectorId] : undefined;
}
