import { describe, expect, it } from "vitest";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import { validateDeviceName } from "@/lib/mapping/names/validate-device-name";
import { validateDeviceNickname } from "@/lib/mapping/names/validate-device-nickname";
import { validateGroupName } from "@/lib/mapping/names/validate-group-name";
import { validateName } from "@/lib/mapping/names/validate-name";
import { validateProductName } from "@/lib/mapping/names/validate-product-name";
import { validateRuleName } from "@/lib/mapping/names/validate-rule-name";

describe("the name validators", () => {
  it("accept product names of 4 to 30 with Chinese counting two, and refuse - : @ ( ) and spaces", () => {
    expect(validateProductName("Light")).toEqual({ valid: true, problems: [], length: 5 });
    expect(validateProductName("温度")).toMatchObject({ valid: true, length: 4 });
    expect(validateProductName("温")).toMatchObject({ valid: false, problems: ["too-short"], length: 2 });
    expect(validateProductName("温".repeat(15))).toMatchObject({ valid: true, length: 30 });
    expect(validateProductName("a" + "温".repeat(15))).toMatchObject({ valid: false, problems: ["too-long"], length: 31 });
    for (const bad of ["a-bcd", "a:bcd", "a@bcd", "a(b)c", "a bcd", "abc.d", "ab😀c", "ab\uD800cd", "ａｂｃｄ", "한국어名"]) {
      expect(validateProductName(bad).problems, bad).toContain("refused-characters");
    }
    expect(validateProductName("abc")).toMatchObject({ valid: false, problems: ["too-short"] });
    expect(validateProductName("x".repeat(31)).problems).toEqual(["too-long"]);
    expect(validateProductName("").problems).toEqual(["too-short"]);
  });

  it("accept group names with the product rules", () => {
    expect(validateGroupName("华东_factory").valid).toBe(true);
    expect(validateGroupName("east-1").problems).toEqual(["refused-characters"]);
    expect(validateGroupName("abc").problems).toEqual(["too-short"]);
  });

  it("accept device names of 4 to 32 with - _ @ . : and nothing else", () => {
    expect(validateDeviceName("gw-1_a@b.c:d").valid).toBe(true);
    expect(validateDeviceName("x".repeat(32)).valid).toBe(true);
    expect(validateDeviceName("x".repeat(33)).problems).toEqual(["too-long"]);
    expect(validateDeviceName("abc").problems).toEqual(["too-short"]);
    for (const bad of ["温度sensor", "a/bcd", "a bcd", "a#bcd", "a+bcd"]) {
      expect(validateDeviceName(bad).problems, bad).toEqual(["refused-characters"]);
    }
  });

  it("accept rule names of 1 to 30 with Chinese, kana, _ and -", () => {
    expect(validateRuleName("r").valid).toBe(true);
    expect(validateRuleName("to-s3_データ温度").valid).toBe(true);
    expect(validateRuleName("").problems).toEqual(["too-short"]);
    expect(validateRuleName("デ".repeat(16)).problems).toEqual(["too-long"]);
    expect(validateRuleName("a.b").problems).toEqual(["refused-characters"]);
    expect(validateRuleName("a:b").problems).toEqual(["refused-characters"]);
  });

  it("accept device nicknames of 4 to 64 with Chinese counting two, letters, digits and _", () => {
    expect(validateDeviceNickname("园区灯")).toMatchObject({ valid: true, length: 6 });
    expect(validateDeviceNickname("灯".repeat(32))).toMatchObject({ valid: true, length: 64 });
    expect(validateDeviceNickname("灯".repeat(32) + "a").problems).toEqual(["too-long"]);
    expect(validateDeviceNickname("pump-12").problems).toEqual(["refused-characters"]);
    expect(validateDeviceNickname("a:bcd").problems).toEqual(["refused-characters"]);
  });

  it("refuse what is not a string without throwing", () => {
    for (const value of [undefined, null, 42, {}, ["abcd"]]) {
      expect(validateProductName(value)).toEqual({ valid: false, problems: ["not-a-string"], length: 0 });
    }
  });

  it("report every problem at once", () => {
    expect(validateDeviceName("温").problems).toEqual(["refused-characters", "too-short"]);
    expect(validateProductName("-".repeat(40)).problems).toEqual(["refused-characters", "too-long"]);
  });
});

describe("the validators and the fitter's rules", () => {
  it("agree on every code point of the Basic Multilingual Plane, for every kind", () => {
    const disagreements: string[] = [];
    for (const kind of ["product", "device", "group", "rule", "nickname"] as const) {
      const rules = NAME_RULES[kind];
      for (let cp = 0; cp <= 0xffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        const accepted = validateName(kind, `abcd${ch}`).valid;
        if (accepted !== rules.allows(cp)) disagreements.push(`${kind} U+${cp.toString(16)}`);
        else if (accepted && validateName(kind, `abcd${ch}`).length !== 4 + rules.weight(cp)) disagreements.push(`${kind} U+${cp.toString(16)} weight`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("refuse, both, the code points beyond it (emoji, rare Han characters)", () => {
    const accepted: string[] = [];
    for (const kind of ["product", "device", "group", "rule", "nickname"] as const) {
      for (let cp = 0x10000; cp <= 0x10ffff; cp += 251) {
        if (NAME_RULES[kind].allows(cp)) accepted.push(`${kind} rules U+${cp.toString(16)}`);
        if (validateName(kind, `abcd${String.fromCodePoint(cp)}`).valid) accepted.push(`${kind} validator U+${cp.toString(16)}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
