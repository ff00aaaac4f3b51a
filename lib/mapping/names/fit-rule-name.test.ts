import { describe, expect, it } from "vitest";
import { fitRuleName } from "@/lib/mapping/names/fit-rule-name";
import { validateRuleName } from "@/lib/mapping/names/validate-rule-name";

describe("fitRuleName", () => {
  it("keeps letters, digits, _ and - (AWS topic rule names are [a-zA-Z0-9_]+)", () => {
    expect(fitRuleName("forward_to_s3").changed).toBe(false);
    expect(fitRuleName("to-kinesis").changed).toBe(false);
  });

  it("accepts a single character, generates a name for an empty one, and shortens 31 to 30", () => {
    expect(fitRuleName("r").changed).toBe(false);
    expect(fitRuleName("-").changed).toBe(false);
    expect(fitRuleName("")).toMatchObject({ reasons: ["generated"] });
    expect(fitRuleName("").name).toMatch(/^rule_[0-9a-z]{6}$/);
    expect(fitRuleName("r".repeat(30)).changed).toBe(false);
    expect(fitRuleName("r".repeat(31))).toMatchObject({ name: "r".repeat(20) + "_" + "r".repeat(9), reasons: ["truncated"] });
    // AWS allows 128 characters
    expect(validateRuleName(fitRuleName("a_".repeat(64)).name).valid).toBe(true);
  });

  it("keeps Chinese and Japanese kana, each counting two", () => {
    expect(fitRuleName("温度转发").changed).toBe(false);
    expect(fitRuleName("データ転送").changed).toBe(false);
    expect(fitRuleName("デ".repeat(16)).name).toBe("デ".repeat(10) + "_" + "デ".repeat(4));
    // half-width katakana becomes its full-width form
    expect(fitRuleName("ﾃﾞｰﾀ").name).toBe("データ");
  });

  it("rewrites the characters rule names refuse", () => {
    expect(fitRuleName("send to:s3!").name).toBe("send_to_s3");
    expect(fitRuleName("a.b@c").name).toBe("a_b_c");
  });
});
