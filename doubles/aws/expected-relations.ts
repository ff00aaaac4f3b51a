/**
 * The relations a scan of the stand-in estate should find, derived from the generated estate
 * itself (what the stand-in serves), not from the product's collectors: the integration test
 * lib/inventory/scan-relations.int.test.ts compares a scan's stored (from, to, type) edges with
 * these, exactly, both ways, per type.
 *
 * Each relation reads "from <type> to" (lib/aws/relation-types.ts names them): a thing has-type
 * its thing type and is member-of its groups and billing group, a group is child-of its parent, a
 * policy is attached-to its certificates and groups, a rule writes-to / invokes / assumes-role /
 * uses-destination what its actions name, a resource is encrypted-by the KMS key or alias it
 * names, an alias a resource names is alias-of its key (KMS is read as far as resources reference
 * it), and so on. Per-device reads (a thing's certificates) are in a deep scan only.
 */
import { arns, type ArnScope } from "./arns";
import { uuidFrom } from "./prng";
import type { Estate, RegionEstate, RuleAction } from "./estate-types";

export interface ExpectedRelation {
  from: string;
  to: string;
  type: string;
}

export interface ExpectedRelationsOptions {
  mode: "summary" | "deep";
  /** The regions the scan covers (every region of the estate by default). */
  regions?: readonly string[];
}

