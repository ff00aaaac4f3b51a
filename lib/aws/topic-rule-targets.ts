/**
 * What a topic rule's actions point at: the relations "rule writes-to / invokes / assumes-role /
 * uses-destination X" for every action and the error action. Pure: the topic rules collector
 * feeds it GetTopicRule's answer, the tests feed it literals.
 */
import { z } from "zod";
import {
  dynamoDbTableArn,
  firehoseArn,
  iamRoleArn,
  iotAnalyticsChannelArn,
  iotEventsInputArn,
  kinesisStreamArn,
  lambdaFunctionArn,
  locationTrackerArn,
  logGroupArn,
  s3BucketArn,
  sqsQueueArnFromUrl,
  stateMachineArn,
  timestreamDatabaseArn,
  unqualifiedFunctionArn,
  type ArnScope,
} from "@/lib/aws/build-arn";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL, type RelationType } from "@/lib/aws/relation-types";

const name = z.string().min(1).nullish();
const withRole = { roleArn: name };

/** The fields of each action type that name a target; everything else passes through untouched. */
export const topicRuleActionSchema = z.looseObject({
  dynamoDB: z.looseObject({ tableName: name, ...withRole }).nullish(),
  dynamoDBv2: z.looseObject({ putItem: z.looseObject({ tableName: name }).nullish(), ...withRole }).nullish(),
  lambda: z.looseObject({ functionArn: name }).nullish(),
  sns: z.looseObject({ targetArn: name, ...withRole }).nullish(),
  sqs: z.looseObject({ queueUrl: name, ...withRole }).nullish(),
  kinesis: z.looseObject({ streamName: name, ...withRole }).nullish(),
  republish: z.looseObject({ ...withRole }).nullish(),
  s3: z.looseObject({ bucketName: name, ...withRole }).nullish(),
  firehose: z.looseObject({ deliveryStreamName: name, ...withRole }).nullish(),
  cloudwatchMetric: z.looseObject({ ...withRole }).nullish(),
  cloudwatchAlarm: z.looseObject({ ...withRole }).nullish(),
  cloudwatchLogs: z.looseObject({ logGroupName: name, ...withRole }).nullish(),
  elasticsearch: z.looseObject({ ...withRole }).nullish(),
  openSearch: z.looseObject({ ...withRole }).nullish(),
  iotAnalytics: z.looseObject({ channelArn: name, channelName: name, ...withRole }).nullish(),
  iotEvents: z.looseObject({ inputName: name, ...withRole }).nullish(),
  iotSiteWise: z.looseObject({ ...withRole }).nullish(),
  stepFunctions: z.looseObject({ stateMachineName: name, ...withRole }).nullish(),
  timestream: z.looseObject({ databaseName: name, tableName: name, ...withRole }).nullish(),
  http: z
    .looseObject({
      url: name,
      confirmationUrl: name,
      headers: z.array(z.looseObject({ key: z.string(), value: z.string().nullish() })).nullish(),
      auth: z.looseObject({ sigv4: z.looseObject({ ...withRole }).nullish() }).nullish(),
    })
    .nullish(),
  kafka: z.looseObject({ destinationArn: name }).nullish(),
  location: z.looseObject({ trackerName: name, ...withRole }).nullish(),
  influxDB: z.looseObject({ destinationArn: name, ...withRole }).nullish(),
});
export type TopicRuleAction = z.infer<typeof topicRuleActionSchema>;

export interface RuleTarget {
  toArn: string;
  type: RelationType;
  toKind: string;
}

export interface HttpDestination {
  arn: string;
  confirmationUrl: string;
}

