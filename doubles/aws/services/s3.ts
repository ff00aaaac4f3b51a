/**
 * Amazon S3 (restXml, signing name "s3"), path-style: ListBuckets and the bucket configuration
 * reads an inventory makes, with S3's own "not configured" error codes. A bucket call signed for
 * another region than the bucket's is answered with PermanentRedirect and x-amz-bucket-region,
 * as S3 does (turn off with strictS3Regions: false).
 */
import { arns } from "../arns";
import type { S3Bucket } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError, isoTime, xmlElement, xmlReply, xmlText, type Reply } from "../protocol";
import { sha256Hex } from "../sigv4";
import { S3_ERRORS } from "../service-errors";
import type { CallContext, IncomingCall, OperationHandler, ResolvedOperation, ServiceDefinition } from "../service-types";

const NS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Bucket sub-resources (query keys) of GET /bucket, and the operation each one is. */
const BUCKET_SUBRESOURCES: Record<string, string> = {
  location: "GetBucketLocation",
  versioning: "GetBucketVersioning",
  encryption: "GetBucketEncryption",
  publicAccessBlock: "GetPublicAccessBlock",
  replication: "GetBucketReplication",
  "object-lock": "GetObjectLockConfiguration",
  lifecycle: "GetBucketLifecycleConfiguration",
  tagging: "GetBucketTagging",
  policy: "GetBucketPolicy",
  // read operations the stand-in does not serve: answered as unknown operations
  acl: "GetBucketAcl",
  cors: "GetBucketCors",
  website: "GetBucketWebsite",
  logging: "GetBucketLogging",
  notification: "GetBucketNotificationConfiguration",
  ownershipControls: "GetBucketOwnershipControls",
  policyStatus: "GetBucketPolicyStatus",
  accelerate: "GetBucketAccelerateConfiguration",
  intelligentTiering: "ListBucketIntelligentTieringConfigurations",
  analytics: "ListBucketAnalyticsConfigurations",
  inventory: "ListBucketInventoryConfigurations",
  metrics: "ListBucketMetricsConfigurations",
  requestPayment: "GetBucketRequestPayment",
};

interface S3Target {
  bucket?: string;
  key?: string;
}

