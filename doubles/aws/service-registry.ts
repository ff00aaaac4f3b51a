/**
 * Every service the stand-in AWS serves, keyed by the SigV4 signing names that reach it.
 * Adding a service is adding one file under services/ and one line here.
 */
import { cloudtrailService } from "./services/cloudtrail";
import { dynamodbService } from "./services/dynamodb";
import { iamService } from "./services/iam";
import { iotService } from "./services/iot";
import { iotDataService } from "./services/iot-data";
import { kinesisService } from "./services/kinesis";
import { kmsService } from "./services/kms";
import { lambdaService } from "./services/lambda";
import { logsService } from "./services/logs";
import { s3Service } from "./services/s3";
import { snsService } from "./services/sns";
import { sqsService } from "./services/sqs";
import { stsService } from "./services/sts";
import { timestreamService } from "./services/timestream";
import type { ServiceDefinition } from "./service-types";

export const SERVICES: readonly ServiceDefinition[] = [
  iotService,
  iotDataService,
  s3Service,
  dynamodbService,
  lambdaService,
  kinesisService,
  sqsService,
  snsService,
  timestreamService,
  iamService,
  kmsService,
  logsService,
  cloudtrailService,
  stsService,
];

export const SERVICES_BY_SIGNING_NAME: Readonly<Record<string, ServiceDefinition>> = Object.fromEntries(
  SERVICES.flatMap((service) => service.signingNames.map((name) => [name, service] as const)),
);
