/**
 * Fits an AWS name to one kind of Alibaba IoT Platform name (the kind's rules in name-rules.ts). Pure and
 * deterministic: the same original and the same taken names always give the same result.
 *
 * 1. Characters: the name is first brought to its compatibility composition (NFKC: full-width `Ａ` -> `A`,
 *    half-width `ﾃﾞ` -> `デ`). Accepted characters are kept; a refused one is replaced by an accepted
 *    equivalent when its decomposition without accents is one (`é` -> `e`), otherwise by `_`; a run of
 *    replacements (with the `_` beside it) becomes one `_`; replacements at either end are dropped. Lone
 *    surrogates and emoji are refused characters like any other.
 * 2. Nothing left: the name is generated, `<kind word>_<suffix of the original>`.
 * 3. Too short: padded with `_0`, `_00`... to the minimum (`abc` -> `abc_0`). Too long: its start and its end
 *    are kept, joined by `_` (see shorten), cut at code points (never inside a surrogate pair), a Chinese
 *    character counting two where the kind says so.
 * 4. Taken: `_<suffix>` is appended (the name cut to make room), the suffix derived from the original
 *    (hash-name-suffix.ts); a further attempt number only when that too is taken.
 */
import { hashNameSuffix, NAME_SUFFIX_LENGTH } from "@/lib/mapping/names/hash-name-suffix";
import type { NameRules } from "@/lib/mapping/names/name-rules";
import type { FitNameOptions, FitReason, FittedName } from "@/lib/mapping/names/name-types";

const UNDERSCORE = 0x5f;
const ZERO = 0x30;
/** Attempts at a unique suffix before giving up (each has a 1 in 2 billion chance of being taken by chance). */
export const MAX_NAME_ATTEMPTS = 1000;
const REASON_ORDER: readonly FitReason[] = ["rewrote-characters", "generated", "padded", "truncated", "deduplicated"];

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/**
 * Per rules object, what is worked out once: whether each ASCII code point is accepted (0/1), and the
 * equivalents of refused code points already met (both depend on the code point alone).
 */
interface RulesMemo {
  ascii: Uint8Array;
  /** Accepted and counting one: a name of these only is fitted as it is when its length is accepted. */
  plain: Uint8Array;
  equivalents: Map<number, readonly number[] | null>;
}
const memos = new WeakMap<NameRules, RulesMemo>();
function memoOf(rules: NameRules): RulesMemo {
  let memo = memos.get(rules);
  if (!memo) {
    const ascii = new Uint8Array(0x80);
    const plain = new Uint8Array(0x80);
    for (let cp = 0; cp < 0x80; cp++) {
      ascii[cp] = rules.allows(cp) ? 1 : 0;
      plain[cp] = ascii[cp] === 1 && rules.weight(cp) === 1 ? 1 : 0;
    }
    memos.set(rules, (memo = { ascii, plain, equivalents: new Map() }));
  }
  return memo;
}

/** equivalentOf, remembered per code point (the result is shared: never changed by the caller). */
function cachedEquivalentOf(rules: NameRules, memo: RulesMemo, cp: number): readonly number[] | null {
  let equivalent = memo.equivalents.get(cp);
  if (equivalent === undefined) memo.equivalents.set(cp, (equivalent = equivalentOf(rules, cp)));
  return equivalent;
}

/** The accepted code points a refused one stands for once its accents are dropped (`é` -> `e`), or null. */
function equivalentOf(rules: NameRules, cp: number): number[] | null {
  const decomposed = String.fromCodePoint(cp).normalize("NFKD").replace(/\p{M}/gu, "");
  const out: number[] = [];
  for (const ch of decomposed) {
    const c = ch.codePointAt(0) ?? 0;
    if (!rules.allows(c)) return null;
    out.push(c);
  }
  return out.length > 0 ? out : null;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether every code unit is an ASCII code point the rules accept and count as one. */
function isAcceptedAscii(memo: RulesMemo, s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || memo.plain[c] !== 1) return false;
  }
  return true;
}

/**
 * rewriteCharacters for a name that is ASCII and changes, as text: null when it is not ASCII, needs no
 * rewriting, or has a character that counts two or stands for another (then the general path decides).
 */
function rewriteAsciiCharacters(rules: NameRules, original: string): string | null {
  const memo = memoOf(rules);
  // The `_` put in place of refused characters must count one too.
  if (rules.weight(UNDERSCORE) !== 1) return null;
  let out = "";
  let last = -1;
  let rewrote = false;
  let lastProduced = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x80) return null;
    if (memo.ascii[c] === 1) {
      if (memo.plain[c] !== 1) return null;
      if (!(c === UNDERSCORE && lastProduced)) {
        out += original[i];
        last = c;
      }
      lastProduced = false;
      continue;
    }
    rewrote = true;
    if (cachedEquivalentOf(rules, memo, c) !== null) return null;
    if (out.length > 0 && last !== UNDERSCORE) {
      out += "_";
      last = UNDERSCORE;
      lastProduced = true;
    }
  }
  if (!rewrote) return null;
  return lastProduced ? out.slice(0, -1) : out;
}

