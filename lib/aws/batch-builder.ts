import type { CollectorContext, EmitBatch, RelationRecord, ResourceKind, ResourceRecord } from "@/lib/aws/collector-types";
import type { RelationType } from "@/lib/aws/relation-types";
import { capString, rawRecord } from "@/lib/aws/to-raw";
import type { CollectedKind, RawInput } from "@/lib/inventory/raw/raw-schema-registry";

export interface ResourceInput<K extends CollectedKind = CollectedKind> {
  kind: K;
  arn: string;
  name: string;
  /** Defaults to the collector's region. */
  region?: string;
  /** Defaults to the scanned account. */
  accountId?: string;
  tags?: Record<string, string>;
  /**
   * Named API responses, typed by the kind's schema of stored raw data
   * (lib/inventory/raw/raw-schema-registry.ts, what later stages read back); made storage-safe by
   * rawRecord().
   */
  raw: RawInput<K>;
}

/**
 * Collects one page's resources and relations. Relations are de-duplicated, and a relation whose
 * target is unknown (an action without a table name...) is dropped rather than pointing nowhere.
 */
export class BatchBuilder {
  readonly resources: ResourceRecord[] = [];
  private readonly relations = new Map<string, RelationRecord>();

  constructor(private readonly ctx: Pick<CollectorContext, "region" | "accountId">) {}

  add<K extends CollectedKind>(input: ResourceInput<K>): ResourceRecord {
    const record: ResourceRecord = {
      arn: capString(input.arn),
      kind: input.kind,
      region: input.region ?? this.ctx.region,
      accountId: input.accountId ?? this.ctx.accountId,
      name: capString(input.name),
      tags: input.tags ?? {},
      raw: rawRecord(input.raw),
    };
    this.resources.push(record);
    return record;
  }

  /** "from <type> to"; `toKind` says what the target is, so a missing target shows as dangling. */
  relate(fromArn: string | undefined, toArn: string | undefined, type: RelationType, toKind: ResourceKind): void {
    if (!fromArn || !toArn) return;
    const relation: RelationRecord = { fromArn: capString(fromArn), toArn: capString(toArn), type, toKind };
    this.relations.set(`${relation.fromArn}\n${relation.toArn}\n${type}`, relation);
  }

  get relationCount(): number {
    return this.relations.size;
  }

  toBatch(nextCursor: string | null): EmitBatch {
    return { resources: [...this.resources], relations: [...this.relations.values()], nextCursor };
  }
}
