import { describe, expect, it } from "vitest";
import { intersectPolicyGlobs } from "@/lib/mapping/policies/intersect-policy-globs";

describe("intersectPolicyGlobs", () => {
  it.each([
    ["site/*", "site/a/b", true],
    ["site/*", "other/a", false],
    ["*", "anything/at/all", true],
    ["dt/*/telemetry", "dt/x/telemetry", true],
    ["dt/*/telemetry", "dt/x/status", false],
    ["cmd/?", "cmd/ab", false],
    ["cmd/?", "cmd/a", true],
    ["a*b", "*c", false],
    ["a*c", "*c", true],
    ["a*", "*b", true],
    ["legacy/*", "site/*", false],
    ["", "", true],
    ["", "*", true],
    ["a", "", false],
    ["dt/+/x", "dt/+/x", true],
    ["dt/+/x", "dt/y/x", false],
  ])("%j and %j -> %s", (a, b, expected) => {
    expect(intersectPolicyGlobs(a, b)).toBe(expected);
    expect(intersectPolicyGlobs(b, a)).toBe(expected);
  });

  it("answers on long patterns full of stars", () => {
    const a = "*a".repeat(500);
    const b = "*b".repeat(500);
    expect(intersectPolicyGlobs(a, b)).toBe(false);
    expect(intersectPolicyGlobs(a + "*", b + "*")).toBe(true);
  });
});
