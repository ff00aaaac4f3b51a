/**
 * Updates the name map of one scope (the products of an instance, the devices of one product, the groups or
 * the rules of an instance) for a new run of the mapping. Pure: plain data in, plain data out; the caller
 * loads and stores it.
 *
 * - An original that was mapped keeps its name (`kept`), one that had disappeared and came back gets its old
 *   name again (`restored`): the same thing always gets the same name.
 * - New originals get fitted names that collide with no name of the map (kept, restored or retired) and no
 *   `reserved` name. Which one of two colliding new originals keeps the plain name does not depend on the
 *   order of the input: originals that are valid as they are come first, then the rest, each in code-unit
 *   order.
 * - Originals of the previous map that are not in this run are reported in `removed`; their names stay
 *   reserved in `retired` (the resource may still exist on Alibaba), so no other original takes them.
 * - A previous name that is no longer valid, or that two originals share, is fitted again (`refitted`).
 * - Names collide when they differ only in letter case (whether Alibaba ignores case is not documented).
 * - Malformed items (an original that is not a string, a pair without both strings) are reported one by one
 *   in `errors`; everything else is mapped.
 */
import { fitName } from "@/lib/mapping/names/fit-name";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import type {
  FitReason,
  FittedName,
  NameKind,
  NameMapEntry,
  NameMapError,
  NameMapUpdate,
  NamePair,
} from "@/lib/mapping/names/name-types";
import { validateName } from "@/lib/mapping/names/validate-name";

export interface UpdateNameMapInput {
  kind: NameKind;
  /** The map stored by the previous run (null or absent on the first run). Read defensively: it is stored data. */
  previous?: { active?: unknown; retired?: unknown } | null;
  /** The originals of this run (AWS names). */
  originals: readonly unknown[];
  /** Names already used in the scope by something the map does not hold; new names avoid them. */
  reserved?: readonly string[];
}

const REASONS = new Set<string>(["rewrote-characters", "generated", "padded", "truncated", "deduplicated"] satisfies FitReason[]);
const fold = (name: string) => name.toLowerCase();
const byOriginal = (a: NamePair, b: NamePair) => (a.original < b.original ? -1 : a.original > b.original ? 1 : 0);

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function readReasons(value: unknown): FitReason[] | undefined {
  if (!Array.isArray(value) || !value.every((r) => typeof r === "string" && REASONS.has(r))) return undefined;
  return value as FitReason[];
}

/** The pairs of one tier of the previous map, in input order; malformed items reported. */
function readPairs(value: unknown, at: string, errors: NameMapError[]): NamePair[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push({ at, code: "malformed-pair", message: `${at} must be a list of {original, name}, got ${describeValue(value)}` });
    return [];
  }
  const pairs: NamePair[] = [];
  value.forEach((item: unknown, i) => {
    const { original, name, reasons } = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof original === "string" && typeof name === "string") pairs.push({ original, name, reasons: readReasons(reasons) });
    else errors.push({ at: `${at}[${i}]`, code: "malformed-pair", message: `${at}[${i}] must hold a string original and a string name` });
  });
  return pairs;
}

interface Held {
  name: string;
  wasActive: boolean;
  reasons?: FitReason[];
}