function rewriteCharacters(rules: NameRules, original: string): { cps: number[]; rewrote: boolean } {
  const memo = memoOf(rules);
  const cps: number[] = [];
  let rewrote = false;
  // Whether the last code point is a `_` put in place of refused characters (dropped at the end; at the
  // start none is put).
  let lastProduced = false;
  // Compatibility forms first, over the whole name so that marks compose with their letter (`ﾃﾞ` -> `デ`).
  // (ASCII is its own normal form: the common case skips the work.)
  const normalised = isAscii(original) ? original : original.normalize("NFKC");
  if (normalised !== original) rewrote = true;
  for (let i = 0; i < normalised.length; i++) {
    let cp = normalised.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < normalised.length) {
      const low = normalised.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80 ? memo.ascii[cp] === 1 : rules.allows(cp)) {
      // An accepted `_` right after a `_` put in place of refused characters takes its place.
      if (!(cp === UNDERSCORE && lastProduced)) cps.push(cp);
      lastProduced = false;
      continue;
    }
    rewrote = true;
    const equivalent = cachedEquivalentOf(rules, memo, cp);
    if (equivalent) {
      for (const c of equivalent) {
        if (!(c === UNDERSCORE && lastProduced)) cps.push(c);
        lastProduced = false;
      }
    } else if (cps.length > 0 && cps[cps.length - 1] !== UNDERSCORE) {
      cps.push(UNDERSCORE);
      lastProduced = true;
    }
  }
  if (lastProduced) cps.pop();
  return { cps, rewrote };
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

/**
 * Shortens a name to `limit` by keeping its start and its end, joined by `_`: AWS names tend to share a
 * prefix and differ at the end (`factory-7:sensor-temperature-0042`), so the end is what tells them apart.
 * Two thirds of the room go to the start. Falls back to the plain prefix when too little would remain.
 */
function shorten(rules: NameRules, cps: readonly number[], limit: number, minimum: number): number[] {
  if (weigh(rules, cps) <= limit) return [...cps];
  const room = limit - 1;
  const tailRoom = Math.floor(room / 3);
  const head = cut(rules, cps, room - tailRoom);
  const tail = cut(rules, [...cps].reverse(), tailRoom).reverse();
  while (head.at(-1) === UNDERSCORE) head.pop();
  while (tail[0] === UNDERSCORE) tail.shift();
  const joined = [...head, UNDERSCORE, ...tail];
  if (head.length > 0 && tail.length > 0 && weigh(rules, joined) >= minimum) return joined;
  return dropTrailingUnderscores(rules, cut(rules, cps, limit), minimum);
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
  // The common case: an ASCII name of accepted characters and of an accepted length (an ASCII code
  // point counts one) is its own fitted name; the steps below would leave it as it is.
  if (original.length >= rules.minLength && original.length <= rules.maxLength && original.length > 0 && isAcceptedAscii(memoOf(rules), original)) {
    if (!isTaken(original)) return { name: original, original, changed: false, reasons: [] };
  }
  // Next most common: an ASCII name with refused characters that, rewritten, has an accepted length.
  const ascii = rewriteAsciiCharacters(rules, original);
  if (ascii !== null && ascii.length >= rules.minLength && ascii.length <= rules.maxLength && ascii.length > 0 && !isTaken(ascii)) {
    return { name: ascii, original, changed: ascii !== original, reasons: ["rewrote-characters"] };
  }
  const reasons: FitReason[] = [];

  const rewritten = rewriteCharacters(rules, original);
  if (rewritten.rewrote) reasons.push("rewrote-characters");

  let cps = rewritten.cps;
  const generated = cps.length === 0;
  if (generated) {
    reasons.push("generated");
    cps = [...`${rules.word}_${hashNameSuffix(original)}`].map((c) => c.codePointAt(0) ?? 0);
  }
  // Before padding or cutting: a name made unique below is made from all there was, and needs no padding.
  const full = cps;
  const weight = weigh(rules, cps);
  if (!generated && weight < rules.minLength) {
    reasons.push("padded");
    cps = [...cps];
    if (cps.at(-1) !== UNDERSCORE) cps.push(UNDERSCORE);
    do cps.push(ZERO);
    while (weigh(rules, cps) < rules.minLength);
  }
  if (weight > rules.maxLength) {
    reasons.push("truncated");
    cps = shorten(rules, cps, rules.maxLength, rules.minLength);
  }

  let name = reasons.length === 0 ? original : text(cps);
  if (isTaken(name)) {
    // The suffix makes the name long enough: no padding.
    const padded = reasons.indexOf("padded");
    if (padded >= 0) reasons.splice(padded, 1);
    reasons.push("deduplicated");
    const base = generated ? [...rules.word].map((c) => c.codePointAt(0) ?? 0) : full;
    const stem = dropTrailingUnderscores(rules, shorten(rules, base, rules.maxLength - NAME_SUFFIX_LENGTH - 1, 1), 0);
    if (stem.length < base.length && !reasons.includes("truncated")) reasons.push("truncated");
    let found: string | undefined;
    for (let attempt = generated ? 1 : 0; attempt < MAX_NAME_ATTEMPTS && found === undefined; attempt++) {
      const candidate = `${text(stem)}_${hashNameSuffix(original, attempt)}`;
      if (!isTaken(candidate)) found = candidate;
    }
    if (found === undefined) {
      throw new Error(`No free ${rules.kind} name derived from ${JSON.stringify(original)} after ${MAX_NAME_ATTEMPTS} attempts`);
    }
    name = found;
  }
  if (reasons.length > 1) reasons.sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
  return { name, original, changed: name !== original, reasons };
}
