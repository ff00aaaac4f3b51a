import type { CollectorContext, EmitBatch, RelationRecord, ResourceKind, ResourceRecord } from "@/lib/aws/collector-types";
import type { RelationType } from "@/lib/aws/relation-types";
import { gapLedgerOf, type GapLedger } from "@/lib/aws/gap-ledger";
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
 * Each resource gets the gaps its secondary calls left (gap-ledger.ts), and the batch the tallies
 * of the calls that failed since the previous batch.
 */
export class BatchBuilder {
  readonly resources: ResourceRecord[] = [];
  private readonly relations = new Map<string, RelationRecord>();
  private readonly gaps: GapLedger | undefined;

  constructor(private readonly ctx: Pick<CollectorContext, "region" | "accountId">) {
    this.gaps = gapLedgerOf(ctx);
  }

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
    const gaps = this.gaps?.take(input.arn);
    if (gaps) record.gaps = gaps;
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

  /** The relations alone, for a list stored as it is read (stream-relations.ts). */
  relationList(): RelationRecord[] {
    return [...this.relations.values()];
  }

  toBatch(nextCursor: string | null): EmitBatch {
    const batch: EmitBatch = { resources: [...this.resources], relations: this.relationList(), nextCursor };
    const tallies = this.gaps?.drainTallies() ?? [];
    if (tallies.length > 0) batch.gaps = tallies;
    return batch;
  }
}