export function updateNameMap(input: UpdateNameMapInput): NameMapUpdate {
  const { kind } = input;
  const known = Object.hasOwn(NAME_RULES, kind) ? NAME_RULES[kind] : undefined;
  if (!known) throw new TypeError(`Unknown kind of name: ${JSON.stringify(kind)}`);
  const rules = known;
  const errors: NameMapError[] = [];

  const current = new Set<string>();
  const originals: readonly unknown[] = Array.isArray(input.originals) ? input.originals : [];
  if (!Array.isArray(input.originals)) {
    errors.push({ at: "originals", code: "not-a-list", message: `originals must be a list, got ${describeValue(input.originals)}` });
  }
  for (let i = 0; i < originals.length; i++) {
    const value = originals[i];
    if (typeof value === "string") current.add(value);
    else errors.push({ at: `originals[${i}]`, code: "not-a-string", message: `originals[${i}] must be a string, got ${describeValue(value)}` });
  }
  // This run's originals in code-unit order (the default sort), sorted once for all that follows.
  const sortedCurrent = [...current].sort();

  const claimed = new Set<string>();
  const claim = (name: string) => claimed.add(fold(name));
  const isTaken = (name: string) => claimed.has(fold(name));

  // Previous pairs, active before retired, each in code-unit order of the original (the default sort): this
  // order decides who keeps a name that two originals share.
  const seen = new Set<string>();
  const held = new Map<string, Held>();
  const refit = new Map<string, { problem: NonNullable<NameMapEntry["problem"]>; previousName: string }>();
  for (const tier of ["active", "retired"] as const) {
    const pairOf = new Map<string, NamePair>();
    for (const pair of readPairs(input.previous?.[tier], `previous.${tier}`, errors)) {
      if (seen.has(pair.original)) {
        const at = `previous.${tier}: ${JSON.stringify(pair.original)}`;
        errors.push({ at, code: "duplicate-original", message: `${at} is mapped more than once; the first mapping is kept` });
        continue;
      }
      seen.add(pair.original);
      pairOf.set(pair.original, pair);
    }
    for (const original of [...pairOf.keys()].sort()) {
      const { name, reasons } = pairOf.get(original) as NamePair;
      const problem = !validateName(kind, name).valid ? "previous-name-invalid" : isTaken(name) ? "previous-name-duplicated" : null;
      if (problem === null) {
        claim(name);
        held.set(original, { name, wasActive: tier === "active", reasons });
        continue;
      }
      if (current.has(original)) {
        refit.set(original, { problem, previousName: name });
        continue;
      }
      const at = `previous.${tier}: ${JSON.stringify(original)}`;
      if (problem === "previous-name-invalid") {
        errors.push({ at, code: "invalid-previous-name", message: `${at}: ${JSON.stringify(name)} is not a valid ${kind} name; it is dropped` });
      } else {
        errors.push({ at, code: "duplicate-name", message: `${at}: ${JSON.stringify(name)} is held by another original; it is dropped` });
      }
    }
  }
  for (const name of input.reserved ?? []) if (typeof name === "string") claim(name);

  const entryOf = new Map<string, NameMapEntry>();
  // The new originals fitted alone (each result's original says whose), valid as they are or not.
  const asIs: FittedName[] = [];
  const others: FittedName[] = [];
  // In code-unit order, so that both lists below come out sorted.
  for (const original of sortedCurrent) {
    const kept = held.get(original);
    if (kept) {
      entryOf.set(original, {
        name: kept.name,
        original,
        changed: kept.name !== original,
        reasons: kept.name === original ? [] : (kept.reasons ?? reasonsOf(original, kept.name)),
        status: kept.wasActive ? "kept" : "restored",
      });
      continue;
    }
    const fitted = fitName(rules, original);
    (fitted.name === original ? asIs : others).push(fitted);
  }
  function reasonsOf(original: string, name: string): FitReason[] {
    // Fitted afresh; a kept name that differs from that one was made unique.
    const fresh = fitName(rules, original);
    return fresh.name === name || fresh.reasons.includes("deduplicated") ? fresh.reasons : [...fresh.reasons, "deduplicated"];
  }

  // New originals valid as they are first, then the others, each in code-unit order.
  for (const fittedAlone of asIs.length === 0 ? others : others.length === 0 ? asIs : asIs.concat(others)) {
    const original = fittedAlone.original;
    // Fitted again only when the name fitted alone is taken: the same result as fitting with isTaken at once.
    let fitted = fittedAlone;
    if (isTaken(fittedAlone.name)) {
      try {
        fitted = fitName(rules, original, { isTaken });
      } catch (err) {
        const at = `originals: ${JSON.stringify(original)}`;
        errors.push({ at, code: "no-free-name", message: `${at}: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
    }
    claim(fitted.name);
    const previous = refit.get(original);
    entryOf.set(
      original,
      previous
        ? { ...fitted, status: "refitted", ...previous }
        : { name: fitted.name, original: fitted.original, changed: fitted.changed, reasons: fitted.reasons, status: "added" },
    );
  }

  const entries: NameMapEntry[] = [];
  const active: NamePair[] = [];
  for (const original of sortedCurrent) {
    const entry = entryOf.get(original);
    if (!entry) continue;
    entries.push(entry);
    active.push(entry.reasons.length > 0 ? { original, name: entry.name, reasons: entry.reasons } : { original, name: entry.name });
  }

  const removed: NamePair[] = [];
  const retired: NamePair[] = [];
  for (const [original, { name, wasActive, reasons }] of held) {
    if (current.has(original)) continue;
    retired.push(reasons && reasons.length > 0 ? { original, name, reasons } : { original, name });
    if (wasActive) removed.push({ original, name });
  }
  retired.sort(byOriginal);
  removed.sort(byOriginal);

  return { state: { kind, active, retired }, entries, removed, errors };
}
