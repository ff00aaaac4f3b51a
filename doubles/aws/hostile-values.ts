/**
 * Values that break careless code: markup, formulas for spreadsheet exports, control characters,
 * bidirectional overrides, SQL, and a string far longer than any AWS limit. The generated estate
 * carries them in a few tags and thing attributes when `hostile` is on.
 */

const CONTROL_CHARACTERS = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join("") + "\u007f";

export const HOSTILE_VALUES = {
  script: "<script>alert(1)</script>",
  attributeBreakout: `"><img src=x onerror=alert(document.cookie)>`,
  long: `long-value-${"0123456789abcdef".repeat(250)}`.slice(0, 4000),
  controlCharacters: `ctl[${CONTROL_CHARACTERS}]end`,
  rightToLeftOverride: "invoice\u202Efdp.exe",
  formula: `=HYPERLINK("http://evil")`,
  sql: "'; DROP TABLE resources; --",
} as const;

export const HOSTILE_VALUE_LIST: readonly string[] = Object.values(HOSTILE_VALUES);
