/**
 * Indexes a scan's relations by type and source ("from <type> to"), each list of targets sorted and
 * without repeats, so that the mapping step reads them in the same order whatever the input's order.
 * Rows that are not relations (missing or non-string fields) are skipped and counted.
 */
import type { ScanRelation } from "@/lib/mapping/map-scan/map-scan-types";

export interface RelationIndex {
  /** Targets of `type` relations from `fromArn`, sorted (empty when none). */
  targetsOf(type: string, fromArn: string): readonly string[];
  /** Sources of `type` relations to `toArn`, sorted (empty when none). */
  sourcesOf(type: string, toArn: string): readonly string[];
  skipped: number;
}

const EMPTY: readonly string[] = Object.freeze([]);

export function indexScanRelations(relations: readonly ScanRelation[]): RelationIndex {
  // Per type, per ARN; lists sorted and deduplicated on first read.
  const forward = new Map<string, Map<string, string[]>>();
  const backward = new Map<string, Map<string, string[]>>();
  const settled = new WeakSet<string[]>();
  let skipped = 0;
  const add = (index: Map<string, Map<string, string[]>>, type: string, key: string, value: string) => {
    let byKey = index.get(type);
    if (!byKey) index.set(type, (byKey = new Map()));
    const list = byKey.get(key);
    if (list) list.push(value);
    else byKey.set(key, [value]);
  };
  for (const relation of Array.isArray(relations) ? relations : []) {
    const { fromArn, toArn, type } = (relation ?? {}) as Partial<ScanRelation>;
    if (typeof fromArn !== "string" || typeof toArn !== "string" || typeof type !== "string") {
      skipped += 1;
      continue;
    }
    add(forward, type, fromArn, toArn);
    add(backward, type, toArn, fromArn);
  }
  const read = (index: Map<string, Map<string, string[]>>, type: string, key: string): readonly string[] => {
    const byKey = index.get(type);
    const list = byKey?.get(key);
    if (!byKey || !list) return EMPTY;
    if (list.length < 2 || settled.has(list)) return list;
    const sorted = [...new Set(list)].sort();
    byKey.set(key, sorted);
    settled.add(sorted);
    return sorted;
  };
  return {
    targetsOf: (type, fromArn) => read(forward, type, fromArn),
    sourcesOf: (type, toArn) => read(backward, type, toArn),
    skipped,
  };
}
