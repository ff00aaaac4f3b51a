/**
 * Indexes a scan's relations by type and source ("from <type> to"), each list of targets sorted and
 * without repeats, so that the mapping step reads them in the same order whatever the input's order.
 * Rows that are not relations (missing or non-string fields) are skipped and counted.
 *
 * The rows are only sorted by type up front; each type's index by source (or by target) is built the
 * first time it is read, and each list sorted the first time it is read (a list already sorted, the
 * common case, is kept as it is), so what the mapping never asks about costs nothing.
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
/** Lists up to this long are checked on every read (cheaper than remembering them). */
const SHORT = 16;

/** In code-unit order (the default sort's) without repeats. */
function isStrictlyIncreasing(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1]! < list[i]!)) return false;
  return true;
}

export function indexScanRelations(relations: readonly ScanRelation[]): RelationIndex {
  // Per type, the relation rows in input order; per type and direction, lists by ARN (sorted and
  // deduplicated on first read; the long ones, once settled, remembered so they are not checked again).
  const ofType = new Map<string, ScanRelation[]>();
  // A single ARN is held as it is until read (most lists have one, and most are never read).
  const forward = new Map<string, Map<string, string | string[]>>();
  const backward = new Map<string, Map<string, string | string[]>>();
  const settled = new Set<string[]>();
  let skipped = 0;
  for (const relation of Array.isArray(relations) ? relations : []) {
    const { fromArn, toArn, type } = (relation ?? {}) as Partial<ScanRelation>;
    if (typeof fromArn !== "string" || typeof toArn !== "string" || typeof type !== "string") {
      skipped += 1;
      continue;
    }
    const list = ofType.get(type);
    if (list) list.push(relation);
    else ofType.set(type, [relation]);
  }
  const build = (type: string, inverse: boolean): Map<string, string | string[]> => {
    const byKey = new Map<string, string | string[]>();
    for (const relation of ofType.get(type) ?? []) {
      const key = inverse ? relation.toArn : relation.fromArn;
      const value = inverse ? relation.fromArn : relation.toArn;
      const held = byKey.get(key);
      if (held === undefined) byKey.set(key, value);
      else if (typeof held === "string") byKey.set(key, [held, value]);
      else held.push(value);
    }
    return byKey;
  };
  const read = (index: Map<string, Map<string, string | string[]>>, inverse: boolean, type: string, key: string): readonly string[] => {
    let byKey = index.get(type);
    if (!byKey) {
      if (!ofType.has(type)) return EMPTY;
      index.set(type, (byKey = build(type, inverse)));
    }
    const held = byKey.get(key);
    if (held === undefined) return EMPTY;
    if (typeof held === "string") {
      // Made once: every read of the key gives the same list.
      const single = [held];
      byKey.set(key, single);
      return single;
    }
    const list = held;
    if (list.length <= SHORT ? isStrictlyIncreasing(list) : settled.has(list)) return list;
    const sorted = isStrictlyIncreasing(list) ? list : [...new Set(list)].sort();
    byKey.set(key, sorted);
    if (sorted.length > SHORT) settled.add(sorted);
    return sorted;
  };
  return {
    targetsOf: (type, fromArn) => read(forward, false, type, fromArn),
    sourcesOf: (type, toArn) => read(backward, true, type, toArn),
    skipped,
  };
}
