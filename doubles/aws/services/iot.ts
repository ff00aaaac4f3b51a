/**
 * AWS IoT Core control plane (restJson1, signing name "iot"): the read operations an inventory
 * makes. Paths, query names and response shapes follow @aws-sdk/client-iot's model.
 */
import { createHash } from "node:crypto";
import { arns } from "../arns";
import type {
  Certificate,
  IotJob,
  JobTemplate,
  Tags,
  Thing,
  ThingGroup,
  ThingType,
} from "../estate-types";
import type { RegionIndex } from "../estate-index";
import { decodeToken, encodeToken, slicePageOf, type Page } from "../pagination";
import { AwsError, jsonReply, type Reply } from "../protocol";
import { uuidFrom } from "../prng";
import { compileRoutes, type RestRoute } from "../rest-router";
import { REST_JSON_ERRORS } from "../service-errors";
import type { CallContext, OperationHandler, ServiceDefinition } from "../service-types";

const ROUTES: RestRoute[] = [
  ["GET", "/things", "ListThings"],
  ["GET", "/things/{thingName}", "DescribeThing"],
  ["GET", "/things/{thingName}/principals", "ListThingPrincipals"],
  ["GET", "/things/{thingName}/thing-groups", "ListThingGroupsForThing"],
  ["GET", "/things/{thingName}/principals-v2", "ListThingPrincipalsV2"],
  ["GET", "/principals/things", "ListPrincipalThings"],
  ["GET", "/principals/things-v2", "ListPrincipalThingsV2"],
  ["GET", "/thing-types", "ListThingTypes"],
  ["GET", "/thing-types/{thingTypeName}", "DescribeThingType"],
  ["GET", "/thing-groups", "ListThingGroups"],
  ["GET", "/thing-groups/{thingGroupName}", "DescribeThingGroup"],
  ["GET", "/thing-groups/{thingGroupName}/things", "ListThingsInThingGroup"],
  ["GET", "/billing-groups", "ListBillingGroups"],
  ["GET", "/billing-groups/{billingGroupName}", "DescribeBillingGroup"],
  ["GET", "/billing-groups/{billingGroupName}/things", "ListThingsInBillingGroup"],
  ["GET", "/certificates", "ListCertificates"],
  ["GET", "/certificates/{certificateId}", "DescribeCertificate"],
  ["GET", "/cacertificates", "ListCACertificates"],
  ["GET", "/cacertificate/{certificateId}", "DescribeCACertificate"],
  ["GET", "/certificates-by-ca/{caCertificateId}", "ListCertificatesByCA"],
  ["GET", "/policies", "ListPolicies"],
  ["GET", "/policies/{policyName}", "GetPolicy"],
  ["GET", "/policies/{policyName}/version", "ListPolicyVersions"],
  ["GET", "/policies/{policyName}/version/{policyVersionId}", "GetPolicyVersion"],
  ["POST", "/policy-targets/{policyName}", "ListTargetsForPolicy"],
  ["POST", "/attached-policies/{target}", "ListAttachedPolicies"],
  ["GET", "/rules", "ListTopicRules"],
  ["GET", "/rules/{ruleName}", "GetTopicRule"],
  ["GET", "/destinations", "ListTopicRuleDestinations"],
  ["GET", "/destinations/{arn+}", "GetTopicRuleDestination"],
  ["GET", "/jobs", "ListJobs"],
  ["GET", "/jobs/{jobId}", "DescribeJob"],
  ["GET", "/jobs/{jobId}/job-document", "GetJobDocument"],
  ["GET", "/job-templates", "ListJobTemplates"],
  ["GET", "/job-templates/{jobTemplateId}", "DescribeJobTemplate"],
  ["GET", "/role-aliases", "ListRoleAliases"],
  ["GET", "/role-aliases/{roleAlias}", "DescribeRoleAlias"],
  ["GET", "/authorizers", "ListAuthorizers"],
  ["GET", "/authorizer/{authorizerName}", "DescribeAuthorizer"],
  ["GET", "/domainConfigurations", "ListDomainConfigurations"],
  ["GET", "/domainConfigurations/{domainConfigurationName}", "DescribeDomainConfiguration"],
  ["GET", "/provisioning-templates", "ListProvisioningTemplates"],
  ["GET", "/provisioning-templates/{templateName}", "DescribeProvisioningTemplate"],
  ["GET", "/indexing/config", "GetIndexingConfiguration"],
  ["GET", "/indices", "ListIndices"],
  ["GET", "/v2LoggingOptions", "GetV2LoggingOptions"],
  ["GET", "/endpoint", "DescribeEndpoint"],
  ["GET", "/tags", "ListTagsForResource"],
];

/**
 * Page sizes: [default, maximum]. The service documents the ranges (1-250 for most lists, up to
 * 10,000 for ListTopicRules, 1,000 for destinations, 500 for indices); it does not document the
 * defaults, and 25 is what the stand-in assumes.
 */
const PAGE_LIMITS: Record<string, readonly [number, number]> = {
  ListTopicRules: [25, 10_000],
  ListTopicRuleDestinations: [25, 1_000],
  ListIndices: [25, 500],
  ListTagsForResource: [50, 50],
};
const DEFAULT_LIMITS = [25, 250] as const;

const EMPTY_LIST: readonly number[] = [];

function invalid(message: string): AwsError {
  return new AwsError(400, "InvalidRequestException", message);
}

function notFound(message: string): AwsError {
  return new AwsError(404, "ResourceNotFoundException", message);
}

