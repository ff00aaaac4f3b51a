import type { z } from "zod";
import { KIND } from "@/lib/aws/resource-kinds";
import { cloudTrailTrailRawSchema } from "@/lib/inventory/raw/cloudtrail-trail";
import { dynamoDbTableRawSchema } from "@/lib/inventory/raw/dynamodb-table";
import { iamRoleRawSchema } from "@/lib/inventory/raw/iam-role";
import { iotAuthorizerRawSchema } from "@/lib/inventory/raw/iot-authorizer";
import { iotBillingGroupRawSchema } from "@/lib/inventory/raw/iot-billing-group";
import { iotCaCertificateRawSchema } from "@/lib/inventory/raw/iot-ca-certificate";
import { iotCertificateRawSchema } from "@/lib/inventory/raw/iot-certificate";
import { iotDomainConfigurationRawSchema } from "@/lib/inventory/raw/iot-domain-configuration";
import { iotEndpointRawSchema } from "@/lib/inventory/raw/iot-endpoint";
import { iotFleetIndexingRawSchema } from "@/lib/inventory/raw/iot-fleet-indexing";
import { iotJobRawSchema } from "@/lib/inventory/raw/iot-job";
import { iotJobTemplateRawSchema } from "@/lib/inventory/raw/iot-job-template";
import { iotLoggingRawSchema } from "@/lib/inventory/raw/iot-logging";
import { iotPolicyRawSchema } from "@/lib/inventory/raw/iot-policy";
import { iotProvisioningTemplateRawSchema } from "@/lib/inventory/raw/iot-provisioning-template";
import { iotRoleAliasRawSchema } from "@/lib/inventory/raw/iot-role-alias";
import { iotThingRawSchema } from "@/lib/inventory/raw/iot-thing";
import { iotThingGroupRawSchema } from "@/lib/inventory/raw/iot-thing-group";
import { iotThingTypeRawSchema } from "@/lib/inventory/raw/iot-thing-type";
import { iotTopicRuleRawSchema } from "@/lib/inventory/raw/iot-topic-rule";
import { iotTopicRuleDestinationRawSchema } from "@/lib/inventory/raw/iot-topic-rule-destination";
import { kinesisStreamRawSchema } from "@/lib/inventory/raw/kinesis-stream";
import { kmsAliasRawSchema } from "@/lib/inventory/raw/kms-alias";
import { kmsKeyRawSchema } from "@/lib/inventory/raw/kms-key";
import { lambdaFunctionRawSchema } from "@/lib/inventory/raw/lambda-function";
import { logsLogGroupRawSchema } from "@/lib/inventory/raw/logs-log-group";
import { s3BucketRawSchema } from "@/lib/inventory/raw/s3-bucket";
import { snsTopicRawSchema } from "@/lib/inventory/raw/sns-topic";
import { sqsQueueRawSchema } from "@/lib/inventory/raw/sqs-queue";
import { timestreamDatabaseRawSchema } from "@/lib/inventory/raw/timestream-database";
import { timestreamTableRawSchema } from "@/lib/inventory/raw/timestream-table";

/**
 * The shape of `resources.raw` for every kind a collector stores: the contract between the
 * collectors that write it (lib/aws/collectors, typed against it through BatchBuilder.add) and the
 * stages that read it (through lib/inventory/read-resources.ts). Each schema is a loose object: it
 * types what later stages need and keeps whatever else AWS returned (docs/decisions/0010).
 */
export const RAW_SCHEMAS = {
  [KIND.iotThing]: iotThingRawSchema,
  [KIND.iotThingType]: iotThingTypeRawSchema,
  [KIND.iotThingGroup]: iotThingGroupRawSchema,
  [KIND.iotBillingGroup]: iotBillingGroupRawSchema,
  [KIND.iotCertificate]: iotCertificateRawSchema,
  [KIND.iotCaCertificate]: iotCaCertificateRawSchema,
  [KIND.iotPolicy]: iotPolicyRawSchema,
  [KIND.iotTopicRule]: iotTopicRuleRawSchema,
  [KIND.iotTopicRuleDestination]: iotTopicRuleDestinationRawSchema,
  [KIND.iotJob]: iotJobRawSchema,
  [KIND.iotJobTemplate]: iotJobTemplateRawSchema,
  [KIND.iotRoleAlias]: iotRoleAliasRawSchema,
  [KIND.iotAuthorizer]: iotAuthorizerRawSchema,
  [KIND.iotDomainConfiguration]: iotDomainConfigurationRawSchema,
  [KIND.iotProvisioningTemplate]: iotProvisioningTemplateRawSchema,
  [KIND.iotFleetIndexing]: iotFleetIndexingRawSchema,
  [KIND.iotLogging]: iotLoggingRawSchema,
  [KIND.iotEndpoint]: iotEndpointRawSchema,
  [KIND.s3Bucket]: s3BucketRawSchema,
  [KIND.dynamoDbTable]: dynamoDbTableRawSchema,
  [KIND.lambdaFunction]: lambdaFunctionRawSchema,
  [KIND.kinesisStream]: kinesisStreamRawSchema,
  [KIND.sqsQueue]: sqsQueueRawSchema,
  [KIND.snsTopic]: snsTopicRawSchema,
  [KIND.timestreamDatabase]: timestreamDatabaseRawSchema,
  [KIND.timestreamTable]: timestreamTableRawSchema,
  [KIND.logGroup]: logsLogGroupRawSchema,
  [KIND.cloudTrailTrail]: cloudTrailTrailRawSchema,
  [KIND.iamRole]: iamRoleRawSchema,
  [KIND.kmsKey]: kmsKeyRawSchema,
  [KIND.kmsAlias]: kmsAliasRawSchema,
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** A kind that collectors store (the referenced-only kinds of lib/aws/resource-kinds.ts have no rows). */
export type CollectedKind = keyof typeof RAW_SCHEMAS;

/** The typed raw data of a stored resource of kind K, as read back. */
export type RawOf<K extends CollectedKind> = z.output<(typeof RAW_SCHEMAS)[K]>;

/** What a collector may pass as the raw data of kind K (before it is made storage-safe). */
export type RawInput<K extends CollectedKind> = z.input<(typeof RAW_SCHEMAS)[K]>;

export const COLLECTED_KINDS = Object.keys(RAW_SCHEMAS) as CollectedKind[];

export function isCollectedKind(kind: string): kind is CollectedKind {
  return Object.hasOwn(RAW_SCHEMAS, kind);
}

/** The schema of kind K, typed by what it reads. */
export function rawSchemaOf<K extends CollectedKind>(kind: K): z.ZodType<RawOf<K>> {
  return RAW_SCHEMAS[kind] as unknown as z.ZodType<RawOf<K>>;
}
