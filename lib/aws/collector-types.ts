/**
 * The contract between the scan engine (lib/inventory) and the collectors (lib/aws/collectors).
 *
 * A collector reads one kind of AWS resource (or a small family that is listed together) in one
 * region, page by page. After each page it calls `ctx.emit` with the resources and relations it
 * found and the cursor of the next page; the engine stores the batch and the cursor in one
 * transaction, so a scan killed at any point resumes from `ctx.resumeCursor` without reading a
 * finished page again.
 */
import type { AwsClientFactory } from "@/lib/aws/client-types";

/** Resource kinds use the CloudFormation type names, e.g. `AWS::IoT::Thing`. */
export type ResourceKind = string;

export type ScanMode = "summary" | "deep";

export interface ResourceRecord {
  /** The resource's ARN, or a synthetic ARN-shaped id where AWS has none (e.g. logging options). */
  arn: string;
  kind: ResourceKind;
  /** AWS region the resource lives in, or "global". */
  region: string;
  accountId: string;
  /** A human name (thing name, bucket name, rule name...). */
  name: string;
  tags: Record<string, string>;
  /** The API response(s) the record was built from, as returned (never secret values). */
  raw: Record<string, unknown>;
  /**
   * What could not be read about this resource: each secondary call (its tags, a Describe, a
   * per-resource list) that failed after its retries. The record holds what the list said and
   * what the other calls read. Absent when nothing is missing.
   */
  gaps?: ResourceGap[];
}

/** A part of a resource that was not read: `operation` failed with `code` after its retries. */
export interface ResourceGap {
  /** The API operation whose answer is missing, e.g. "ListTagsForResource". */
  operation: string;
  /** Why, as a classified code: "ServiceUnavailable", "OperationNotOffered", "AccessDenied"... */
  code: string;
}

/**
 * How many resources (or calls, for a call about no one resource) a collector found it could not
 * read with `operation`, because of `code`, since its previous batch. The engine adds these up on
 * the scan, in the same transaction as the batch, so each is counted once.
 */
export interface GapTally extends ResourceGap {
  count: number;
  /** What happened, for the scan's issue list (from the first failure). */
  message: string;
  /** One resource it happened to, as an example. */
  arn?: string;
}

export interface RelationRecord {
  fromArn: string;
  toArn: string;
  /** What the edge means, e.g. "has-type", "member-of", "child-of", "attached-to", "writes-to", "assumes-role". */
  type: string;
  /** The kind of the target when known from the reference, used to show dangling references. */
  toKind?: ResourceKind;
}

export interface EmitBatch {
  resources: ResourceRecord[];
  relations: RelationRecord[];
  /** Cursor for the next page, or null when this was the last page. Opaque to the engine. */
  nextCursor: string | null;
  /** Secondary calls that failed since the previous batch; absent when none did. */
  gaps?: GapTally[];
}

export type CollectorIssueSeverity = "warning" | "error";

export interface CollectorIssue {
  severity: CollectorIssueSeverity;
  /** Stable code, e.g. "AccessDenied", "MalformedPolicy", "Throttled", "RegionNotEnabled". */
  code: string;
  message: string;
  /** The API operation that failed, e.g. "ListThingPrincipals". */
  operation?: string;
  /** The resource the issue is about, if any. */
  arn?: string;
}

export interface CollectorContext {
  region: string;
  accountId: string;
  partition: string;
  mode: ScanMode;
  /** Deep scans may also read classic and named shadows when asked for. */
  includeShadows: boolean;
  clients: AwsClientFactory;
  /** Cursor stored after the last finished page, or null to start from the first page. */
  resumeCursor: string | null;
  emit(batch: EmitBatch): Promise<void>;
  /**
   * Stores relations of the page being read before the page is emitted, for a page whose relations
   * are too many to hold until then (a policy's targets across a fleet). Storing is idempotent, so
   * a page read again after a crash stores them again without duplicates.
   */
  storeRelations(relations: RelationRecord[]): Promise<void>;
  /**
   * ARNs that resources found earlier in this scan point at, for the given kind (e.g. the IAM roles
   * and KMS keys named by rule actions and functions). Only meaningful in phase 2 collectors.
   */
  referencedArns(kind: ResourceKind): Promise<string[]>;
  /** Record a problem that does not stop the collector (access denied on one call, a malformed document...). */
  report(issue: CollectorIssue): Promise<void>;
  signal: AbortSignal;
}

/** One API operation a collector calls, for the plan shown before a scan starts. */
export interface PlannedApi {
  /** Operation name as in the SDK, e.g. "ListThings". */
  operation: string;
  /** The IoT/other quota bucket name; defaults to the operation. */
  bucket?: string;
  /**
   * The quota service (SigV4 signing name) when it is not the collector's own `service`, e.g.
   * "iotdata" for the shadow calls of the things collector.
   */
  service?: string;
  /** How many calls: "pages" of the listed kind, "per-item" (one per resource of kind), or a fixed count. */
  calls:
    | { type: "pages"; of: ResourceKind; pageSize: number }
    | { type: "per-item"; of: ResourceKind; perItem?: number }
    | { type: "fixed"; count: number };
  /** Made only in deep mode. */
  deepOnly?: boolean;
  /** Made only when shadows are asked for. */
  shadowsOnly?: boolean;
}

/**
 * What a collector reads and calls, without its code: what a scan's plan, its checkpoints and the
 * read-only policy need. Each collector's plan is its own small file (collectors/<name>.plan.ts,
 * registered in lib/aws/collector-plans.ts), so planning and queueing a scan load no collector and
 * no AWS SDK client; the collector spreads its plan into its definition.
 */
export type CollectorPlan = Omit<CollectorDefinition, "run">;

export interface CollectorDefinition {
  /** Stable id, e.g. "iot.things". Used in checkpoints: never rename without a migration. */
  id: string;
  /** AWS service (SDK client family), e.g. "iot", "s3". */
  service: string;
  /** Kinds this collector produces. */
  kinds: ResourceKind[];
  /** "regional" collectors run once per region; "global" ones once per scan (their records carry their own region). */
  scope: "regional" | "global";
  apis: PlannedApi[];
  /**
   * Phase 1 collectors read the estate; phase 2 collectors run after every phase 1 collector of
   * the scan has finished, and read what phase 1 found references to (IAM roles, KMS keys).
   */
  phase: 1 | 2;
  run(ctx: CollectorContext): Promise<void>;
}
