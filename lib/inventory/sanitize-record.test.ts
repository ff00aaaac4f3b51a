import { describe, expect, it } from "vitest";
import { MAX_STRING, sanitizeJson, sanitizeString, toStorableJson } from "@/lib/inventory/sanitize-record";

describe("sanitize", () => {
  it("keeps hostile text as it is, except NUL which Postgres cannot store", () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>\u202e\u0007'; DROP TABLE resources; --`;
    expect(sanitizeString(hostile)).toBe(hostile);
    expect(sanitizeString("a\u0000b")).toBe("a\u2400b");
  });

  it("caps huge strings and says how long they were", () => {
    const out = sanitizeString("x".repeat(MAX_STRING + 10));
    expect(out.length).toBeLessThan(MAX_STRING + 100);
    expect(out).toContain(`${MAX_STRING + 10} characters`);
  });

  it("walks nested values, dates and binary", () => {
    expect(sanitizeJson({ a: ["\u0000", { b: new Date("2026-01-01T00:00:00Z") }], c: new Uint8Array(3), d: undefined, e: 1n })).toEqual({
      a: ["\u2400", { b: "2026-01-01T00:00:00.000Z" }],
      c: "[3 bytes]",
      e: "1",
    });
  });

  it("serialises for jsonb, fixing NUL, huge strings and BigInt only where present", () => {
    expect(toStorableJson({ a: "plain" }).text).toBe('{"a":"plain"}');
    expect(toStorableJson({ a: "x\u0000y" }).text).toBe('{"a":"x\u2400y"}');
    expect(JSON.parse(toStorableJson({ a: "z".repeat(MAX_STRING + 5) }).text).a).toContain("characters, cut at");
    expect(toStorableJson({ n: 5n }).text).toBe('{"n":"5"}');
    // A backslash followed by u0000 as text is not a NUL.
    expect(toStorableJson({ a: "\\u0000" }).text).toBe(JSON.stringify({ a: "\\u0000" }));
  });
});
