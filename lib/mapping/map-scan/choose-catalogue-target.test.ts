import { describe, expect, it } from "vitest";
import type { CatalogueEntry, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { chooseCatalogueTarget, describeTarget } from "@/lib/mapping/map-scan/choose-catalogue-target";

const catalogue = readCurrentCatalogueSeed();
const entry = (kind: string) => catalogue.entries.find((e) => e.kind === kind) as CatalogueEntry;
const target = (rank: number, name: string, fit: CatalogueTarget["fit"], extra: Partial<CatalogueTarget> = {}): CatalogueTarget => ({
  rank,
  name,
  rosType: null,
  fit,
  differs: `${name} differs`,
  gaps: [],
  availability: { mainlandChina: { status: "regions", regions: ["cn-shanghai"] }, international: { status: "none" } },
  source: "https://example.com",
  verifiedOn: "2026-12-01",
  confidence: "high",
  ...extra,
});
const custom = (targets: CatalogueTarget[]): CatalogueEntry => ({ kind: "AWS::X::Y", awsService: "X", category: "data", targets });

describe("chooseCatalogueTarget", () => {
  it("maps a single equivalent candidate, noting an unverified region", () => {
    const choice = chooseCatalogueTarget("AWS::IAM::Role", entry("AWS::IAM::Role"));
    expect(choice).toMatchObject({ status: "mapped", target: { name: "RAM role", rosType: "ALIYUN::RAM::Role" } });
    expect(choice.reasons.map((r) => r.code)).toContain("region-unverified");
    expect(choice.reasons.map((r) => r.code)).not.toContain("partial-fit");
  });

  it("maps a single partial candidate with its gaps as reasons", () => {
    const choice = chooseCatalogueTarget("AWS::S3::Bucket", entry("AWS::S3::Bucket"));
    expect(choice.status).toBe("mapped");
    const codes = choice.reasons.map((r) => r.code);
    expect(codes[0]).toBe("partial-fit");
    expect(codes.filter((c) => c.startsWith("gap.")).length).toBe(entry("AWS::S3::Bucket").targets[0]?.gaps.length);
  });

  it("asks for a decision between several candidates, ranked", () => {
    const choice = chooseCatalogueTarget("AWS::DynamoDB::Table", entry("AWS::DynamoDB::Table"));
    expect(choice.status).toBe("decision");
    expect(choice.choices?.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(choice.target).toBeNull();
  });

  it("follows a choice, and asks again when the choice names no candidate", () => {
    expect(chooseCatalogueTarget("AWS::DynamoDB::Table", entry("AWS::DynamoDB::Table"), { chosen: "Lindorm" }).target?.name).toBe("Lindorm");
    const unknown = chooseCatalogueTarget("AWS::DynamoDB::Table", entry("AWS::DynamoDB::Table"), { chosen: "MongoDB" });
    expect(unknown).toMatchObject({ status: "decision", reasons: [{ code: "unknown-choice" }] });
  });

  it("says none with the catalogue's words when only fit none is known, and when the kind is missing", () => {
    const none = chooseCatalogueTarget("AWS::IoT::BillingGroup", entry("AWS::IoT::BillingGroup"));
    expect(none.status).toBe("none");
    expect(none.alternatives?.[0]).toContain("tags");
    expect(chooseCatalogueTarget("AWS::Nope::Thing", undefined)).toMatchObject({ status: "none", target: null, alternatives: [], reasons: [{ code: "not-in-catalogue" }] });
    const chosenNone = chooseCatalogueTarget("AWS::X::Y", custom([target(1, "A", "partial"), target(2, "B", "none")]), { chosen: "B" });
    expect(chosenNone).toMatchObject({ status: "none", target: { name: "B" } });
  });

  it("ignores fit-none candidates when counting the usable ones", () => {
    const choice = chooseCatalogueTarget("AWS::X::Y", custom([target(2, "Nothing", "none"), target(1, "Only", "drop-in")]), { targetRegion: "cn-shanghai" });
    expect(choice).toMatchObject({ status: "mapped", target: { name: "Only" }, reasons: [] });
  });

  it("blocks a chosen target the catalogue knows is not offered in the target region", () => {
    const choice = chooseCatalogueTarget("AWS::X::Y", custom([target(1, "Shanghai only", "equivalent", { caveat: "Future uncertain." })]), { targetRegion: "eu-central-1" });
    expect(choice.status).toBe("blocked");
    expect(choice.reasons.map((r) => r.code)).toEqual(["not-in-region", "caveat"]);
  });
});

describe("describeTarget", () => {
  it("lists a partial fit, each gap and the caveat", () => {
    const reasons = describeTarget(target(1, "T", "partial", { gaps: [{ key: "k", text: "missing k" }], caveat: "careful" }));
    expect(reasons).toEqual([
      { code: "partial-fit", message: "T fits partially: T differs" },
      { code: "gap.k", message: "missing k" },
      { code: "caveat", message: "careful" },
    ]);
  });
});
