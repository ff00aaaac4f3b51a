/**
 * Updates the name map of one scope (the products of an instance, the devices of one product, the groups or
 * the rules of an instance) for a new run of the mapping. Pure: plain data in, plain data out; the caller
 * loads and stores it.
 *
 * - An original that was mapped keeps its name (`kept`), one that had disappeared and came back gets its old
 *   name again (`restored`): the same thing always gets the same name.
 * - New originals get fitted names that collide with no name of the map (kept, restored or retired) and no
 *   `reserved` name. Which one of two colliding new originals keeps the plain name does not depend on the
 *   order of the input: originals that are valid as they are come first, then the rest in code-unit order.
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

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const fold = (name: string) => name.toLowerCase();

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function readPairs(value: unknown, at: string, errors: NameMapError[]): NamePair[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push({ at, code: "malformed-pair", message: `${at} must be a list of {original, name}, got ${describeValue(value)}` });
    return [];
  }
  const pairs: NamePair[] = [];
  value.forEach((item: unknown, i) => {
    const original = (item as { original?: unknown } | null)?.original;
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof original === "string" && typeof name === "string") pairs.push({ original, name });
    else errors.push({ at: `${at}[${i}]`, code: "malformed-pair", message: `${at}[${i}] must hold a string original and a string name` });
  });
  return pairs;
}

export function updateNameMap(input: UpdateNameMapInput): NameMapUpdate {
  const { kind } = input;
  const rules = NAME_RULES[kind];
  const errors: NameMapError[] = [];

  const current = new Set<string>();
  input.originals.forEach((value, i) => {
    if (typeof value === "string") current.add(value);
    else errors.push({ at: `originals[${i}]`, code: "not-a-string", message: `originals[${i}] must be a string, got ${describeValue(value)}` });
  });

  const claimed = new Set<string>();
  const claim = (name: string) => claimed.add(fold(name));
  const isTaken = (name: string) => claimed.has(fold(name));

  // Previous pairs, active before retired, each in code-unit order of the original: this order decides who
  // keeps a name that two originals share.
  const seen = new Set<string>();
  const held = new Map<string, { name: string; wasActive: boolean }>();
  const refit = new Map<string, { problem: NonNullable<NameMapEntry["problem"]>; previousName: string }>();
  for (const tier of ["active", "retired"] as const) {
    const pairs = readPairs(input.previous?.[tier], `previous.${tier}`, errors).sort((a, b) => byCodeUnits(a.original, b.original));
    for (const pair of pairs) {
      const at = `previous.${tier}: ${JSON.stringify(pair.original)}`;
      if (seen.has(pair.original)) {
        errors.push({ at, code: "duplicate-original", message: `${at} is mapped more than once; the first mapping is kept` });
        continue;
      }
      seen.add(pair.original);
      const isCurrent = current.has(pair.original);
      const problem = !validateName(kind, pair.name).valid
        ? "previous-name-invalid"
        : isTaken(pair.name)
          ? "previous-name-duplicated"
          : null;
      if (problem === null) {
        claim(pair.name);
        held.set(pair.original, { name: pair.name, wasActive: tier === "active" });
      } else if (isCurrent) {
        refit.set(pair.original, { problem, previousName: pair.name });
      } else if (problem === "previous-name-invalid") {
        errors.push({ at, code: "invalid-previous-name", message: `${at}: ${JSON.stringify(pair.name)} is not a valid ${kind} name; it is dropped` });
      } else {
        errors.push({ at, code: "duplicate-name", message: `${at}: ${JSON.stringify(pair.name)} is held by another original; it is dropped` });
      }
    }
  }
  for (const name of input.reserved ?? []) if (typeof name === "string") claim(name);

  const entries: NameMapEntry[] = [];
  for (const original of current) {
    const kept = held.get(original);
    if (!kept) continue;
    // The reasons are those of fitting the original afresh; a kept name that differs from that was made unique.
    const fresh = fitName(rules, original);
    const reasons: FitReason[] =
      fresh.name === kept.name || fresh.reasons.includes("deduplicated") ? fresh.reasons : [...fresh.reasons, "deduplicated"];
    entries.push({
      name: kept.name,
      original,
      changed: kept.name !== original,
      reasons: kept.name === original ? [] : reasons,
      status: kept.wasActive ? "kept" : "restored",
    });
  }

  const toFit = [...current]
    .filter((original) => !held.has(original))
    .map((original) => ({ original, asIs: fitName(rules, original).name === original }))
    .sort((a, b) => (a.asIs === b.asIs ? byCodeUnits(a.original, b.original) : a.asIs ? -1 : 1));
  for (const { original } of toFit) {
    const fitted = fitName(rules, original, { isTaken });
    claim(fitted.name);
    const previous = refit.get(original);
    entries.push(previous ? { ...fitted, status: "refitted", ...previous } : { ...fitted, status: "added" });
  }
  entries.sort((a, b) => byCodeUnits(a.original, b.original));

  const removed: NamePair[] = [];
  const retired: NamePair[] = [];
  for (const [original, { name, wasActive }] of held) {
    if (current.has(original)) continue;
    retired.push({ original, name });
    if (wasActive) removed.push({ original, name });
  }
  retired.sort((a, b) => byCodeUnits(a.original, b.original));
  removed.sort((a, b) => byCodeUnits(a.original, b.original));

  return {
    state: { kind, active: entries.map(({ original, name }) => ({ original, name })), retired },
    entries,
    removed,
    errors,
  };
}