export function topicRuleTargets(
  actions: readonly TopicRuleAction[],
  scope: ArnScope,
  httpDestinations: readonly HttpDestination[] = [],
): RuleTarget[] {
  const out: RuleTarget[] = [];
  const add = (toArn: string | undefined, type: RelationType, toKind: string) => {
    if (toArn) out.push({ toArn, type, toKind });
  };
  const role = (arn: string | null | undefined) => {
    if (arn) add(iamRoleArn(scope, arn), REL.assumesRole, KIND.iamRole);
  };
  for (const action of actions) {
    const a = action;
    if (a.dynamoDB) {
      if (a.dynamoDB.tableName) add(dynamoDbTableArn(scope, a.dynamoDB.tableName), REL.writesTo, KIND.dynamoDbTable);
      role(a.dynamoDB.roleArn);
    }
    if (a.dynamoDBv2) {
      const table = a.dynamoDBv2.putItem?.tableName;
      if (table) add(dynamoDbTableArn(scope, table), REL.writesTo, KIND.dynamoDbTable);
      role(a.dynamoDBv2.roleArn);
    }
    if (a.lambda?.functionArn) add(unqualifiedFunctionArn(lambdaFunctionArn(scope, a.lambda.functionArn)), REL.invokes, KIND.lambdaFunction);
    if (a.sns) {
      if (a.sns.targetArn) add(a.sns.targetArn, REL.writesTo, KIND.snsTopic);
      role(a.sns.roleArn);
    }
    if (a.sqs) {
      if (a.sqs.queueUrl) add(sqsQueueArnFromUrl(scope, a.sqs.queueUrl), REL.writesTo, KIND.sqsQueue);
      role(a.sqs.roleArn);
    }
    if (a.kinesis) {
      if (a.kinesis.streamName) add(kinesisStreamArn(scope, a.kinesis.streamName), REL.writesTo, KIND.kinesisStream);
      role(a.kinesis.roleArn);
    }
    if (a.s3) {
      if (a.s3.bucketName) add(s3BucketArn(scope.partition, a.s3.bucketName), REL.writesTo, KIND.s3Bucket);
      role(a.s3.roleArn);
    }
    if (a.firehose) {
      if (a.firehose.deliveryStreamName) add(firehoseArn(scope, a.firehose.deliveryStreamName), REL.writesTo, KIND.firehoseDeliveryStream);
      role(a.firehose.roleArn);
    }
    if (a.cloudwatchLogs) {
      if (a.cloudwatchLogs.logGroupName) add(logGroupArn(scope, a.cloudwatchLogs.logGroupName), REL.writesTo, KIND.logGroup);
      role(a.cloudwatchLogs.roleArn);
    }
    if (a.iotAnalytics) {
      const channel = a.iotAnalytics.channelArn ?? (a.iotAnalytics.channelName ? iotAnalyticsChannelArn(scope, a.iotAnalytics.channelName) : undefined);
      add(channel, REL.writesTo, KIND.iotAnalyticsChannel);
      role(a.iotAnalytics.roleArn);
    }
    if (a.iotEvents) {
      if (a.iotEvents.inputName) add(iotEventsInputArn(scope, a.iotEvents.inputName), REL.writesTo, KIND.iotEventsInput);
      role(a.iotEvents.roleArn);
    }
    if (a.stepFunctions) {
      if (a.stepFunctions.stateMachineName) {
        add(stateMachineArn(scope, a.stepFunctions.stateMachineName), REL.invokes, KIND.stepFunctionsStateMachine);
      }
      role(a.stepFunctions.roleArn);
    }
    if (a.timestream) {
      if (a.timestream.databaseName) add(timestreamDatabaseArn(scope, a.timestream.databaseName), REL.writesTo, KIND.timestreamDatabase);
      role(a.timestream.roleArn);
    }
    if (a.location) {
      if (a.location.trackerName) add(locationTrackerArn(scope, a.location.trackerName), REL.writesTo, KIND.locationTracker);
      role(a.location.roleArn);
    }
    if (a.http) {
      const destination = a.http.url ? findHttpDestination(a.http.url, a.http.confirmationUrl ?? undefined, httpDestinations) : undefined;
      add(destination, REL.usesDestination, KIND.iotTopicRuleDestination);
      role(a.http.auth?.sigv4?.roleArn);
    }
    if (a.kafka?.destinationArn) add(a.kafka.destinationArn, REL.usesDestination, KIND.iotTopicRuleDestination);
    if (a.influxDB) {
      if (a.influxDB.destinationArn) add(a.influxDB.destinationArn, REL.usesDestination, KIND.iotTopicRuleDestination);
      role(a.influxDB.roleArn);
    }
    for (const roleOnly of [a.republish, a.cloudwatchMetric, a.cloudwatchAlarm, a.elasticsearch, a.openSearch, a.iotSiteWise]) {
      role(roleOnly?.roleArn);
    }
  }
  // Targets given as ARNs (SNS) may name something other than the usual kind; trust the ARN.
  return out.map((t) => (t.type === REL.writesTo && t.toArn.startsWith("arn:") ? { ...t, toKind: kindOfArn(t.toArn) ?? t.toKind } : t));
}

/**
 * The destination an HTTP action uses: the one whose confirmation URL is the action's confirmation
 * URL (or, without one, its URL); failing that, the longest confirmation URL the URL starts with.
 */
function findHttpDestination(url: string, confirmationUrl: string | undefined, destinations: readonly HttpDestination[]): string | undefined {
  const key = confirmationUrl ?? url;
  const exact = destinations.find((d) => d.confirmationUrl === key);
  if (exact) return exact.arn;
  return [...destinations]
    .filter((d) => url.startsWith(d.confirmationUrl))
    .sort((a, b) => b.confirmationUrl.length - a.confirmationUrl.length)[0]?.arn;
}
