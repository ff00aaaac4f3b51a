/**
 * Types of the policy translation: AWS IoT policies -> Alibaba IoT Platform custom topic classes
 * per product, plus the REPUBLISH rules device-to-device traffic needs.
 *
 * Facts (docs/shared research, "Policies -> topic classes"; ROS ALIYUN::IOT::ProductTopic and
 * CreateProductTopic pages): a custom topic class belongs to a product and applies to every device
 * of it, as `/${productKey}/${deviceName}/user/<TopicShortName>`; each level holds letters, digits
 * and `_` only and is never empty; Operation is PUB, SUB or ALL; `+` and `#` only in SUB classes,
 * `#` last; Desc at most 100 characters. A device can publish and subscribe only its own topics, so
 * traffic between devices goes through the rule engine (REPUBLISH, at most 10 actions per rule).
 */

/** The IoT policy actions that matter here, as AWS spells them. */
export const IOT_POLICY_ACTIONS = [
  "iot:Connect",
  "iot:Publish",
  "iot:RetainPublish",
  "iot:Receive",
  "iot:Subscribe",
  "iot:GetThingShadow",
  "iot:UpdateThingShadow",
  "iot:DeleteThingShadow",
  "iot:ListNamedShadowsForThing",
  "iot:DescribeJobExecution",
  "iot:GetPendingJobExecutions",
  "iot:StartNextPendingJobExecution",
  "iot:UpdateJobExecution",
  "iot:GetRetainedMessage",
  "iot:ListRetainedMessages",
  "iot:AssumeRoleWithCertificate",
] as const;
export type IotPolicyAction = (typeof IOT_POLICY_ACTIONS)[number];

/** One IoT policy as the inventory holds it: its name and the default version's document text. */
export interface PolicyInput {
  name: string;
  /** The JSON text AWS returned (kept as received, possibly malformed). */
  document: string | null | undefined;
}

/** One thing, with the product it maps to and every policy that reaches it (certificates, groups). */
export interface ThingInput {
  thingName: string;
  /** The Alibaba DeviceName the name map gave it; defaults to the thing name. */
  deviceName?: string;
  /** The target product (the thing type's product, or the default product of untyped things). */
  productRef: string;
  thingTypeName: string | null;
  attributes?: Readonly<Record<string, string>> | null;
  policyNames: readonly string[];
}

export interface PolicyTranslationInput {
  policies: readonly PolicyInput[];
  things: readonly ThingInput[];
}

/** A statement read from a document, with its actions expanded against IOT_POLICY_ACTIONS. */
export interface PolicyStatement {
  policyName: string;
  /** 0-based position in the document's Statement list. */
  index: number;
  sid: string | null;
  effect: "Allow" | "Deny";
  actions: IotPolicyAction[];
  /** Actions of other services (greengrass:*, ...): not IoT Core's to translate. */
  foreignActions: string[];
  /** Resources as written; null when the statement uses NotResource. */
  resources: string[] | null;
  usesNotAction: boolean;
  usesNotResource: boolean;
  hasCondition: boolean;
  /** The statement as compact JSON (cut to 500 characters), for warnings. */
  text: string;
}

export type ParsedPolicy =
  | { ok: true; name: string; statements: PolicyStatement[] }
  | { ok: false; name: string; code: PolicyErrorCode; message: string };

export type PolicyErrorCode = "MalformedPolicy" | "PolicyTooLarge" | "UnknownAction" | "MalformedResource" | "DuplicatePolicyName";

export interface PolicyError {
  policyName: string;
  code: PolicyErrorCode;
  message: string;
}

export type PolicyWarningCode =
  | "ConditionIgnored"
  | "NotActionUnsupported"
  | "NotResourceUnsupported"
  | "ForeignActionIgnored"
  | "ConnectHasNoEquivalent"
  | "RetainedMessagesUnsupported"
  | "ShadowActionsPredefined"
  | "CredentialsProviderNoEquivalent"
  | "ClientIdAssumedThingName"
  | "ThingTypeNameResolved"
  | "AttributeResolved"
  | "VariableUnresolved"
  | "UnsupportedVariable"
  | "VariableInsideLevel"
  | "WildcardNoEquivalent"
  | "WildcardPublish"
  | "AnyTopicPublish"
  | "AnyTopicNarrowed"
  | "IamWildcardAsHash"
  | "MqttWildcardInTopicName"
  | "LevelRewritten"
  | "EmptyLevel"
  | "NoLevelsLeft"
  | "NamedShadowNoEquivalent"
  | "OtherDeviceShadow"
  | "JobsNoTopicEquivalent"
  | "FleetProvisioningNoTopicEquivalent"
  | "BasicIngestNoEquivalent"
  | "LifecycleEventsDiffer"
  | "ReservedTopicNoEquivalent"
  | "PartialDeny"
  | "PolicySetsDifferWithinProduct"
  | "RepublishLoopAvoided"
  | "RepublishFanOut"
  | "SharedTopicPerDevice";

