import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

/**
 * Where a browser would go for each value, resolved the way it resolves a link on the app's
 * own page: anything that leaves the origin must come back as "/".
 */
const APP = "http://app.example:3000";
const landsOnApp = (next: string) => new URL(safeNextPath(next), `${APP}/sign-in`).origin === APP;

describe("safeNextPath", () => {
  it.each([
    ["/inventory", "/inventory"],
    ["/settings/plans", "/settings/plans"],
    ["/inventory?kind=AWS%3A%3AIoT%3A%3AThing&page=2", "/inventory?kind=AWS%3A%3AIoT%3A%3AThing&page=2"],
    ["/inventory#top", "/inventory#top"],
    ["/scans/a/../b", "/scans/b"],
    ["/%E4%B8%AD", "/%E4%B8%AD"],
  ])("keeps the app's own path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    // Protocol-relative and schemes
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "http://evil.com/inventory",
    "HTTPS://evil.com",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "inventory",
    // Tabs and newlines, which browsers drop before resolving
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "\t//evil.com",
    " //evil.com",
    "/\u0000/evil.com",
    "/\u0085/evil.com",
    // Backslashes, which browsers read as slashes
    "/\\evil.com",
    "\\\\evil.com",
    "/\\/evil.com",
    // Encoded once (as a browser's query string carries them before decoding)
    "/%09/evil.com",
    "/%0a/evil.com",
    "/%2F/evil.com",
    "/%2f%2fevil.com",
    "%2F%2Fevil.com",
    "/%5Cevil.com",
    "/%5c%5cevil.com",
    // Dot segments that collapse into a protocol-relative path
    "/.//evil.com",
    "/a/..//evil.com",
    "/x/../..//evil.com",
    "/%2e//evil.com",
    // Userinfo and authority tricks
    "/@evil.com",
    "//user@evil.com",
    "/ /evil.com",
  ])("sends %j home", (next) => {
    const result = safeNextPath(next);
    expect(landsOnApp(next)).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result.startsWith("/")).toBe(true);
  });

  it.each([
    "//evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "/\t/evil.com",
    "/\\evil.com",
    "/%2F/evil.com",
    "/%5Cevil.com",
    "/.//evil.com",
  ])("refuses %j outright", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("keeps a double-encoded value as an inert path of the app (one decoding never reaches another origin)", () => {
    // %252F is "%2F" after one decoding: a path segment, not a separator.
    for (const next of ["/%252F%252Fevil.com", "/%255Cevil.com", "/%2509/evil.com"]) {
      expect(landsOnApp(next)).toBe(true);
      const once = decodeURIComponent(safeNextPath(next));
      expect(new URL(once, `${APP}/sign-in`).origin).toBe(APP);
    }
  });

  it("sends empty, missing, over-long and undecodable values home", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeNextPath("/%E0%A4%A")).toBe("/");
  });
});
