/**
 * Fits an AWS name to one kind of Alibaba IoT Platform name (the kind's rules in name-rules.ts). Pure and
 * deterministic: the same original and the same taken names always give the same result.
 *
 * 1. Characters: accepted ones are kept; a refused one is replaced by an accepted equivalent when its
 *    compatibility decomposition without accents is one (`Ａ` -> `A`, `é` -> `e`, `①` -> `1`), otherwise by
 *    `_`; a run of replacements (with the `_` beside it) becomes one `_`; replacements at either end are
 *    dropped. Lone surrogates and emoji are refused characters like any other.
 * 2. Nothing left: the name is generated, `<kind word>_<suffix of the original>`.
 * 3. Too short: padded with `_0`, `_00`... to the minimum (`abc` -> `abc_0`). Too long: cut at a code point (never inside a
 *    surrogate pair), a Chinese character counting two where the kind says so.
 * 4. Taken: `_<suffix>` is appended (the name cut to make room), the suffix derived from the original
 *    (hash-name-suffix.ts); a further attempt number only when that too is taken.
 */
import { hashNameSuffix, NAME_SUFFIX_LENGTH } from "@/lib/mapping/names/hash-name-suffix";
import type { NameRules } from "@/lib/mapping/names/name-rules";
import type { FitNameOptions, FitReason, FittedName } from "@/lib/mapping/names/name-types";

const UNDERSCORE = 0x5f;
const ZERO = 0x30;
/** Attempts at a unique suffix before giving up (each has a 1 in 2 billion chance of being taken). */
const MAX_ATTEMPTS = 1000;

interface Char {
  cp: number;
  /** A `_` put in place of refused characters (dropped at the ends). */
  produced: boolean;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function rewriteCharacters(rules: NameRules, original: string): { chars: Char[]; rewrote: boolean } {
  const chars: Char[] = [];
  let rewrote = false;
  const pushRefused = () => {
    rewrote = true;
    const last = chars.at(-1);
    if (last?.cp === UNDERSCORE) return;
    chars.push({ cp: UNDERSCORE, produced: true });
  };
  const pushAccepted = (cp: number) => {
    const last = chars.at(-1);
    if (cp === UNDERSCORE && last?.produced) {
      last.produced = false;
      return;
    }
    chars.push({ cp, produced: false });
  };
  for (const ch of original) {
    const cp = ch.codePointAt(0) ?? 0;
    if (rules.allows(cp)) {
      pushAccepted(cp);
      continue;
    }
    const equivalent = [...ch.normalize("NFKD").replace(/\p{M}/gu, "")].map((c) => c.codePointAt(0) ?? 0);
    if (equivalent.length > 0 && equivalent.every((c) => rules.allows(c))) {
      rewrote = true;
      for (const c of equivalent) pushAccepted(c);
    } else {
      pushRefused();
    }
  }
  while (chars[0]?.produced) chars.shift();
  while (chars.at(-1)?.produced) chars.pop();
  return { chars, rewrote };
}

function weigh(rules: NameRules, cps: readonly number[]): number {
  let total = 0;
  for (const cp of cps) total += rules.weight(cp);
  return total;
}

/** The longest prefix whose weight is at most `limit`. */
function cut(rules: NameRules, cps: readonly number[], limit: number): number[] {
  const kept: number[] = [];
  let total = 0;
  for (const cp of cps) {
    const w = rules.weight(cp);
    if (total + w > limit) break;
    kept.push(cp);
    total += w;
  }
  return kept;
}

function dropTrailingUnderscores(rules: NameRules, cps: number[], minimum: number): number[] {
  const out = [...cps];
  while (out.at(-1) === UNDERSCORE && weigh(rules, out.slice(0, -1)) >= minimum) out.pop();
  return out;
}

const text = (cps: readonly number[]) => String.fromCodePoint(...cps);

export function fitName(rules: NameRules, original: string, options: FitNameOptions = {}): FittedName {
  if (typeof original !== "string") {
    throw new TypeError(`A ${rules.kind} name must be a string, got ${describeValue(original)}`);
  }
  const isTaken = options.isTaken ?? (() => false);
  const reasons: FitReason[] = [];

  const { chars, rewrote } = rewriteCharacters(rules, original);
  if (rewrote) reasons.push("rewrote-characters");

  let cps = chars.map((c) => c.cp);
  const generated = cps.length === 0;
  if (generated) {
    reasons.push("generated");
    cps = [...`${rules.word}_${hashNameSuffix(original)}`].map((c) => c.codePointAt(0) ?? 0);
  } else if (weigh(rules, cps) < rules.minLength) {
    reasons.push("padded");
    if (cps.at(-1) !== UNDERSCORE) cps.push(UNDERSCORE);
    do cps.push(ZERO);
    while (weigh(rules, cps) < rules.minLength);
  } else if (weigh(rules, cps) > rules.maxLength) {
    reasons.push("truncated");
    cps = dropTrailingUnderscores(rules, cut(rules, cps, rules.maxLength), rules.minLength);
  }

  let name = text(cps);
  if (isTaken(name)) {
    reasons.push("deduplicated");
    const base = generated ? [...rules.word].map((c) => c.codePointAt(0) ?? 0) : cps;
    const stem = dropTrailingUnderscores(rules, cut(rules, base, rules.maxLength - NAME_SUFFIX_LENGTH - 1), 0);
    if (stem.length < base.length && !reasons.includes("truncated")) reasons.push("truncated");
    let found: string | undefined;
    for (let attempt = generated ? 1 : 0; attempt < MAX_ATTEMPTS && found === undefined; attempt++) {
      const candidate = `${text(stem)}_${hashNameSuffix(original, attempt)}`;
      if (!isTaken(candidate)) found = candidate;
    }
    if (found === undefined) {
      throw new Error(`No free ${rules.kind} name derived from "${original}" after ${MAX_ATTEMPTS} attempts`);
    }
    name = found;
  }
  return { name, original, changed: name !== original, reasons };
}
