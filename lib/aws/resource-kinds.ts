/**
 * The resource kinds the collectors emit, named after the CloudFormation resource types users know
 * from their templates. A few have no CloudFormation type and are marked "synthetic"; the
 * "referenced only" kinds are never collected, they only name the target of a relation (such a
 * relation is shown as a reference to something outside the inventory).
 */
export const KIND = {
  // AWS IoT Core
  iotThing: "AWS::IoT::Thing",
  iotThingType: "AWS::IoT::ThingType",
  iotThingGroup: "AWS::IoT::ThingGroup",
  iotBillingGroup: "AWS::IoT::BillingGroup",
  iotCertificate: "AWS::IoT::Certificate",
  iotCaCertificate: "AWS::IoT::CACertificate",
  iotPolicy: "AWS::IoT::Policy",
  iotTopicRule: "AWS::IoT::TopicRule",
  iotTopicRuleDestination: "AWS::IoT::TopicRuleDestination",
  /** Synthetic: CloudFormation has no job resource (jobs are created at run time). */
  iotJob: "AWS::IoT::Job",
  iotJobTemplate: "AWS::IoT::JobTemplate",
  iotRoleAlias: "AWS::IoT::RoleAlias",
  iotAuthorizer: "AWS::IoT::Authorizer",
  iotDomainConfiguration: "AWS::IoT::DomainConfiguration",
  iotProvisioningTemplate: "AWS::IoT::ProvisioningTemplate",
  /** Synthetic: the fleet indexing configuration of a region, one per region. */
  iotFleetIndexing: "AWS::IoT::FleetIndexing",
  /** The account's v2 logging options in a region, one per region. */
  iotLogging: "AWS::IoT::Logging",
  /** Synthetic: one per endpoint type (iot:Data-ATS, iot:CredentialProvider, iot:Jobs) per region. */
  iotEndpoint: "AWS::IoT::Endpoint",
  // The supporting stack
  s3Bucket: "AWS::S3::Bucket",
  dynamoDbTable: "AWS::DynamoDB::Table",
  lambdaFunction: "AWS::Lambda::Function",
  kinesisStream: "AWS::Kinesis::Stream",
  sqsQueue: "AWS::SQS::Queue",
  snsTopic: "AWS::SNS::Topic",
  timestreamDatabase: "AWS::Timestream::Database",
  timestreamTable: "AWS::Timestream::Table",
  logGroup: "AWS::Logs::LogGroup",
  cloudTrailTrail: "AWS::CloudTrail::Trail",
  iamRole: "AWS::IAM::Role",
  kmsKey: "AWS::KMS::Key",
  kmsAlias: "AWS::KMS::Alias",
  // Referenced only
  firehoseDeliveryStream: "AWS::KinesisFirehose::DeliveryStream",
  stepFunctionsStateMachine: "AWS::StepFunctions::StateMachine",
  iotAnalyticsChannel: "AWS::IoTAnalytics::Channel",
  iotEventsInput: "AWS::IoTEvents::Input",
  locationTracker: "AWS::Location::Tracker",
  /** Synthetic: a Cognito identity used as an IoT principal. */
  cognitoIdentity: "AWS::Cognito::Identity",
} as const;

export type KnownKind = (typeof KIND)[keyof typeof KIND];
