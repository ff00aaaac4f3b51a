/**
 * Property-style checks over many random strings: every fitted name passes the independent validator of its
 * kind, is well-formed UTF-16, is the same on a second call, and names fitted into one scope are all unique.
 * The strings come from a seeded generator, so a failure is reproducible from its seed.
 */
import { describe, expect, it } from "vitest";
import { fitDeviceName } from "@/lib/mapping/names/fit-device-name";
import { fitDeviceNickname } from "@/lib/mapping/names/fit-device-nickname";
import { fitGroupName } from "@/lib/mapping/names/fit-group-name";
import { fitProductName } from "@/lib/mapping/names/fit-product-name";
import { fitRuleName } from "@/lib/mapping/names/fit-rule-name";
import type { FitNameOptions, FittedName, NameKind, NameValidation } from "@/lib/mapping/names/name-types";
import { validateDeviceName } from "@/lib/mapping/names/validate-device-name";
import { validateDeviceNickname } from "@/lib/mapping/names/validate-device-nickname";
import { validateGroupName } from "@/lib/mapping/names/validate-group-name";
import { validateProductName } from "@/lib/mapping/names/validate-product-name";
import { validateRuleName } from "@/lib/mapping/names/validate-rule-name";

/** No lone surrogate: with the u flag a pair is one code point, outside this range. */
const isWellFormed = (s: string) => !/[\uD800-\uDFFF]/u.test(s);

const KINDS: Record<NameKind, { fit: (o: string, opts?: FitNameOptions) => FittedName; validate: (n: unknown) => NameValidation }> = {
  product: { fit: fitProductName, validate: validateProductName },
  device: { fit: fitDeviceName, validate: validateDeviceName },
  group: { fit: fitGroupName, validate: validateGroupName },
  rule: { fit: fitRuleName, validate: validateRuleName },
  nickname: { fit: fitDeviceNickname, validate: validateDeviceNickname },
};

/** mulberry32: a small seeded generator. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces a hostile or merely unusual name is made of.
const PIECES = [
  "a", "Z", "7", "_", "-", ":", "@", ".", " ", "/", "#", "(", ")", "\t", "\n", "\u0000",
  "温", "度", "傳", "𠀀", "ア", "ﾃﾞ", "が", "か\u3099", "한", "é", "e\u0301", "Ａ", "①", "ß", "ﬁ",
  "😀", "🌡️", "👩‍👩‍👧", "\uD800", "\uDFFF", "\u200B", "\uFEFF", "\u202E", "∑", "Ω", "丽",
];

function randomString(next: () => number): string {
  const length = Math.floor(next() * 45);
  let s = "";
  for (let i = 0; i < length; i++) {
    s += next() < 0.35 ? String.fromCharCode(0x20 + Math.floor(next() * 95)) : PIECES[Math.floor(next() * PIECES.length)];
  }
  return s;
}

describe("every fitted name is valid", () => {
  for (const kind of Object.keys(KINDS) as NameKind[]) {
    it(`for ${kind} names, over 3,000 random strings fitted into one scope`, () => {
      const { fit, validate } = KINDS[kind];
      const next = generator(20261202 + kind.length);
      const taken = new Set<string>();
      const isTaken = (n: string) => taken.has(n.toLowerCase());
      // Failures are collected and compared once: an expect per string would dominate the run time.
      const failures: string[] = [];
      const fail = (what: string, original: string, name: string) => failures.push(`${what}: ${JSON.stringify(original)} -> ${JSON.stringify(name)}`);
      for (let i = 0; i < 3_000; i++) {
        const original = randomString(next);
        const alone = fit(original);
        if (!validate(alone.name).valid) fail("invalid", original, alone.name);
        if (!isWellFormed(alone.name)) fail("lone surrogate", original, alone.name);
        const again = fit(original);
        if (again.name !== alone.name || again.reasons.join() !== alone.reasons.join()) fail("not deterministic", original, again.name);
        if (alone.changed !== (alone.name !== original)) fail("changed flag wrong", original, alone.name);
        if ((alone.reasons.length === 0) !== !alone.changed) fail("reasons do not match changed", original, alone.name);

        const inScope = fit(original, { isTaken });
        if (!validate(inScope.name).valid) fail("invalid in scope", original, inScope.name);
        if (isTaken(inScope.name)) fail("taken", original, inScope.name);
        taken.add(inScope.name.toLowerCase());
      }
      expect(failures).toEqual([]);
      expect(taken.size).toBe(3_000);
    });
  }

  it("keeps a valid name as it is, for every kind", () => {
    const next = generator(7);
    for (const kind of Object.keys(KINDS) as NameKind[]) {
      const { fit, validate } = KINDS[kind];
      for (let i = 0; i < 500; i++) {
        const candidate = randomString(next);
        if (validate(candidate).valid) expect(fit(candidate).changed).toBe(false);
      }
      for (const valid of ["abcd", "abcd_1234", "温度计量"]) {
        if (validate(valid).valid) expect(fit(valid)).toMatchObject({ name: valid, changed: false, reasons: [] });
      }
    }
  });
});
