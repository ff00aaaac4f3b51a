import { describe, expect, it } from "vitest";
import { isWebAddress } from "@/components/catalogue/source-link";

describe("isWebAddress", () => {
  it("takes only http and https addresses as links", () => {
    expect(isWebAddress("https://help.aliyun.com/en/iot")).toBe(true);
    expect(isWebAddress("http://example.com/")).toBe(true);
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("data:text/html,<b>x</b>")).toBe(false);
    expect(isWebAddress("//evil.example/")).toBe(false);
    expect(isWebAddress("not a url")).toBe(false);
  });
});
