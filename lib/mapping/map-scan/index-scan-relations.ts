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
  const forward = new Map<string, Map<string, Set<string>>>();
  const backward = new Map<string, Map<string, Set<string>>>();
  let skipped = 0;
  const add = (index: Map<string, Map<string, Set<string>>>, type: string, key: string, value: string) => {
    let byKey = index.get(type);
    if (!byKey) index.set(type, (byKey = new Map()));
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(value);
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
  const freeze = (index: Map<string, Map<string, Set<string>>>) => {
    const out = new Map<string, Map<string, readonly string[]>>();
    for (const [type, byKey] of index) {
      const sorted = new Map<string, readonly string[]>();
      for (const [key, set] of byKey) sorted.set(key, [...set].sort());
      out.set(type, sorted);
    }
    return out;
  };
  const f = freeze(forward);
  const b = freeze(backward);
  return {
    targetsOf: (type, fromArn) => f.get(type)?.get(fromArn) ?? EMPTY,
    sourcesOf: (type, toArn) => b.get(type)?.get(toArn) ?? EMPTY,
    skipped,
  };
}
