import { describe, expect, it } from "vitest";
import { coverPolicyGlob } from "@/lib/mapping/policies/cover-policy-glob";

describe("coverPolicyGlob", () => {
  it.each([
    ["*", "telemetry/x", true],
    ["*", "site/*", true],
    ["telemetry/*", "telemetry/a/b", true],
    ["telemetry/*", "telemetry/*", true],
    ["telemetry/*", "telemetry", false],
    ["telemetry/x", "telemetry/*", false],
    ["site/?", "site/*", false],
    ["site/?", "site/?", true],
    ["site/?", "site/a", true],
    ["iot:Get*", "iot:GetThingShadow", true],
    ["iot:Get*", "iot:Publish", false],
    ["cmd/*/admin", "cmd/a/b/admin", true],
    ["cmd/*/admin", "cmd/*", false],
    ["", "", true],
    ["a", "", false],
  ])("%j covers %j: %s", (outer, inner, expected) => {
    expect(coverPolicyGlob(outer, inner)).toBe(expected);
  });
});