function target(call: IncomingCall): S3Target {
  // virtual-hosted style on a local name (bucket.localhost:4566, bucket.127.0.0.1:4566)
  const host = String(call.headers.host ?? call.headers[":authority"] ?? "");
  const vh = /^([a-z0-9][a-z0-9.-]*)\.(localhost|127\.0\.0\.1)(:\d+)?$/.exec(host);
  const path = call.rawPath.replace(/^\//, "");
  if (vh) return { bucket: vh[1], key: path ? decodeURIComponent(path) : undefined };
  if (!path) return {};
  const slash = path.indexOf("/");
  if (slash === -1) return { bucket: decodeURIComponent(path) };
  const key = path.slice(slash + 1);
  return { bucket: decodeURIComponent(path.slice(0, slash)), key: key ? decodeURIComponent(key) : undefined };
}

function resolve(call: IncomingCall): ResolvedOperation | null {
  const { bucket, key } = target(call);
  const labels: Record<string, string> = {};
  if (bucket) labels.Bucket = bucket;
  if (key) labels.Key = key;
  if (call.method === "GET" && !bucket) return { operation: "ListBuckets", labels };
  if (!bucket) return null;
  if (call.method === "HEAD") return { operation: key ? "HeadObject" : "HeadBucket", labels };
  if (call.method !== "GET") return null;
  if (key) return { operation: "GetObject", labels };
  for (const [sub, operation] of Object.entries(BUCKET_SUBRESOURCES)) if (call.query.has(sub)) return { operation, labels };
  if (call.query.get("list-type") === "2") return { operation: "ListObjectsV2", labels };
  return { operation: "ListObjects", labels };
}

function reply(ctx: CallContext, body: string, headers: Record<string, string> = {}): Reply {
  return xmlReply(ctx.requestId, body, { "x-amz-id-2": Buffer.from(ctx.requestId).toString("base64"), ...headers });
}

function root(name: string, ...children: Array<string | undefined | false>): string {
  return `<${name} xmlns="${NS}">${children.filter(Boolean).join("")}</${name}>`;
}

function s3Error(status: number, code: string, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): AwsError {
  return new AwsError(status, code, message, { xmlFields: fields, headers });
}

function canonicalOwnerId(accountId: string): string {
  return sha256Hex(`canonical-user/${accountId}`);
}

/** The bucket named in the path, checked against the region the request was signed for. */
function bucketFor(ctx: CallContext, checkRegion = true): S3Bucket {
  const name = ctx.labels.Bucket as string;
  const bucket = ctx.estateIndex.bucket(name);
  if (!bucket) throw s3Error(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: name });
  if (checkRegion && ctx.strictS3Regions && bucket.region !== ctx.region) {
    throw s3Error(
      301,
      "PermanentRedirect",
      "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
      { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
      { "x-amz-bucket-region": bucket.region },
    );
  }
  return bucket;
}

const notConfigured = (bucket: S3Bucket, code: string, message: string) => s3Error(404, code, message, { BucketName: bucket.name });

const handlers: Record<string, OperationHandler> = {
  ListBuckets(ctx) {
    const prefix = ctx.query.get("prefix") ?? "";
    const regionFilter = ctx.query.get("bucket-region");
    const rawMax = ctx.query.get("max-buckets");
    const max = rawMax === undefined ? 10_000 : Number(rawMax);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) throw s3Error(400, "InvalidArgument", "max-buckets must be an integer between 1 and 10000", { ArgumentName: "max-buckets", ArgumentValue: String(rawMax) });
    const listing = `ListBuckets|${prefix}|${regionFilter}`;
    const offset = decodeToken(listing, ctx.query.get("continuation-token"));
    if (offset === null) throw s3Error(400, "InvalidArgument", "The continuation token provided is incorrect", { ArgumentName: "continuation-token" });
    const all = ctx.estateIndex.bucketsSorted().filter((b) => b.name.startsWith(prefix) && (regionFilter === undefined || b.region === regionFilter));
    const page = slicePage(all, offset, max);
    const buckets = page.items
      .map((b) => xmlElement("Bucket", xmlText("Name", b.name), xmlText("CreationDate", isoTime(b.creationDate)), xmlText("BucketRegion", b.region), xmlText("BucketArn", arns.s3Bucket(b.name))))
      .join("");
    return reply(
      ctx,
      root(
        "ListAllMyBucketsResult",
        xmlElement("Owner", xmlText("ID", canonicalOwnerId(ctx.accountId))),
        xmlElement("Buckets", buckets),
        page.nextOffset !== undefined && xmlText("ContinuationToken", encodeToken(listing, page.nextOffset)),
        prefix !== "" && xmlText("Prefix", prefix),
      ),
    );
  },

  HeadBucket(ctx) {
    const bucket = bucketFor(ctx);
    return { status: 200, headers: { "x-amz-bucket-region": bucket.region, "x-amz-request-id": ctx.requestId }, body: "" };
  },

  GetBucketLocation(ctx) {
    // answered from any region, like S3 does: this is how clients find a bucket's region
    const bucket = bucketFor(ctx, false);
    const constraint = bucket.region === "us-east-1" ? "" : bucket.region;
    return reply(ctx, constraint ? `<LocationConstraint xmlns="${NS}">${constraint}</LocationConstraint>` : `<LocationConstraint xmlns="${NS}"/>`);
  },

  GetBucketVersioning(ctx) {
    const bucket = bucketFor(ctx);
    return reply(ctx, root("VersioningConfiguration", bucket.versioning && xmlText("Status", bucket.versioning), bucket.versioning && xmlText("MfaDelete", "Disabled")));
  },

  GetBucketEncryption(ctx) {
    const bucket = bucketFor(ctx);
    const e = bucket.encryption;
    if (!e) throw notConfigured(bucket, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found");
    return reply(
      ctx,
      root(
        "ServerSideEncryptionConfiguration",
        xmlElement(
          "Rule",
          xmlElement("ApplyServerSideEncryptionByDefault", xmlText("SSEAlgorithm", e.algorithm), xmlText("KMSMasterKeyID", e.kmsKeyArn)),
          xmlText("BucketKeyEnabled", e.bucketKeyEnabled),
        ),
      ),
    );
  },

  GetPublicAccessBlock(ctx) {
    const bucket = bucketFor(ctx);
    const p = bucket.publicAccessBlock;
    if (!p) throw notConfigured(bucket, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
    return reply(
      ctx,
      root(
        "PublicAccessBlockConfiguration",
        xmlText("BlockPublicAcls", p.blockPublicAcls),
        xmlText("IgnorePublicAcls", p.ignorePublicAcls),
        xmlText("BlockPublicPolicy", p.blockPublicPolicy),
        xmlText("RestrictPublicBuckets", p.restrictPublicBuckets),
      ),
    );
  },

  GetBucketReplication(ctx) {
    const bucket = bucketFor(ctx);
    const r = bucket.replication;
    if (!r) throw notConfigured(bucket, "ReplicationConfigurationNotFoundError", "The replication configuration was not found");
    const rules = r.rules
      .map((rule) =>
        xmlElement(
          "Rule",
          xmlText("ID", rule.id),
          xmlText("Priority", rule.priority),
          xmlElement("Filter", xmlText("Prefix", rule.prefix)),
          xmlText("Status", rule.status),
          xmlElement("Destination", xmlText("Bucket", rule.destinationBucketArn), xmlText("StorageClass", rule.storageClass)),
          xmlElement("DeleteMarkerReplication", xmlText("Status", "Disabled")),
        ),
      )
      .join("");
    return reply(ctx, root("ReplicationConfiguration", xmlText("Role", r.roleArn), rules));
  },

  GetObjectLockConfiguration(ctx) {
    const bucket = bucketFor(ctx);
    const l = bucket.objectLock;
    if (!l) throw notConfigured(bucket, "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket");
    return reply(
      ctx,
      root("ObjectLockConfiguration", xmlText("ObjectLockEnabled", "Enabled"), xmlElement("Rule", xmlElement("DefaultRetention", xmlText("Mode", l.mode), xmlText("Days", l.days)))),
    );
  },

  GetBucketLifecycleConfiguration(ctx) {
    const bucket = bucketFor(ctx);
    if (bucket.lifecycleRules.length === 0) throw notConfigured(bucket, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
    const rules = bucket.lifecycleRules
      .map((rule) =>
        xmlElement(
          "Rule",
          xmlText("ID", rule.id),
          xmlElement("Filter", xmlText("Prefix", rule.prefix)),
          xmlText("Status", rule.status),
          ...rule.transitions.map((t) => xmlElement("Transition", xmlText("Days", t.days), xmlText("StorageClass", t.storageClass))),
          rule.expirationDays !== undefined && xmlElement("Expiration", xmlText("Days", rule.expirationDays)),
        ),
      )
      .join("");
    return reply(ctx, root("LifecycleConfiguration", rules), { "x-amz-transition-default-minimum-object-size": "all_storage_classes_128K" });
  },

  GetBucketTagging(ctx) {
    const bucket = bucketFor(ctx);
    const entries = Object.entries(bucket.tags);
    if (entries.length === 0) throw notConfigured(bucket, "NoSuchTagSet", "The TagSet does not exist");
    return reply(ctx, root("Tagging", xmlElement("TagSet", ...entries.map(([k, v]) => xmlElement("Tag", xmlText("Key", k), xmlText("Value", v))))));
  },

  GetBucketPolicy(ctx) {
    const bucket = bucketFor(ctx);
    throw notConfigured(bucket, "NoSuchBucketPolicy", "The bucket policy does not exist");
  },

  ListObjectsV2(ctx) {
    const bucket = bucketFor(ctx);
    return reply(ctx, root("ListBucketResult", xmlText("Name", bucket.name), xmlText("Prefix", ctx.query.get("prefix") ?? ""), xmlText("KeyCount", 0), xmlText("MaxKeys", 1000), xmlText("IsTruncated", false)));
  },

  ListObjects(ctx) {
    const bucket = bucketFor(ctx);
    return reply(ctx, root("ListBucketResult", xmlText("Name", bucket.name), xmlText("Prefix", ctx.query.get("prefix") ?? ""), xmlText("Marker", ""), xmlText("MaxKeys", 1000), xmlText("IsTruncated", false)));
  },

  GetObject(ctx) {
    bucketFor(ctx);
    throw s3Error(404, "NoSuchKey", "The specified key does not exist.", { Key: ctx.labels.Key as string });
  },

  HeadObject(ctx) {
    bucketFor(ctx);
    throw s3Error(404, "NotFound", "Not Found");
  },
};

export const s3Service: ServiceDefinition = {
  id: "s3",
  signingNames: ["s3"],
  meta: { protocol: "restXml", xmlNamespace: NS },
  errors: S3_ERRORS,
  resolve,
  handlers,
};
