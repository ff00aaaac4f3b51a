import { z } from "zod";

const text = z.string().nullish();
const roleArn = text;
const batchMode = z.boolean().nullish();
const headerList = z.array(z.looseObject({ key: z.string(), value: z.string().nullish() })).nullish();

/**
 * One action of a topic rule as stored: every action type AWS IoT offers, each with the fields
 * that say where the message goes and with which role. Credentials were removed before storing
 * (HTTP header values, user:password and secret parameters in URLs, a Salesforce token, Kafka
 * passwords): they read "[redacted]". A rule may hold an action type this list does not name yet;
 * it is kept (loose), untyped.
 */
export const topicRuleActionRawSchema = z.looseObject({
  dynamoDB: z
    .looseObject({
      tableName: text,
      roleArn,
      operation: text,
      hashKeyField: text,
      hashKeyValue: text,
      hashKeyType: text,
      rangeKeyField: text,
      rangeKeyValue: text,
      rangeKeyType: text,
      payloadField: text,
    })
    .nullish(),
  dynamoDBv2: z.looseObject({ roleArn, putItem: z.looseObject({ tableName: text }).nullish() }).nullish(),
  lambda: z.looseObject({ functionArn: text }).nullish(),
  sns: z.looseObject({ targetArn: text, roleArn, messageFormat: text }).nullish(),
  sqs: z.looseObject({ queueUrl: text, roleArn, useBase64: z.boolean().nullish() }).nullish(),
  kinesis: z.looseObject({ streamName: text, roleArn, partitionKey: text }).nullish(),
  republish: z.looseObject({ topic: text, roleArn, qos: z.number().nullish() }).nullish(),
  s3: z.looseObject({ bucketName: text, key: text, roleArn, cannedAcl: text }).nullish(),
  firehose: z.looseObject({ deliveryStreamName: text, roleArn, separator: text, batchMode }).nullish(),
  cloudwatchMetric: z
    .looseObject({ roleArn, metricNamespace: text, metricName: text, metricValue: text, metricUnit: text, metricTimestamp: text })
    .nullish(),
  cloudwatchAlarm: z.looseObject({ roleArn, alarmName: text, stateReason: text, stateValue: text }).nullish(),
  cloudwatchLogs: z.looseObject({ logGroupName: text, roleArn, batchMode }).nullish(),
  elasticsearch: z.looseObject({ roleArn, endpoint: text, index: text, type: text, id: text }).nullish(),
  openSearch: z.looseObject({ roleArn, endpoint: text, index: text, type: text, id: text }).nullish(),
  salesforce: z.looseObject({ url: text, token: text }).nullish(),
  iotAnalytics: z.looseObject({ channelArn: text, channelName: text, roleArn, batchMode }).nullish(),
  iotEvents: z.looseObject({ inputName: text, messageId: text, roleArn, batchMode }).nullish(),
  iotSiteWise: z.looseObject({ roleArn, putAssetPropertyValueEntries: z.array(z.looseObject({})).nullish() }).nullish(),
  stepFunctions: z.looseObject({ stateMachineName: text, executionNamePrefix: text, roleArn }).nullish(),
  timestream: z
    .looseObject({
      databaseName: text,
      tableName: text,
      roleArn,
      dimensions: z.array(z.looseObject({ name: text, value: text })).nullish(),
      timestamp: z.looseObject({ value: text, unit: text }).nullish(),
    })
    .nullish(),
  http: z
    .looseObject({
      url: text,
      confirmationUrl: text,
      headers: headerList,
      auth: z.looseObject({ sigv4: z.looseObject({ signingRegion: text, serviceName: text, roleArn }).nullish() }).nullish(),
    })
    .nullish(),
  kafka: z
    .looseObject({
      destinationArn: text,
      topic: text,
      key: text,
      partition: text,
      clientProperties: z.record(z.string(), z.string()).nullish(),
      headers: headerList,
    })
    .nullish(),
  location: z.looseObject({ trackerName: text, roleArn, deviceId: text }).nullish(),
  influxDB: z.looseObject({ destinationArn: text, roleArn }).nullish(),
});

export type TopicRuleActionRaw = z.infer<typeof topicRuleActionRawSchema>;

/**
 * An AWS::IoT::TopicRule (lib/aws/collectors/iot-topic-rules.ts): the list entry merged with
 * GetTopicRule's rule: its SQL, actions and error action. When GetTopicRule could not be read,
 * only the list entry (name, ARN, topic pattern, disabled) is there.
 */
export const iotTopicRuleRawSchema = z.looseObject({
  rule: z.looseObject({
    ruleName: z.string(),
    ruleArn: text,
    topicPattern: text,
    sql: text,
    awsIotSqlVersion: text,
    description: text,
    createdAt: text,
    ruleDisabled: z.boolean().nullish(),
    actions: z.array(topicRuleActionRawSchema).nullish(),
    errorAction: topicRuleActionRawSchema.nullish(),
  }),
});

export type IotTopicRuleRaw = z.infer<typeof iotTopicRuleRawSchema>;
