import { describe, expect, it } from "vitest";
import { compareSeedVersions } from "@/lib/catalogue/compare-seed-versions";

describe("compareSeedVersions", () => {
  it("orders months, years and point releases", () => {
    expect(compareSeedVersions("2026-12", "2026-12")).toBe(0);
    expect(compareSeedVersions("2026-12", "2026-12.1")).toBeLessThan(0);
    expect(compareSeedVersions("2026-12.2", "2026-12.10")).toBeLessThan(0);
    expect(compareSeedVersions("2027-01", "2026-12.9")).toBeGreaterThan(0);
    expect(compareSeedVersions("2026-11", "2026-12")).toBeLessThan(0);
  });

  it("refuses what is not a version", () => {
    expect(() => compareSeedVersions("latest", "2026-12")).toThrow(/not a catalogue seed version/);
  });
});
