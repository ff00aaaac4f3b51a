/**
 * Compares two catalogue versions entry by entry: which entries (resource kinds, and IoT details as
 * `iot.<section>.<key>`) were added, removed, or changed, and for each change every field that
 * differs with its value before and after. A seed update uses it to show the architect what a
 * newer seed would change and to ask, instead of overwriting an edit.
 *
 * Lists of objects that carry an identity are matched by it, not by position: targets by name, gaps
 * and details by key, so a reordering is not reported as a change of every field; a target whose
 * rank moved shows as a change of its `rank`. Other lists (region ids) are compared as whole values.
 */
import { IOT_DETAIL_SECTIONS } from "@/lib/catalogue/catalogue-schema";
import type {
  Catalogue,
  CatalogueComparison,
  CatalogueEntryChange,
  CatalogueFieldChange,
} from "@/lib/catalogue/catalogue-types";

export function compareCatalogueVersions(older: Catalogue, newer: Catalogue): CatalogueComparison {
  const before = indexEntries(older);
  const after = indexEntries(newer);
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed: CatalogueEntryChange[] = [];
  for (const [id, oldValue] of before) {
    const newValue = after.get(id);
    if (newValue === undefined) continue;
    const changes: CatalogueFieldChange[] = [];
    diffValues(oldValue, newValue, "", changes);
    if (changes.length > 0) changed.push({ id, changes });
  }
  return {
    from: { version: older.version, date: older.date },
    to: { version: newer.version, date: newer.date },
    added,
    removed,
    changed,
  };
}

/**
 * Compares two versions of one entry (or any two catalogue values) field by field, with the same
 * rules as compareCatalogueVersions: an architect's edit against a newer seed's entry, a stored
 * entry against the seed. An empty list means the two are the same (key order does not matter).
 */
export function compareCatalogueEntries(before: unknown, after: unknown): CatalogueFieldChange[] {
  const changes: CatalogueFieldChange[] = [];
  diffValues(before, after, "", changes);
  return changes;
}

function indexEntries(catalogue: Catalogue): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const entry of catalogue.entries) index.set(entry.kind, entry);
  for (const section of IOT_DETAIL_SECTIONS) {
    for (const detail of catalogue.iot[section]) index.set(`iot.${section}.${detail.key}`, detail);
  }
  return index;
}

/** The field a list of objects is matched by, if every item carries it as a string. */
function identityOf(items: readonly unknown[]): "name" | "key" | null {
  for (const field of ["name", "key"] as const) {
    if (items.length > 0 && items.every((item) => isRecord(item) && typeof item[field] === "string")) return field;
  }
  return null;
}

function diffValues(before: unknown, after: unknown, path: string, out: CatalogueFieldChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const identity = identityOf(before.length > 0 ? before : after);
    if (identity && identityOf(after.length > 0 ? after : before) === identity) {
      diffKeyedLists(before as Record<string, unknown>[], after as Record<string, unknown>[], identity, path, out);
      return;
    }
    if (!sameValue(before, after)) out.push({ path: path || "(entry)", before, after });
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const field of fields) {
      const childPath = path ? `${path}.${field}` : field;
      if (!(field in after)) out.push({ path: childPath, before: before[field], after: undefined });
      else if (!(field in before)) out.push({ path: childPath, before: undefined, after: after[field] });
      else diffValues(before[field], after[field], childPath, out);
    }
    return;
  }
  if (!sameValue(before, after)) out.push({ path: path || "(entry)", before, after });
}

function diffKeyedLists(
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
  identity: "name" | "key",
  path: string,
  out: CatalogueFieldChange[],
): void {
  const oldItems = new Map(before.map((item) => [String(item[identity]), item]));
  const newItems = new Map(after.map((item) => [String(item[identity]), item]));
  for (const [id, oldItem] of oldItems) {
    const itemPath = `${path}[${id}]`;
    const newItem = newItems.get(id);
    if (newItem === undefined) out.push({ path: itemPath, before: oldItem, after: undefined });
    else diffValues(oldItem, newItem, itemPath, out);
  }
  for (const [id, newItem] of newItems) {
    if (!oldItems.has(id)) out.push({ path: `${path}[${id}]`, before: undefined, after: newItem });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}