export interface PolicyWarning {
  code: PolicyWarningCode;
  /** The product the warning concerns; null for a warning about the document itself. */
  productRef: string | null;
  policyName: string;
  statementIndex: number | null;
  /** The AWS statement as compact JSON; null for product-level warnings. */
  statement: string | null;
  message: string;
}

export type TopicOperation = "PUB" | "SUB" | "ALL";

/** What one AWS resource pattern of one statement became, for one product. */
export interface PatternTranslation {
  policyName: string;
  statementIndex: number;
  /** publish = iot:Publish on topic/, subscribe = iot:Subscribe on topicfilter/, receive = iot:Receive on topic/. */
  permission: "publish" | "subscribe" | "receive";
  /** The resource as written in the policy. */
  awsResource: string;
  outcome:
    | { kind: "class"; topicShortName: string; permission: "PUB" | "SUB" }
    | { kind: "predefined"; topics: string[] }
    | { kind: "dropped" }
    | { kind: "none"; code: PolicyWarningCode };
  reason: string;
}

export interface TopicClassSource {
  policyName: string;
  statementIndex: number | null;
  awsResource: string | null;
  permission: "PUB" | "SUB";
  /** "policy": allowed by a statement; "republish-target": where a republish rule delivers. */
  origin: "policy" | "republish-target";
}

/** A custom topic class to create with CreateProductTopic / ALIYUN::IOT::ProductTopic. */
export interface TopicClassProposal {
  topicShortName: string;
  /** The full class as devices see it. */
  topic: string;
  operation: TopicOperation;
  /** Desc for the class: at most 100 characters (CreateProductTopic, ALIYUN::IOT::ProductTopic). */
  description: string;
  sources: TopicClassSource[];
}

export interface ProductTopicPlan {
  productRef: string;
  deviceCount: number;
  /** The distinct sets of policies its devices hold (sorted names), most devices first. */
  policySets: Array<{ policyNames: string[]; deviceCount: number }>;
  topicClasses: TopicClassProposal[];
  patterns: PatternTranslation[];
}

/** A flow of messages from one device's allowed publish topic to another device's subscription. */
export interface CrossDeviceFlow {
  fromProductRef: string;
  fromPolicyName: string;
  fromResource: string;
  toProductRef: string;
  toPolicyName: string;
  toResource: string;
}

export interface RepublishAction {
  type: "REPUBLISH";
  targetProductRef: string;
  /** The receiving device's DeviceName, or null when every receiving device is meant (a fan-out). */
  targetDeviceName: string | null;
  targetTopicShortName: string;
  /** `/${productKey}/<device>/user/<short>`, productKey to be filled from the target product. */
  targetTopic: string;
  /** The REPUBLISH Configuration, topicType 1 = custom topic. */
  configuration: { topic: string; topicType: 1 };
}

export interface RepublishRuleProposal {
  /** Rule Name, 1-30 characters of letters, digits, `_` and `-`; deterministic. */
  name: string;
  sourceProductRef: string;
  /** TopicType 1 (custom topic), ShortTopic `+/user/<short>`: every device of the product. */
  topicType: 1;
  shortTopic: string;
  select: string;
  where: string;
  dataType: "JSON";
  actions: RepublishAction[];
  status: "proposed" | "needs-decision";
  /** Filled when status is needs-decision. */
  choices: string[];
  reasons: string[];
  /** "documented": static REPUBLISH targets; "unconfirmed": `${...}` in a topic position. */
  confidence: "documented" | "unconfirmed";
  flows: CrossDeviceFlow[];
}

export interface PolicyTranslation {
  products: ProductTopicPlan[];
  republishRules: RepublishRuleProposal[];
  errors: PolicyError[];
  warnings: PolicyWarning[];
}