function boolParam(ctx: CallContext, name: string): boolean | undefined {
  const v = ctx.query.get(name);
  if (v === undefined) return undefined;
  if (v === "true") return true;
  if (v === "false") return false;
  throw invalid(`1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must be a boolean`);
}

/** Reads maxResults / pageSize with the operation's limits, the way the service validates them. */
function pageSize(ctx: CallContext, param: "maxResults" | "pageSize"): number {
  const [fallback, max] = PAGE_LIMITS[ctx.operation] ?? DEFAULT_LIMITS;
  const raw = ctx.query.get(param);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw invalid(`1 validation error detected: Value '${raw}' at '${param}' failed to satisfy constraint: Member must be an integer`);
  if (n < 1) throw invalid(`1 validation error detected: Value '${n}' at '${param}' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  if (n > max) throw invalid(`1 validation error detected: Value '${n}' at '${param}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  return n;
}

/** A page of a listing in nextToken/maxResults style. */
function tokenPage<T>(ctx: CallContext, listing: string, length: number, at: (i: number) => T): { items: T[]; nextToken?: string } {
  const size = pageSize(ctx, "maxResults");
  const key = `${ctx.operation}|${ctx.region}|${listing}`;
  const offset = decodeToken(key, ctx.query.get("nextToken"));
  if (offset === null) throw invalid("The pagination token is invalid.");
  const page: Page<T> = slicePageOf(length, at, offset, size);
  return { items: page.items, nextToken: page.nextOffset === undefined ? undefined : encodeToken(key, page.nextOffset) };
}

/** A page of a listing in marker/pageSize style (nextMarker). */
function markerPage<T>(ctx: CallContext, listing: string, length: number, at: (i: number) => T): { items: T[]; nextMarker?: string } {
  const size = pageSize(ctx, "pageSize");
  const key = `${ctx.operation}|${ctx.region}|${listing}`;
  const offset = decodeToken(key, ctx.query.get("marker"));
  if (offset === null) throw invalid("The marker is invalid.");
  const page: Page<T> = slicePageOf(length, at, offset, size);
  return { items: page.items, nextMarker: page.nextOffset === undefined ? undefined : encodeToken(key, page.nextOffset) };
}

/** Ascending unless isAscendingOrder=false was asked for. */
function ordered<T>(ctx: CallContext, items: readonly T[], defaultAscending: boolean): (i: number) => T {
  const ascending = boolParam(ctx, "isAscendingOrder") ?? defaultAscending;
  return ascending ? (i) => items[i] as T : (i) => items[items.length - 1 - i] as T;
}

function reply(ctx: CallContext, body: unknown): Reply {
  return jsonReply("restJson", ctx.requestId, body);
}

function tagList(tags: Tags): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

// ---------------------------------------------------------------------------------------------
// Lookups that answer the service's own not-found errors

function thingIndex(ctx: CallContext, name: string | undefined): number {
  const i = name === undefined ? undefined : ctx.index.thingByName.get(name);
  if (i === undefined) throw notFound(`Thing ${name} cannot be found.`);
  return i;
}

function thingGroup(ctx: CallContext, name: string | undefined): ThingGroup {
  const g = name === undefined ? undefined : ctx.index.groupByName.get(name);
  if (!g) throw notFound(`Thing Group ${name} does not exist`);
  return g;
}

function certificate(ctx: CallContext, id: string | undefined): Certificate {
  const c = id === undefined ? undefined : ctx.index.certificateById.get(id);
  if (!c) throw notFound(`The certificate given in the request does not exist: ${id}`);
  return c;
}

/** The things a certificate (the x-amzn-principal header) is attached to. */
function principalThings(ctx: CallContext): { principal: string; things: readonly number[] } {
  const ix = ctx.index;
  const principal = ctx.headers["x-amzn-principal"];
  if (typeof principal !== "string" || principal === "") throw invalid("1 validation error detected: Value null at 'principal' failed to satisfy constraint: Member must not be null");
  const m = /^arn:aws:iot:([^:]+):(\d{12}):cert\/([0-9a-f]{64})$/.exec(principal);
  if (!m) throw invalid(`Principal ${principal} is not a valid certificate ARN.`);
  if (m[1] !== ix.region || m[2] !== ix.scope.accountId || !ix.certificateById.has(m[3] as string)) throw notFound(`Principal ${principal} does not exist.`);
  return { principal, things: ix.thingsByCertificate.get(m[3] as string) ?? EMPTY_LIST };
}

function principalTypeFilter(ctx: CallContext): string | undefined {
  const type = ctx.query.get("thingPrincipalType");
  if (type !== undefined && type !== "EXCLUSIVE_THING" && type !== "NON_EXCLUSIVE_THING") {
    throw invalid(`1 validation error detected: Value '${type}' at 'thingPrincipalType' failed to satisfy enum value set: [EXCLUSIVE_THING, NON_EXCLUSIVE_THING]`);
  }
  return type;
}

// ---------------------------------------------------------------------------------------------
// Shapes

function thingAttribute(ix: RegionIndex, t: Thing) {
  return { thingName: t.name, thingTypeName: t.typeName, thingArn: arns.thing(ix.scope, t.name), attributes: t.attributes, version: t.version };
}

function thingTypeDefinition(ix: RegionIndex, t: ThingType) {
  return {
    thingTypeName: t.name,
    thingTypeArn: arns.thingType(ix.scope, t.name),
    thingTypeProperties: { thingTypeDescription: t.description, searchableAttributes: t.searchableAttributes },
    thingTypeMetadata: { deprecated: t.deprecated, deprecationDate: t.deprecationDate, creationDate: t.creationDate },
  };
}

function groupNameAndArn(ix: RegionIndex, name: string) {
  return { groupName: name, groupArn: arns.thingGroup(ix.scope, name) };
}

function certificatePem(id: string): string {
  // Placeholder PEM: the structure of a certificate (base64 lines of 64), not a parseable one.
  let der = Buffer.alloc(0);
  for (let i = 0; der.length < 600; i++) der = Buffer.concat([der, createHash("sha256").update(`${id}:${i}`).digest()]);
  const b64 = `MIIC${der.subarray(0, 600).toString("base64")}`;
  return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function jobShape(ix: RegionIndex, j: IotJob) {
  return {
    jobArn: arns.job(ix.scope, j.id),
    jobId: j.id,
    targetSelection: j.targetSelection,
    status: j.status,
    forceCanceled: j.status === "CANCELED" ? false : undefined,
    targets: j.targets,
    description: j.description,
    presignedUrlConfig: j.presignedUrlRoleArn ? { roleArn: j.presignedUrlRoleArn, expiresInSec: 3600 } : undefined,
    jobExecutionsRolloutConfig: j.rollout,
    abortConfig: j.abort,
    createdAt: j.createdAt,
    lastUpdatedAt: j.lastUpdatedAt,
    completedAt: j.completedAt,
    jobProcessDetails: {
      numberOfSucceededThings: j.process.succeeded,
      numberOfFailedThings: j.process.failed,
      numberOfQueuedThings: j.process.queued,
      numberOfInProgressThings: j.process.inProgress,
      numberOfCanceledThings: j.process.canceled,
      numberOfRejectedThings: 0,
      numberOfRemovedThings: 0,
      numberOfTimedOutThings: 0,
    },
    timeoutConfig: j.timeoutMinutes ? { inProgressTimeoutInMinutes: j.timeoutMinutes } : undefined,
    jobTemplateArn: j.jobTemplateId ? arns.jobTemplate(ix.scope, j.jobTemplateId) : undefined,
    isConcurrent: false,
  };
}

function jobTemplateShape(ix: RegionIndex, t: JobTemplate) {
  return {
    jobTemplateArn: arns.jobTemplate(ix.scope, t.id),
    jobTemplateId: t.id,
    description: t.description,
    document: t.document,
    createdAt: t.createdAt,
    jobExecutionsRolloutConfig: t.rollout,
    abortConfig: t.abort,
    timeoutConfig: t.timeoutMinutes ? { inProgressTimeoutInMinutes: t.timeoutMinutes } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers

const handlers: Record<string, OperationHandler> = {
  ListThings(ctx) {
    const ix = ctx.index;
    const type = ctx.query.get("thingTypeName");
    const attrName = ctx.query.get("attributeName");
    const attrValue = ctx.query.get("attributeValue");
    const prefix = boolParam(ctx, "usePrefixAttributeValue") ?? false;
    if ((attrName === undefined) !== (attrValue === undefined)) throw invalid("attributeName and attributeValue must be given together.");
    const list = ix.thingsMatching(type, attrName, attrValue, prefix);
    const things = ix.data.iot.things;
    const page = list
      ? tokenPage(ctx, `${type}|${attrName}|${attrValue}|${prefix}`, list.length, (i) => thingAttribute(ix, ix.thing(list[i] as number)))
      : tokenPage(ctx, "all", things.length, (i) => thingAttribute(ix, things[i] as Thing));
    return reply(ctx, { things: page.items, nextToken: page.nextToken });
  },

  DescribeThing(ctx) {
    const ix = ctx.index;
    const t = ix.thing(thingIndex(ctx, ctx.labels.thingName));
    return reply(ctx, {
      defaultClientId: t.name,
      thingName: t.name,
      thingId: uuidFrom(`${ix.scope.accountId}/${ix.region}/thing/${t.name}`),
      thingArn: arns.thing(ix.scope, t.name),
      thingTypeName: t.typeName,
      attributes: t.attributes,
      version: t.version,
      billingGroupName: t.billingGroupName,
    });
  },

  ListThingPrincipals(ctx) {
    const ix = ctx.index;
    const t = ix.thing(thingIndex(ctx, ctx.labels.thingName));
    const page = tokenPage(ctx, t.name, t.principals.length, (i) => arns.certificate(ix.scope, t.principals[i] as string));
    return reply(ctx, { principals: page.items, nextToken: page.nextToken });
  },

  ListThingGroupsForThing(ctx) {
    const ix = ctx.index;
    const t = ix.thing(thingIndex(ctx, ctx.labels.thingName));
    const page = tokenPage(ctx, t.name, t.groupNames.length, (i) => groupNameAndArn(ix, t.groupNames[i] as string));
    return reply(ctx, { thingGroups: page.items, nextToken: page.nextToken });
  },

  ListThingPrincipalsV2(ctx) {
    const ix = ctx.index;
    const t = ix.thing(thingIndex(ctx, ctx.labels.thingName));
    const type = principalTypeFilter(ctx);
    // every attachment in the estate is the classic, non-exclusive kind
    const principals = type === "EXCLUSIVE_THING" ? [] : t.principals;
    const page = tokenPage(ctx, `${t.name}|${type}`, principals.length, (i) => ({
      principal: arns.certificate(ix.scope, principals[i] as string),
      thingPrincipalType: "NON_EXCLUSIVE_THING",
    }));
    return reply(ctx, { thingPrincipalObjects: page.items, nextToken: page.nextToken });
  },

  ListPrincipalThings(ctx) {
    const ix = ctx.index;
    const { principal, things } = principalThings(ctx);
    const page = tokenPage(ctx, principal, things.length, (i) => ix.thing(things[i] as number).name);
    return reply(ctx, { things: page.items, nextToken: page.nextToken });
  },

  ListPrincipalThingsV2(ctx) {
    const ix = ctx.index;
    const { principal, things } = principalThings(ctx);
    const type = principalTypeFilter(ctx);
    const list = type === "EXCLUSIVE_THING" ? EMPTY_LIST : things;
    const page = tokenPage(ctx, `${principal}|${type}`, list.length, (i) => ({ thingName: ix.thing(list[i] as number).name, thingPrincipalType: "NON_EXCLUSIVE_THING" }));
    return reply(ctx, { principalThingObjects: page.items, nextToken: page.nextToken });
  },

  ListThingTypes(ctx) {
    const ix = ctx.index;
    const name = ctx.query.get("thingTypeName");
    const list = name === undefined ? ix.data.iot.thingTypes : ix.data.iot.thingTypes.filter((t) => t.name === name);
    const page = tokenPage(ctx, name ?? "", list.length, (i) => thingTypeDefinition(ix, list[i] as ThingType));
    return reply(ctx, { thingTypes: page.items, nextToken: page.nextToken });
  },

  DescribeThingType(ctx) {
    const ix = ctx.index;
    const t = ix.thingTypeByName.get(ctx.labels.thingTypeName as string);
    if (!t) throw notFound(`Thing Type ${ctx.labels.thingTypeName} cannot be found.`);
    return reply(ctx, { ...thingTypeDefinition(ix, t), thingTypeId: t.id });
  },

  ListThingGroups(ctx) {
    const ix = ctx.index;
    const parent = ctx.query.get("parentGroup");
    const prefix = ctx.query.get("namePrefixFilter") ?? "";
    const recursive = boolParam(ctx, "recursive") ?? false;
    let names: string[];
    if (parent !== undefined) {
      thingGroup(ctx, parent);
      names = recursive ? ix.descendants(parent) : [...(ix.childGroups.get(parent) ?? [])];
    } else {
      names = ix.data.iot.thingGroups.map((g) => g.name);
    }
    if (prefix) names = names.filter((n) => n.startsWith(prefix));
    const page = tokenPage(ctx, `${parent}|${prefix}|${recursive}`, names.length, (i) => groupNameAndArn(ix, names[i] as string));
    return reply(ctx, { thingGroups: page.items, nextToken: page.nextToken });
  },

  DescribeThingGroup(ctx) {
    const ix = ctx.index;
    const g = thingGroup(ctx, ctx.labels.thingGroupName);
    return reply(ctx, {
      thingGroupName: g.name,
      thingGroupId: g.id,
      thingGroupArn: arns.thingGroup(ix.scope, g.name),
      version: g.version,
      thingGroupProperties: { thingGroupDescription: g.description, attributePayload: { attributes: g.attributes } },
      thingGroupMetadata: {
        parentGroupName: g.parentName,
        rootToParentThingGroups: g.parentName ? ix.ancestors(g.name).map((a) => groupNameAndArn(ix, a.name)) : undefined,
        creationDate: g.creationDate,
      },
      indexName: g.dynamic?.indexName,
      queryString: g.dynamic?.queryString,
      queryVersion: g.dynamic?.queryVersion,
      status: g.dynamic?.status,
    });
  },

  ListThingsInThingGroup(ctx) {
    const ix = ctx.index;
    const g = thingGroup(ctx, ctx.labels.thingGroupName);
    const recursive = boolParam(ctx, "recursive") ?? false;
    const list = ix.thingsInGroup(g.name, recursive);
    const page = tokenPage(ctx, `${g.name}|${recursive}`, list.length, (i) => ix.thing(list[i] as number).name);
    return reply(ctx, { things: page.items, nextToken: page.nextToken });
  },

  ListBillingGroups(ctx) {
    const ix = ctx.index;
    const prefix = ctx.query.get("namePrefixFilter") ?? "";
    const list = ix.data.iot.billingGroups.filter((g) => g.name.startsWith(prefix));
    const page = tokenPage(ctx, prefix, list.length, (i) => {
      const g = list[i] as (typeof list)[number];
      return { groupName: g.name, groupArn: arns.billingGroup(ix.scope, g.name) };
    });
    return reply(ctx, { billingGroups: page.items, nextToken: page.nextToken });
  },

  DescribeBillingGroup(ctx) {
    const ix = ctx.index;
    const g = ix.billingGroupByName.get(ctx.labels.billingGroupName as string);
    if (!g) throw notFound(`Billing Group ${ctx.labels.billingGroupName} does not exist`);
    return reply(ctx, {
      billingGroupName: g.name,
      billingGroupId: g.id,
      billingGroupArn: arns.billingGroup(ix.scope, g.name),
      version: g.version,
      billingGroupProperties: { billingGroupDescription: g.description },
      billingGroupMetadata: { creationDate: g.creationDate },
    });
  },

  ListThingsInBillingGroup(ctx) {
    const ix = ctx.index;
    const name = ctx.labels.billingGroupName as string;
    if (!ix.billingGroupByName.has(name)) throw notFound(`Billing Group ${name} does not exist`);
    const list = ix.thingsByBillingGroup.get(name) ?? EMPTY_LIST;
    const page = tokenPage(ctx, name, list.length, (i) => ix.thing(list[i] as number).name);
    return reply(ctx, { things: page.items, nextToken: page.nextToken });
  },

  ListCertificates(ctx) {
    const ix = ctx.index;
    const list = ix.certificatesAscending;
    const at = ordered(ctx, list, false);
    const page = markerPage(ctx, String(boolParam(ctx, "isAscendingOrder") ?? false), list.length, (i) => {
      const c = at(i);
      return { certificateArn: arns.certificate(ix.scope, c.id), certificateId: c.id, status: c.status, certificateMode: c.mode, creationDate: c.creationDate };
    });
    return reply(ctx, { certificates: page.items, nextMarker: page.nextMarker });
  },

  DescribeCertificate(ctx) {
    const ix = ctx.index;
    const c = certificate(ctx, ctx.labels.certificateId);
    return reply(ctx, {
      certificateDescription: {
        certificateArn: arns.certificate(ix.scope, c.id),
        certificateId: c.id,
        caCertificateId: c.caCertificateId,
        status: c.status,
        certificatePem: certificatePem(c.id),
        ownedBy: ix.scope.accountId,
        creationDate: c.creationDate,
        lastModifiedDate: c.creationDate,
        customerVersion: c.status === "ACTIVE" ? 1 : 2,
        generationId: uuidFrom(`generation/${c.id}`),
        validity: { notBefore: c.notBefore, notAfter: c.notAfter },
        certificateMode: c.mode,
      },
    });
  },

  ListCertificatesByCA(ctx) {
    const ix = ctx.index;
    const caId = ctx.labels.caCertificateId as string;
    if (!ix.caById.has(caId)) throw notFound(`The CA certificate given in the request does not exist: ${caId}`);
    const list = ix.certificatesByCa.get(caId) ?? [];
    const at = ordered(ctx, list, false);
    const page = markerPage(ctx, `${caId}|${boolParam(ctx, "isAscendingOrder") ?? false}`, list.length, (i) => {
      const c = at(i);
      return { certificateArn: arns.certificate(ix.scope, c.id), certificateId: c.id, status: c.status, certificateMode: c.mode, creationDate: c.creationDate };
    });
    return reply(ctx, { certificates: page.items, nextMarker: page.nextMarker });
  },

  ListCACertificates(ctx) {
    const ix = ctx.index;
    const template = ctx.query.get("templateName");
    const list = ix.data.iot.caCertificates.filter((c) => template === undefined || c.registrationConfig?.templateName === template);
    const at = ordered(ctx, list, false);
    const page = markerPage(ctx, `${template}|${boolParam(ctx, "isAscendingOrder") ?? false}`, list.length, (i) => {
      const c = at(i);
      return { certificateArn: arns.caCertificate(ix.scope, c.id), certificateId: c.id, status: c.status, creationDate: c.creationDate };
    });
    return reply(ctx, { certificates: page.items, nextMarker: page.nextMarker });
  },

  DescribeCACertificate(ctx) {
    const ix = ctx.index;
    const c = ix.caById.get(ctx.labels.certificateId as string);
    if (!c) throw notFound(`The CA certificate given in the request does not exist: ${ctx.labels.certificateId}`);
    return reply(ctx, {
      certificateDescription: {
        certificateArn: arns.caCertificate(ix.scope, c.id),
        certificateId: c.id,
        status: c.status,
        certificatePem: certificatePem(c.id),
        ownedBy: ix.scope.accountId,
        creationDate: c.creationDate,
        autoRegistrationStatus: c.autoRegistrationStatus,
        lastModifiedDate: c.creationDate,
        customerVersion: 1,
        generationId: uuidFrom(`generation/${c.id}`),
        validity: { notBefore: c.notBefore, notAfter: c.notAfter },
        certificateMode: c.mode,
      },
      registrationConfig: c.registrationConfig,
    });
  },

  ListPolicies(ctx) {
    const ix = ctx.index;
    const list = ix.data.iot.policies;
    const at = ordered(ctx, list, true);
    const page = markerPage(ctx, String(boolParam(ctx, "isAscendingOrder") ?? true), list.length, (i) => ({
      policyName: at(i).name,
      policyArn: arns.policy(ix.scope, at(i).name),
    }));
    return reply(ctx, { policies: page.items, nextMarker: page.nextMarker });
  },

  GetPolicy(ctx) {
    const ix = ctx.index;
    const p = ix.policyByName.get(ctx.labels.policyName as string);
    if (!p) throw notFound(`Policy not found`);
    const def = p.versions.find((v) => v.isDefault) ?? p.versions[p.versions.length - 1];
    return reply(ctx, {
      policyName: p.name,
      policyArn: arns.policy(ix.scope, p.name),
      policyDocument: def?.document,
      defaultVersionId: p.defaultVersionId,
      creationDate: p.creationDate,
      lastModifiedDate: p.lastModifiedDate,
      generationId: uuidFrom(`policy-generation/${ix.region}/${p.name}`),
    });
  },

  ListPolicyVersions(ctx) {
    const p = ctx.index.policyByName.get(ctx.labels.policyName as string);
    if (!p) throw notFound(`Policy not found`);
    return reply(ctx, { policyVersions: p.versions.map((v) => ({ versionId: v.versionId, isDefaultVersion: v.isDefault, createDate: v.createDate })) });
  },

  GetPolicyVersion(ctx) {
    const ix = ctx.index;
    const p = ix.policyByName.get(ctx.labels.policyName as string);
    if (!p) throw notFound(`Policy not found`);
    const v = p.versions.find((x) => x.versionId === ctx.labels.policyVersionId);
    if (!v) throw notFound(`Policy version not found`);
    return reply(ctx, {
      policyArn: arns.policy(ix.scope, p.name),
      policyName: p.name,
      policyDocument: v.document,
      policyVersionId: v.versionId,
      isDefaultVersion: v.isDefault,
      creationDate: v.createDate,
      lastModifiedDate: v.createDate,
      generationId: uuidFrom(`policy-generation/${ix.region}/${p.name}/${v.versionId}`),
    });
  },

  ListTargetsForPolicy(ctx) {
    const ix = ctx.index;
    const name = ctx.labels.policyName as string;
    if (!ix.policyByName.has(name)) throw notFound(`Policy not found`);
    const groups = ix.policyGroupTargets.get(name) ?? [];
    const certs = ix.policyCertificateTargets.get(name) ?? [];
    const page = markerPage(ctx, name, groups.length + certs.length, (i) =>
      i < groups.length ? arns.thingGroup(ix.scope, groups[i] as string) : arns.certificate(ix.scope, certs[i - groups.length] as string),
    );
    return reply(ctx, { targets: page.items, nextMarker: page.nextMarker });
  },

  ListAttachedPolicies(ctx) {
    const ix = ctx.index;
    const target = ctx.labels.target as string;
    const recursive = boolParam(ctx, "recursive") ?? false;
    let names: readonly string[];
    const cert = /^arn:aws:iot:[^:]+:\d{12}:cert\/([0-9a-f]{64})$/.exec(target);
    const group = /^arn:aws:iot:[^:]+:\d{12}:thinggroup\/(.+)$/.exec(target);
    if (cert) {
      names = certificate(ctx, cert[1]).policyNames;
    } else if (group) {
      const g = thingGroup(ctx, group[1]);
      names = recursive ? [...new Set([...ix.ancestors(g.name).flatMap((a) => a.policyNames), ...g.policyNames])] : g.policyNames;
    } else {
      throw invalid(`Target ${target} is not a certificate or thing group ARN.`);
    }
    const page = markerPage(ctx, `${target}|${recursive}`, names.length, (i) => ({ policyName: names[i] as string, policyArn: arns.policy(ix.scope, names[i] as string) }));
    return reply(ctx, { policies: page.items, nextMarker: page.nextMarker });
  },

  ListTopicRules(ctx) {
    const ix = ctx.index;
    const topic = ctx.query.get("topic");
    const disabled = boolParam(ctx, "ruleDisabled");
    const list = ix.data.iot.topicRules.filter((r) => (topic === undefined || r.topicPattern === topic) && (disabled === undefined || r.disabled === disabled));
    const page = tokenPage(ctx, `${topic}|${disabled}`, list.length, (i) => {
      const r = list[i] as (typeof list)[number];
      return { ruleArn: arns.topicRule(ix.scope, r.name), ruleName: r.name, topicPattern: r.topicPattern, createdAt: r.createdAt, ruleDisabled: r.disabled };
    });
    return reply(ctx, { rules: page.items, nextToken: page.nextToken });
  },

  GetTopicRule(ctx) {
    const ix = ctx.index;
    const r = ix.ruleByName.get(ctx.labels.ruleName as string);
    // AWS IoT answers a rule that does not exist with UnauthorizedException, not a not-found error
    if (!r) throw new AwsError(401, "UnauthorizedException", `User is not authorized to access rule ${ctx.labels.ruleName}`);
    return reply(ctx, {
      ruleArn: arns.topicRule(ix.scope, r.name),
      rule: {
        ruleName: r.name,
        sql: r.sql,
        description: r.description,
        createdAt: r.createdAt,
        actions: r.actions,
        ruleDisabled: r.disabled,
        awsIotSqlVersion: r.sqlVersion,
        errorAction: r.errorAction,
      },
    });
  },

  ListTopicRuleDestinations(ctx) {
    const list = ctx.index.data.iot.topicRuleDestinations;
    const page = tokenPage(ctx, "", list.length, (i) => {
      const d = list[i] as (typeof list)[number];
      return {
        arn: d.arn,
        status: d.status,
        createdAt: d.createdAt,
        lastUpdatedAt: d.lastUpdatedAt,
        statusReason: d.statusReason,
        httpUrlSummary: d.http,
        vpcDestinationSummary: d.vpc,
      };
    });
    return reply(ctx, { destinationSummaries: page.items, nextToken: page.nextToken });
  },

  GetTopicRuleDestination(ctx) {
    const d = ctx.index.destinationByArn.get(ctx.labels.arn as string);
    if (!d) throw notFound(`Topic rule destination ${ctx.labels.arn} does not exist`);
    return reply(ctx, {
      topicRuleDestination: {
        arn: d.arn,
        status: d.status,
        createdAt: d.createdAt,
        lastUpdatedAt: d.lastUpdatedAt,
        statusReason: d.statusReason,
        httpUrlProperties: d.http,
        vpcProperties: d.vpc,
      },
    });
  },

  ListJobs(ctx) {
    const ix = ctx.index;
    const status = ctx.query.get("status");
    const selection = ctx.query.get("targetSelection");
    const groupName = ctx.query.get("thingGroupName");
    const groupArn = groupName === undefined ? undefined : arns.thingGroup(ix.scope, groupName);
    const list = ix.data.iot.jobs.filter(
      (j) => (status === undefined || j.status === status) && (selection === undefined || j.targetSelection === selection) && (groupArn === undefined || j.targets.includes(groupArn)),
    );
    const page = tokenPage(ctx, `${status}|${selection}|${groupName}`, list.length, (i) => {
      const j = list[i] as IotJob;
      const group = j.targets.find((t) => t.includes(":thinggroup/"));
      return {
        jobArn: arns.job(ix.scope, j.id),
        jobId: j.id,
        thingGroupId: group ? ix.groupByName.get(group.split(":thinggroup/")[1] as string)?.id : undefined,
        targetSelection: j.targetSelection,
        status: j.status,
        createdAt: j.createdAt,
        lastUpdatedAt: j.lastUpdatedAt,
        completedAt: j.completedAt,
        isConcurrent: false,
      };
    });
    return reply(ctx, { jobs: page.items, nextToken: page.nextToken });
  },

  DescribeJob(ctx) {
    const ix = ctx.index;
    const j = ix.jobById.get(ctx.labels.jobId as string);
    if (!j) throw notFound(`Job ${ctx.labels.jobId} does not exist.`);
    return reply(ctx, { job: jobShape(ix, j) });
  },

  GetJobDocument(ctx) {
    const j = ctx.index.jobById.get(ctx.labels.jobId as string);
    if (!j) throw notFound(`Job ${ctx.labels.jobId} does not exist.`);
    return reply(ctx, { document: j.document });
  },

  ListJobTemplates(ctx) {
    const ix = ctx.index;
    const list = ix.data.iot.jobTemplates;
    const page = tokenPage(ctx, "", list.length, (i) => {
      const t = list[i] as JobTemplate;
      return { jobTemplateArn: arns.jobTemplate(ix.scope, t.id), jobTemplateId: t.id, description: t.description, createdAt: t.createdAt };
    });
    return reply(ctx, { jobTemplates: page.items, nextToken: page.nextToken });
  },

  DescribeJobTemplate(ctx) {
    const ix = ctx.index;
    const t = ix.jobTemplateById.get(ctx.labels.jobTemplateId as string);
    if (!t) throw notFound(`Job template ${ctx.labels.jobTemplateId} does not exist.`);
    return reply(ctx, jobTemplateShape(ix, t));
  },

  ListRoleAliases(ctx) {
    const list = ctx.index.data.iot.roleAliases;
    const at = ordered(ctx, list, true);
    const page = markerPage(ctx, String(boolParam(ctx, "isAscendingOrder") ?? true), list.length, (i) => at(i).name);
    return reply(ctx, { roleAliases: page.items, nextMarker: page.nextMarker });
  },

  DescribeRoleAlias(ctx) {
    const ix = ctx.index;
    const r = ix.roleAliasByName.get(ctx.labels.roleAlias as string);
    if (!r) throw notFound(`Role alias ${ctx.labels.roleAlias} does not exist.`);
    return reply(ctx, {
      roleAliasDescription: {
        roleAlias: r.name,
        roleAliasArn: arns.roleAlias(ix.scope, r.name),
        roleArn: r.roleArn,
        owner: ix.scope.accountId,
        credentialDurationSeconds: r.credentialDurationSeconds,
        creationDate: r.creationDate,
        lastModifiedDate: r.lastModifiedDate,
      },
    });
  },

  ListAuthorizers(ctx) {
    const ix = ctx.index;
    const status = ctx.query.get("status");
    const list = ix.data.iot.authorizers.filter((a) => status === undefined || a.status === status);
    const at = ordered(ctx, list, true);
    const page = markerPage(ctx, `${status}|${boolParam(ctx, "isAscendingOrder") ?? true}`, list.length, (i) => ({
      authorizerName: at(i).name,
      authorizerArn: arns.authorizer(ix.scope, at(i).name),
    }));
    return reply(ctx, { authorizers: page.items, nextMarker: page.nextMarker });
  },

  DescribeAuthorizer(ctx) {
    const ix = ctx.index;
    const a = ix.authorizerByName.get(ctx.labels.authorizerName as string);
    if (!a) throw notFound(`Authorizer ${ctx.labels.authorizerName} does not exist.`);
    return reply(ctx, {
      authorizerDescription: {
        authorizerName: a.name,
        authorizerArn: arns.authorizer(ix.scope, a.name),
        authorizerFunctionArn: a.functionArn,
        tokenKeyName: a.tokenKeyName,
        tokenSigningPublicKeys: a.tokenSigningPublicKeys,
        status: a.status,
        creationDate: a.creationDate,
        lastModifiedDate: a.lastModifiedDate,
        signingDisabled: a.signingDisabled,
        enableCachingForHttp: a.enableCachingForHttp,
      },
    });
  },

  ListDomainConfigurations(ctx) {
    const ix = ctx.index;
    const serviceType = ctx.query.get("serviceType");
    const list = ix.data.iot.domainConfigurations.filter((d) => serviceType === undefined || d.serviceType === serviceType);
    const page = markerPage(ctx, serviceType ?? "", list.length, (i) => {
      const d = list[i] as (typeof list)[number];
      return { domainConfigurationName: d.name, domainConfigurationArn: ix.domainArn(d), serviceType: d.serviceType };
    });
    return reply(ctx, { domainConfigurations: page.items, nextMarker: page.nextMarker });
  },

  DescribeDomainConfiguration(ctx) {
    const ix = ctx.index;
    const d = ix.domainByName.get(ctx.labels.domainConfigurationName as string);
    if (!d) throw notFound(`Domain configuration ${ctx.labels.domainConfigurationName} does not exist.`);
    return reply(ctx, {
      domainConfigurationName: d.name,
      domainConfigurationArn: ix.domainArn(d),
      domainName: d.domainName || ix.data.iot.endpoints["iot:Data-ATS"],
      serverCertificates: d.serverCertificateArns.map((arn) => ({ serverCertificateArn: arn, serverCertificateStatus: "VALID" })),
      authorizerConfig: d.defaultAuthorizerName ? { defaultAuthorizerName: d.defaultAuthorizerName, allowAuthorizerOverride: true } : undefined,
      domainConfigurationStatus: d.status,
      serviceType: d.serviceType,
      domainType: d.domainType,
      lastStatusChangeDate: d.lastStatusChangeDate,
      tlsConfig: { securityPolicy: d.securityPolicy },
    });
  },

  ListProvisioningTemplates(ctx) {
    const ix = ctx.index;
    const list = ix.data.iot.provisioningTemplates;
    const page = tokenPage(ctx, "", list.length, (i) => {
      const t = list[i] as (typeof list)[number];
      return {
        templateArn: arns.provisioningTemplate(ix.scope, t.name),
        templateName: t.name,
        description: t.description,
        creationDate: t.creationDate,
        lastModifiedDate: t.lastModifiedDate,
        enabled: t.enabled,
        type: t.type,
      };
    });
    return reply(ctx, { templates: page.items, nextToken: page.nextToken });
  },

  DescribeProvisioningTemplate(ctx) {
    const ix = ctx.index;
    const t = ix.provisioningTemplateByName.get(ctx.labels.templateName as string);
    if (!t) throw notFound(`Provisioning template ${ctx.labels.templateName} does not exist.`);
    return reply(ctx, {
      templateArn: arns.provisioningTemplate(ix.scope, t.name),
      templateName: t.name,
      description: t.description,
      creationDate: t.creationDate,
      lastModifiedDate: t.lastModifiedDate,
      defaultVersionId: t.defaultVersionId,
      templateBody: t.templateBody,
      enabled: t.enabled,
      provisioningRoleArn: t.provisioningRoleArn,
      preProvisioningHook: t.preProvisioningHookArn ? { targetArn: t.preProvisioningHookArn, payloadVersion: "2020-04-01" } : undefined,
      type: t.type,
    });
  },

  GetIndexingConfiguration(ctx) {
    const c = ctx.index.data.iot.indexing;
    return reply(ctx, {
      thingIndexingConfiguration: {
        thingIndexingMode: c.thingIndexingMode,
        thingConnectivityIndexingMode: c.thingConnectivityIndexingMode,
        deviceDefenderIndexingMode: c.deviceDefenderIndexingMode,
        namedShadowIndexingMode: c.namedShadowIndexingMode,
        managedFields:
          c.thingIndexingMode === "OFF"
            ? undefined
            : [
                { name: "thingName", type: "String" },
                { name: "thingId", type: "String" },
                { name: "registry.version", type: "Number" },
              ],
        customFields: c.customFields,
      },
      thingGroupIndexingConfiguration: { thingGroupIndexingMode: c.thingGroupIndexingMode },
    });
  },

  ListIndices(ctx) {
    const c = ctx.index.data.iot.indexing;
    const names = [...(c.thingIndexingMode !== "OFF" ? ["AWS_Things"] : []), ...(c.thingGroupIndexingMode === "ON" ? ["AWS_ThingGroups"] : [])];
    const page = tokenPage(ctx, "", names.length, (i) => names[i] as string);
    return reply(ctx, { indexNames: page.items, nextToken: page.nextToken });
  },

  GetV2LoggingOptions(ctx) {
    const ix = ctx.index;
    if (!ix.inEstate) throw new AwsError(404, "NotConfiguredException", "Logging options are not configured for this account.");
    const l = ix.data.iot.logging;
    return reply(ctx, { roleArn: l.roleArn, defaultLogLevel: l.defaultLogLevel, disableAllLogs: l.disableAllLogs });
  },

  DescribeEndpoint(ctx) {
    const type = ctx.query.get("endpointType") ?? "iot:Data";
    const endpoints = ctx.index.data.iot.endpoints as unknown as Record<string, string>;
    const address = Object.hasOwn(endpoints, type) ? endpoints[type] : undefined;
    if (!address) throw invalid(`Endpoint type ${type} is not valid.`);
    return reply(ctx, { endpointAddress: address });
  },

  ListTagsForResource(ctx) {
    const arn = ctx.query.get("resourceArn");
    if (!arn) throw invalid("1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null");
    const tags = ctx.index.iotTagsByArn.get(arn);
    if (!tags) throw notFound(`The resource ${arn} does not exist.`);
    const list = tagList(tags);
    const page = tokenPage(ctx, arn, list.length, (i) => list[i]);
    return reply(ctx, { tags: page.items, nextToken: page.nextToken });
  },
};

const route = compileRoutes(ROUTES);

export const iotService: ServiceDefinition = {
  id: "iot",
  signingNames: ["iot", "execute-api"],
  meta: { protocol: "restJson" },
  errors: REST_JSON_ERRORS,
  resolve: (call) => route(call.method, call.rawPath),
  handlers,
};

/** Used by tests: the operations this service answers. */
export const IOT_OPERATIONS = ROUTES.map(([, , op]) => op);