/** A KMS key named the way a resource names it: a key id, a key ARN, an alias name or an alias ARN. */
function kmsTarget(scope: ArnScope, reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  if (reference.startsWith("arn:")) return reference;
  if (reference.startsWith("alias/")) return arns.kmsAlias(scope, reference);
  return arns.kmsKey(scope, reference);
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** "https://sqs.<region>.amazonaws.com/<account>/<name>" (or the stand-in's own origin) -> the queue's ARN. */
function queueArnFromUrl(scope: ArnScope, url: string): string | undefined {
  const m = /\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  return m ? arns.sqsQueue({ region: scope.region, accountId: m[1]! }, decodeURIComponent(m[2]!)) : undefined;
}

/** A Lambda function named by name or ARN, without a version or alias qualifier. */
function functionTarget(scope: ArnScope, nameOrArn: string): string {
  if (!nameOrArn.startsWith("arn:")) return arns.lambdaFunction(scope, nameOrArn);
  const parts = nameOrArn.split(":");
  return parts.slice(0, 7).join(":");
}

function roleTarget(accountId: string, nameOrArn: string): string {
  return nameOrArn.startsWith("arn:") ? nameOrArn : arns.iamRole(accountId, nameOrArn);
}

function ruleActionRelations(
  scope: ArnScope,
  ruleArn: string,
  action: RuleAction,
  httpDestinations: ReadonlyArray<{ arn: string; confirmationUrl: string }>,
  add: (from: string, to: string | undefined, type: string) => void,
) {
  const role = (a: Record<string, unknown> | undefined) => {
    const r = str(a?.roleArn);
    if (r) add(ruleArn, roleTarget(scope.accountId, r), "assumes-role");
  };
  for (const [kind, a] of Object.entries(action) as Array<[string, Record<string, unknown>]>) {
    switch (kind) {
      case "s3":
        add(ruleArn, str(a.bucketName) && arns.s3Bucket(a.bucketName as string), "writes-to");
        role(a);
        break;
      case "dynamoDB":
        add(ruleArn, str(a.tableName) && arns.dynamodbTable(scope, a.tableName as string), "writes-to");
        role(a);
        break;
      case "dynamoDBv2": {
        const table = str((a.putItem as Record<string, unknown> | undefined)?.tableName);
        add(ruleArn, table && arns.dynamodbTable(scope, table), "writes-to");
        role(a);
        break;
      }
      case "lambda":
        add(ruleArn, str(a.functionArn) && functionTarget(scope, a.functionArn as string), "invokes");
        break;
      case "kinesis":
        add(ruleArn, str(a.streamName) && arns.kinesisStream(scope, a.streamName as string), "writes-to");
        role(a);
        break;
      case "firehose":
        add(ruleArn, str(a.deliveryStreamName) && arns.firehoseStream(scope, a.deliveryStreamName as string), "writes-to");
        role(a);
        break;
      case "sqs":
        add(ruleArn, str(a.queueUrl) && queueArnFromUrl(scope, a.queueUrl as string), "writes-to");
        role(a);
        break;
      case "sns":
        add(ruleArn, str(a.targetArn), "writes-to");
        role(a);
        break;
      case "cloudwatchLogs":
        add(ruleArn, str(a.logGroupName) && arns.logGroup(scope, a.logGroupName as string), "writes-to");
        role(a);
        break;
      case "timestream":
        add(ruleArn, str(a.databaseName) && arns.timestreamDatabase(scope, a.databaseName as string), "writes-to");
        role(a);
        break;
      case "stepFunctions":
        add(ruleArn, str(a.stateMachineName) && arns.stateMachine(scope, a.stateMachineName as string), "invokes");
        role(a);
        break;
      case "iotEvents":
        add(ruleArn, str(a.inputName) && `arn:aws:iotevents:${scope.region}:${scope.accountId}:input/${a.inputName as string}`, "writes-to");
        role(a);
        break;
      case "http": {
        const url = str(a.url);
        const key = str(a.confirmationUrl) ?? url;
        const destination =
          httpDestinations.find((d) => d.confirmationUrl === key) ??
          [...httpDestinations].filter((d) => url !== undefined && url.startsWith(d.confirmationUrl)).sort((x, y) => y.confirmationUrl.length - x.confirmationUrl.length)[0];
        add(ruleArn, destination?.arn, "uses-destination");
        role((a.auth as Record<string, unknown> | undefined)?.sigv4 as Record<string, unknown> | undefined);
        break;
      }
      default:
        // republish, cloudwatchMetric and the like name only the role they act with.
        role(a);
    }
  }
}

function regionRelations(estate: Estate, r: RegionEstate, mode: ExpectedRelationsOptions["mode"], add: (from: string, to: string | undefined, type: string) => void) {
  const scope: ArnScope = { accountId: estate.accountId, region: r.region };
  const iot = r.iot;
  const role = (from: string, nameOrArn: string | undefined) => nameOrArn && add(from, roleTarget(estate.accountId, nameOrArn), "assumes-role");
  const kms = (from: string, reference: string | undefined) => add(from, kmsTarget(scope, reference), "encrypted-by");

  for (const t of iot.things) {
    const thing = arns.thing(scope, t.name);
    if (t.typeName) add(thing, arns.thingType(scope, t.typeName), "has-type");
    for (const g of t.groupNames) add(thing, arns.thingGroup(scope, g), "member-of");
    if (t.billingGroupName) add(thing, arns.billingGroup(scope, t.billingGroupName), "member-of");
    if (mode === "deep") for (const p of t.principals) add(arns.certificate(scope, p), thing, "attached-to");
  }
  for (const g of iot.thingGroups) {
    if (g.parentName) add(arns.thingGroup(scope, g.name), arns.thingGroup(scope, g.parentName), "child-of");
    for (const p of g.policyNames) add(arns.policy(scope, p), arns.thingGroup(scope, g.name), "attached-to");
  }
  for (const c of iot.certificates) {
    for (const p of c.policyNames) add(arns.policy(scope, p), arns.certificate(scope, c.id), "attached-to");
    if (c.caCertificateId) add(arns.certificate(scope, c.id), arns.caCertificate(scope, c.caCertificateId), "issued-by");
  }
  for (const ca of iot.caCertificates) {
    const arn = arns.caCertificate(scope, ca.id);
    role(arn, ca.registrationConfig?.roleArn);
    if (ca.registrationConfig?.templateName) add(arn, arns.provisioningTemplate(scope, ca.registrationConfig.templateName), "uses");
  }
  const httpDestinations = iot.topicRuleDestinations.filter((d) => d.http).map((d) => ({ arn: d.arn, confirmationUrl: d.http!.confirmationUrl }));
  for (const rule of iot.topicRules) {
    const arn = arns.topicRule(scope, rule.name);
    for (const action of [...rule.actions, ...(rule.errorAction ? [rule.errorAction] : [])]) ruleActionRelations(scope, arn, action, httpDestinations, add);
  }
  for (const d of iot.topicRuleDestinations) role(d.arn, d.vpc?.roleArn);
  for (const j of iot.jobs) {
    const arn = arns.job(scope, j.id);
    for (const target of j.targets) add(arn, target, "targets");
    if (j.jobTemplateId) add(arn, arns.jobTemplate(scope, j.jobTemplateId), "created-from");
    role(arn, j.presignedUrlRoleArn);
  }
  for (const a of iot.roleAliases) role(arns.roleAlias(scope, a.name), a.roleArn);
  for (const a of iot.authorizers) add(arns.authorizer(scope, a.name), functionTarget(scope, a.functionArn), "invokes");
  for (const d of iot.domainConfigurations) {
    // The id in a domain configuration's ARN is the stand-in's own (estate-index.ts, domainArn).
    const id = d.name.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 6) || "dflt";
    if (d.defaultAuthorizerName) add(arns.domainConfiguration(scope, d.name, id), arns.authorizer(scope, d.defaultAuthorizerName), "uses");
  }
  for (const p of iot.provisioningTemplates) {
    const arn = arns.provisioningTemplate(scope, p.name);
    role(arn, p.provisioningRoleArn);
    if (p.preProvisioningHookArn) add(arn, functionTarget(scope, p.preProvisioningHookArn), "invokes");
  }
  role(`arn:aws:iot:${r.region}:${estate.accountId}:logging`, iot.logging.roleArn);

  for (const t of r.dynamodbTables) {
    const arn = arns.dynamodbTable(scope, t.name);
    kms(arn, t.sse?.kmsKeyArn);
    for (const replica of t.replicaRegions ?? []) if (replica !== r.region) add(arn, arns.dynamodbTable({ ...scope, region: replica }, t.name), "replicates-to");
  }
  for (const f of r.lambdaFunctions) {
    const arn = arns.lambdaFunction(scope, f.name);
    role(arn, f.roleArn);
    kms(arn, f.kmsKeyArn);
    // The stand-in serves every function's LoggingConfig with its default log group.
    add(arn, arns.logGroup(scope, `/aws/lambda/${f.name}`), "writes-to");
  }
  for (const s of r.kinesisStreams) if (s.encryption === "KMS") kms(arns.kinesisStream(scope, s.name), s.kmsKeyId);
  for (const q of r.sqsQueues) {
    const arn = arns.sqsQueue(scope, q.name);
    kms(arn, q.kmsKeyId);
    if (q.deadLetterTargetName) add(arn, arns.sqsQueue(scope, q.deadLetterTargetName), "dead-letters-to");
  }
  for (const t of r.snsTopics) kms(arns.snsTopic(scope, t.name), t.kmsKeyId);
  for (const db of r.timestreamDatabases) {
    const arn = arns.timestreamDatabase(scope, db.name);
    kms(arn, db.kmsKeyArn);
    for (const table of db.tables) add(arns.timestreamTable(scope, db.name, table.name), arn, "part-of");
  }
  for (const g of r.logGroups) kms(arns.logGroup(scope, g.name), g.kmsKeyArn);
  for (const t of r.cloudTrails) {
    const arn = arns.cloudTrail({ accountId: estate.accountId, region: t.homeRegion }, t.name);
    add(arn, arns.s3Bucket(t.s3BucketName), "writes-to");
    if (t.cloudWatchLogsLogGroupArn) add(arn, t.cloudWatchLogsLogGroupArn.replace(/:\*$/, ""), "writes-to");
    role(arn, t.cloudWatchLogsRoleArn);
    kms(arn, t.kmsKeyArn);
  }
}

/** Every relation a scan of `estate` in `options.regions` should store, each once. */
export function expectedRelations(estate: Estate, options: ExpectedRelationsOptions): ExpectedRelation[] {
  const regions = options.regions ?? estate.regions;
  const seen = new Map<string, ExpectedRelation>();
  const add = (from: string, to: string | undefined, type: string) => {
    if (!to) return;
    seen.set(`${type}\u0000${from}\u0000${to}`, { from, to, type });
  };
  for (const region of regions) {
    const r = estate.byRegion[region];
    if (r) regionRelations(estate, r, options.mode, add);
  }
  for (const b of estate.s3Buckets) {
    if (!regions.includes(b.region)) continue;
    const arn = arns.s3Bucket(b.name);
    const scope: ArnScope = { accountId: estate.accountId, region: b.region };
    add(arn, kmsTarget(scope, b.encryption?.kmsKeyArn), "encrypted-by");
    if (b.replication) {
      add(arn, roleTarget(estate.accountId, b.replication.roleArn), "assumes-role");
      for (const rule of b.replication.rules) add(arn, rule.destinationBucketArn, "replicates-to");
    }
  }
  // An alias a resource is encrypted by is alias-of the key behind it: a customer managed key of
  // the estate that carries the alias, or the AWS managed key the stand-in keeps for
  // alias/aws/<service> (services/kms.ts). References outside the scanned regions or account,
  // and aliases of no key, stay dangling.
  for (const r of [...seen.values()]) {
    if (r.type !== "encrypted-by") continue;
    const m = /^arn:aws:kms:([^:]+):(\d{12}):(alias\/.+)$/.exec(r.to);
    if (!m || m[2] !== estate.accountId || !regions.includes(m[1]!)) continue;
    const [, region, , alias] = m as unknown as [string, string, string, string];
    const scope: ArnScope = { accountId: estate.accountId, region };
    const keyId = alias.startsWith("alias/aws/")
      ? uuidFrom(`aws-managed-key/${region}/${alias.slice("alias/aws/".length)}`)
      : estate.byRegion[region]?.kmsKeys.find((k) => k.aliases.includes(alias))?.id;
    if (keyId) add(r.to, arns.kmsKey(scope, keyId), "alias-of");
  }
  return [...seen.values()];
}
