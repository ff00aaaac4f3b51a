import { describe, expect, it } from "vitest";
import { hashNameSuffix } from "@/lib/mapping/names/hash-name-suffix";

describe("hashNameSuffix", () => {
  it("is six characters of [0-9a-z]", () => {
    for (const original of ["", "a", "thing-1", "温度", "😀", "x".repeat(500)]) {
      expect(hashNameSuffix(original)).toMatch(/^[0-9a-z]{6}$/);
    }
  });

  it("stays the same across versions (fresh names of the same original must not change)", () => {
    // Values recorded when the suffix was introduced: a change here renames every new collision.
    expect([hashNameSuffix("a:b"), hashNameSuffix("a:b", 1), hashNameSuffix("")]).toEqual(RECORDED);
  });

  it("differs between originals, between attempts, and for near-identical originals", () => {
    expect(hashNameSuffix("a-b")).not.toBe(hashNameSuffix("a:b"));
    expect(hashNameSuffix("a-b", 1)).not.toBe(hashNameSuffix("a-b"));
    const suffixes = new Set(Array.from({ length: 10_000 }, (_, i) => hashNameSuffix(`thing-${i}`)));
    expect(suffixes.size).toBeGreaterThan(9_990);
  });
});

const RECORDED = ["4jo04q", "vloqjc", "67o803"];
