/**
 * Alibaba Cloud IoT Platform's naming rules, as the fitter applies them (one registry entry per kind).
 *
 * Sources: ../shared/research/alibaba-iot-target.md ("Corrections and additions", checked 2026-12) and
 * Alibaba's API reference (CreateProduct, RegisterDevice, CreateDeviceGroup, CreateRule):
 * - ProductName: 4-30, Chinese characters, letters, digits and `_` only, a Chinese character counting two;
 *   unique within the instance. (The console guide also lists `-`, `@` and `()`; the API reference and the
 *   research note do not, so they are refused here.)
 * - DeviceName: 4-32, letters, digits and `- _ @ . :`; unique within the product.
 * - GroupName: 4-30, the same characters as a ProductName, a Chinese character counting two (ROS reference of
 *   ALIYUN::IOT::DeviceGroup; the CreateDeviceGroup API reference of 2025-2026 lists only letters, digits
 *   and `_`).
 * - Rule Name: 1-30 of Chinese characters, letters, Japanese, digits, `_` and `-` (the research note). One
 *   version of the CreateRule reference says a Chinese character counts two, newer versions list only
 *   letters, digits, `_` and `-`. Chinese and Japanese are kept as the note says, each counting two
 *   (verified: no for Japanese; the safe reading).
 * - Device Nickname: 4-64 of Chinese characters, letters, digits and `_`, a Chinese character counting two
 *   (RegisterDevice and ALIYUN::IOT::Device references); not unique. An AWS thing name with `-` or `:` cannot
 *   be a Nickname as it is.
 *
 * "Chinese characters" are taken as U+4E00-U+9FA5, the range Alibaba's consoles commonly check (verified: no;
 * the safe reading); rarer Han characters (extensions, compatibility forms without a unified equivalent) are
 * treated as refused. AWS thing-type, thing, thing-group and topic-rule names are ASCII (`[a-zA-Z0-9:_-]`,
 * rules `[a-zA-Z0-9_]`, 1-128 characters), so the Chinese and Japanese readings only matter for names an
 * architect types in.
 *
 * Whether uniqueness ignores letter case is not documented: names are treated as colliding when they differ
 * only in case (the safe reading).
 */
import type { NameKind } from "@/lib/mapping/names/name-types";

export interface NameRules {
  kind: NameKind;
  minLength: number;
  maxLength: number;
  /** Whether one code point may appear in a name of this kind. */
  allows: (codePoint: number) => boolean;
  /** How many characters Alibaba counts for one accepted code point. */
  weight: (codePoint: number) => 1 | 2;
  /** The word a name is generated from when nothing of the original can be kept. */
  word: string;
}

const isAsciiLetterOrDigit = (cp: number) =>
  (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const isChinese = (cp: number) => cp >= 0x4e00 && cp <= 0x9fa5;
const isJapaneseKana = (cp: number) =>
  (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) || cp === 0x30fc;
const UNDERSCORE = 0x5f;
const DEVICE_PUNCTUATION = new Set([0x2d, 0x5f, 0x40, 0x2e, 0x3a]); // - _ @ . :

const productCharacters = (cp: number) => isAsciiLetterOrDigit(cp) || cp === UNDERSCORE || isChinese(cp);
const chineseCountsTwo = (cp: number): 1 | 2 => (isChinese(cp) ? 2 : 1);

export const NAME_RULES: Record<NameKind, NameRules> = {
  product: { kind: "product", minLength: 4, maxLength: 30, allows: productCharacters, weight: chineseCountsTwo, word: "product" },
  device: {
    kind: "device",
    minLength: 4,
    maxLength: 32,
    allows: (cp) => isAsciiLetterOrDigit(cp) || DEVICE_PUNCTUATION.has(cp),
    weight: () => 1,
    word: "device",
  },
  group: { kind: "group", minLength: 4, maxLength: 30, allows: productCharacters, weight: chineseCountsTwo, word: "group" },
  nickname: { kind: "nickname", minLength: 4, maxLength: 64, allows: productCharacters, weight: chineseCountsTwo, word: "device" },
  rule: {
    kind: "rule",
    minLength: 1,
    maxLength: 30,
    allows: (cp) => isAsciiLetterOrDigit(cp) || cp === UNDERSCORE || cp === 0x2d || isChinese(cp) || isJapaneseKana(cp),
    weight: (cp) => (isChinese(cp) || isJapaneseKana(cp) ? 2 : 1),
    word: "rule",
  },
};
