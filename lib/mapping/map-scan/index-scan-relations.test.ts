import { describe, expect, it } from "vitest";
import { indexScanRelations } from "@/lib/mapping/map-scan/index-scan-relations";
import type { ScanRelation } from "@/lib/mapping/map-scan/map-scan-types";

describe("indexScanRelations", () => {
  it("answers targets and sources by type, sorted and without repeats", () => {
    const index = indexScanRelations([
      { fromArn: "thing/b", toArn: "group/2", type: "member-of" },
      { fromArn: "thing/b", toArn: "group/1", type: "member-of" },
      { fromArn: "thing/b", toArn: "group/2", type: "member-of" },
      { fromArn: "thing/a", toArn: "group/2", type: "member-of" },
      { fromArn: "thing/b", toArn: "type/t", type: "has-type" },
    ]);
    expect(index.targetsOf("member-of", "thing/b")).toEqual(["group/1", "group/2"]);
    expect(index.targetsOf("member-of", "thing/b")).toEqual(["group/1", "group/2"]);
    expect(index.sourcesOf("member-of", "group/2")).toEqual(["thing/a", "thing/b"]);
    expect(index.targetsOf("has-type", "thing/b")).toEqual(["type/t"]);
    expect(index.targetsOf("has-type", "thing/a")).toEqual([]);
    expect(index.targetsOf("child-of", "thing/a")).toEqual([]);
    expect(index.skipped).toBe(0);
  });

  it("skips rows that are not relations and counts them", () => {
    const index = indexScanRelations([null, { fromArn: "a" }, { fromArn: "a", toArn: 3, type: "x" }, { fromArn: "a", toArn: "b", type: "x" }] as unknown as ScanRelation[]);
    expect(index.skipped).toBe(3);
    expect(index.targetsOf("x", "a")).toEqual(["b"]);
    expect(indexScanRelations("nonsense" as unknown as ScanRelation[]).skipped).toBe(0);
  });
});
