import { describe, expect, it } from "vitest";
import { catalogueFiltersSchema, filterCatalogueEntries, isTargetAvailable, worldOfRegion } from "@/lib/catalogue/filter-catalogue-entries";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";

const seed = readCurrentCatalogueSeed();
const rows = seed.entries.map((entry) => ({ entry }));

function target(mainland: CatalogueTarget["availability"]["mainlandChina"], international: CatalogueTarget["availability"]["international"]): CatalogueTarget {
  const base = structuredClone(seed.entries[0]!.targets[0]!);
  base.availability = { mainlandChina: mainland, international };
  return base;
}

describe("filterCatalogueEntries", () => {
  it("filters by category and by the fit of any candidate", () => {
    const iot = filterCatalogueEntries(rows, { category: "iot" });
    expect(iot.length).toBeGreaterThan(0);
    expect(iot.every((r) => r.entry.category === "iot")).toBe(true);
    const none = filterCatalogueEntries(rows, { fit: "none" });
    expect(none.every((r) => r.entry.targets.some((t) => t.fit === "none"))).toBe(true);
    expect(none.length).toBeLessThan(rows.length);
  });

  it("keeps mainland China and international apart", () => {
    const offered = target({ status: "regions", regions: ["cn-shanghai"] }, { status: "regions", regions: ["eu-central-1"] });
    expect(isTargetAvailable(offered, { region: "cn-shanghai" })).toBe(true);
    expect(isTargetAvailable(offered, { region: "cn-beijing" })).toBe(false);
    expect(isTargetAvailable(offered, { region: "eu-central-1" })).toBe(true);
    // Hong Kong is an international region although its id starts with cn-.
    expect(worldOfRegion("cn-hongkong")).toBe("international");
    expect(isTargetAvailable(offered, { region: "cn-hongkong" })).toBe(false);
    expect(isTargetAvailable(offered, { world: "international", region: "cn-shanghai" })).toBe(false);
    const mainlandOnly = target({ status: "regions", regions: ["cn-shanghai"] }, { status: "none" });
    expect(isTargetAvailable(mainlandOnly, { world: "international" })).toBe(false);
    expect(isTargetAvailable(mainlandOnly, { world: "mainlandChina" })).toBe(true);
    const unknown = target({ status: "unknown" }, { status: "unknown" });
    expect(isTargetAvailable(unknown, { world: "mainlandChina" })).toBe(false);
  });

  it("finds entries by words of their kind, candidates and gaps, in any case", () => {
    const found = filterCatalogueEntries(rows, { q: "sqs QUEUE" });
    expect(found.map((r) => r.entry.kind)).toContain("AWS::SQS::Queue");
    expect(filterCatalogueEntries(rows, { q: "no-such-word-anywhere" })).toEqual([]);
  });

  it("validates the query string", () => {
    expect(catalogueFiltersSchema.safeParse({ fit: "perfect" }).success).toBe(false);
    expect(catalogueFiltersSchema.safeParse({ region: "'; drop table" }).success).toBe(false);
    expect(catalogueFiltersSchema.parse({ category: "iot", world: "mainlandChina" })).toEqual({ category: "iot", world: "mainlandChina" });
  });
});
