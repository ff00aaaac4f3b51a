import { describe, expect, it } from "vitest";
import { decodeToken, encodeToken, slicePage, slicePageOf } from "./pagination";

describe("pagination tokens", () => {
  it("round-trip an offset for their own listing only", () => {
    const token = encodeToken("ListThings|eu-central-1|all", 250);
    expect(decodeToken("ListThings|eu-central-1|all", token)).toBe(250);
    expect(decodeToken("ListThings|us-east-1|all", token)).toBeNull();
    expect(token).not.toContain("250");
  });

  it("start at 0 without a token and refuse anything that is not one", () => {
    expect(decodeToken("x", undefined)).toBe(0);
    expect(decodeToken("x", "")).toBe(0);
    expect(decodeToken("x", "garbage")).toBeNull();
    expect(decodeToken("x", Buffer.from("srt1:-4:abc").toString("base64url"))).toBeNull();
  });
});

describe("page slices", () => {
  it("say where the next page starts, and nothing after the last page", () => {
    expect(slicePage([1, 2, 3, 4, 5], 0, 2)).toEqual({ items: [1, 2], nextOffset: 2 });
    expect(slicePage([1, 2, 3, 4, 5], 4, 2)).toEqual({ items: [5], nextOffset: undefined });
    expect(slicePageOf(5, (i) => i * 10, 2, 2)).toEqual({ items: [20, 30], nextOffset: 4 });
    expect(slicePageOf(0, (i) => i, 0, 25)).toEqual({ items: [], nextOffset: undefined });
  });
});
