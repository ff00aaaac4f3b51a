import { describe, expect, it } from "vitest";
import { compareCatalogueEntries, compareCatalogueVersions } from "@/lib/catalogue/compare-catalogue-versions";
import type { Catalogue, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

const current = readCurrentCatalogueSeed();

function copy(): Catalogue {
  return structuredClone(current);
}

function targetsOf(catalogue: Catalogue, kind: string): CatalogueTarget[] {
  const entry = catalogue.entries.find((e) => e.kind === kind);
  if (!entry) throw new Error(`no entry ${kind}`);
  return entry.targets;
}

describe("compareCatalogueVersions", () => {
  it("finds nothing between a seed and its copy", () => {
    const result = compareCatalogueVersions(current, copy());
    expect(result).toMatchObject({ added: [], removed: [], changed: [] });
    expect(result.from).toEqual({ version: "2026-12", date: current.date });
  });

  it("reports the versions compared", () => {
    const newer = copy();
    newer.version = "2027-03";
    newer.date = "2027-03-01";
    const result = compareCatalogueVersions(current, newer);
    expect(result.to).toEqual({ version: "2027-03", date: "2027-03-01" });
    expect(result.changed).toEqual([]);
  });

  it("finds added and removed entries by kind", () => {
    const newer = copy();
    const removed = newer.entries.splice(newer.entries.findIndex((e) => e.kind === "AWS::Glue::Job"), 1);
    newer.entries.push({ ...structuredClone(removed[0]!), kind: "AWS::Glue::Crawler" });
    const result = compareCatalogueVersions(current, newer);
    expect(result.added).toEqual(["AWS::Glue::Crawler"]);
    expect(result.removed).toEqual(["AWS::Glue::Job"]);
    expect(result.changed).toEqual([]);
  });

  it("names a changed field of a target by the target's name", () => {
    const newer = copy();
    const sqs = targetsOf(newer, "AWS::SQS::Queue");
    sqs[1]!.fit = "equivalent";
    sqs[1]!.confidence = "high";
    const result = compareCatalogueVersions(current, newer);
    expect(result.changed).toEqual([
      {
        id: "AWS::SQS::Queue",
        changes: [
          { path: `targets[${sqs[1]!.name}].fit`, before: "partial", after: "equivalent" },
          { path: `targets[${sqs[1]!.name}].confidence`, before: "medium", after: "high" },
        ],
      },
    ]);
  });

  it("reports a swap of ranks as two rank changes, not as every field of both targets", () => {
    const newer = copy();
    const [first, second] = targetsOf(newer, "AWS::Kinesis::Stream");
    first!.rank = 2;
    second!.rank = 1;
    newer.entries.find((e) => e.kind === "AWS::Kinesis::Stream")!.targets.reverse();
    const result = compareCatalogueVersions(current, newer);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]!.changes).toEqual([
      { path: `targets[${first!.name}].rank`, before: 1, after: 2 },
      { path: `targets[${second!.name}].rank`, before: 2, after: 1 },
    ]);
  });

  it("finds an added target, a removed gap and an optional field that appeared", () => {
    const newer = copy();
    const thing = targetsOf(newer, "AWS::IoT::Thing");
    const added = { ...structuredClone(thing[2]!), name: "Another broker", rank: thing.length + 1 };
    thing.push(added);
    const removedGap = thing[0]!.gaps.shift()!;
    const lambda = targetsOf(newer, "AWS::Lambda::Function")[0]!;
    lambda.caveat = "Runtimes checked again";
    const result = compareCatalogueVersions(current, newer);
    const thingChanges = result.changed.find((c) => c.id === "AWS::IoT::Thing")!.changes;
    expect(thingChanges).toEqual([
      { path: `targets[${thing[0]!.name}].gaps[${removedGap.key}]`, before: removedGap, after: undefined },
      { path: "targets[Another broker]", before: undefined, after: added },
    ]);
    expect(result.changed.find((c) => c.id === "AWS::Lambda::Function")!.changes).toEqual([
      { path: `targets[${lambda.name}].caveat`, before: undefined, after: "Runtimes checked again" },
    ]);
  });

  it("reports gaps added to a target that had none, one by one", () => {
    const older = copy();
    const newer = copy();
    const olderKms = targetsOf(older, "AWS::KMS::Alias")[0]!;
    olderKms.gaps = [];
    const newGaps = targetsOf(newer, "AWS::KMS::Alias")[0]!.gaps;
    expect(newGaps.length).toBeGreaterThan(0);
    const result = compareCatalogueVersions(older, newer);
    expect(result.changed).toEqual([
      { id: "AWS::KMS::Alias", changes: newGaps.map((gap) => ({ path: `targets[${olderKms.name}].gaps[${gap.key}]`, before: undefined, after: gap })) },
    ]);
  });

  it("compares region lists as whole values", () => {
    const newer = copy();
    const enterprise = targetsOf(newer, "AWS::IoT::Thing")[0]!;
    enterprise.availability.mainlandChina = { status: "regions", regions: ["cn-shanghai"] };
    const result = compareCatalogueVersions(current, newer);
    expect(result.changed[0]!.changes).toEqual([
      {
        path: `targets[${enterprise.name}].availability.mainlandChina.regions`,
        before: ["cn-shanghai", "cn-beijing", "cn-shenzhen"],
        after: ["cn-shanghai"],
      },
    ]);
  });

  it("compares IoT details by section and key", () => {
    const newer = copy();
    const lambda = newer.iot.ruleActions.find((a) => a.key === "lambda")!;
    lambda.alibaba = "FC (Function Compute 3.0)";
    newer.iot.shadowKinds = newer.iot.shadowKinds.filter((s) => s.key !== "named");
    newer.iot.topicModel.push({ ...structuredClone(newer.iot.topicModel[0]!), key: "topic-routes" });
    const result = compareCatalogueVersions(current, newer);
    expect(result.added).toEqual(["iot.topicModel.topic-routes"]);
    expect(result.removed).toEqual(["iot.shadowKinds.named"]);
    expect(result.changed).toEqual([
      { id: "iot.ruleActions.lambda", changes: [{ path: "alibaba", before: "FC", after: "FC (Function Compute 3.0)" }] },
    ]);
  });

  it("reports a field that was removed and a value that changed type", () => {
    const newer = copy();
    const s3 = targetsOf(newer, "AWS::S3::Bucket")[0]!;
    delete s3.confidenceNote;
    const oldRos = s3.rosType;
    s3.rosType = null;
    const result = compareCatalogueVersions(current, newer);
    expect(result.changed[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: `targets[${s3.name}].rosType`, before: oldRos, after: null },
        expect.objectContaining({ path: `targets[${s3.name}].confidenceNote`, after: undefined }),
      ]),
    );
    expect(result.changed[0]!.changes).toHaveLength(2);
  });
});

describe("compareCatalogueEntries", () => {
  it("finds nothing between an entry and its copy with its keys in another order", () => {
    const entry = current.entries[0]!;
    const reordered = Object.fromEntries(Object.entries(structuredClone(entry)).reverse());
    expect(compareCatalogueEntries(entry, reordered)).toEqual([]);
  });

  it("names each changed field of one entry, targets matched by name", () => {
    const entry = current.entries.find((e) => e.targets.length > 1)!;
    const edited = structuredClone(entry);
    edited.targets.reverse();
    edited.targets[0]!.differs = "changed";
    const changes = compareCatalogueEntries(entry, edited);
    expect(changes).toEqual([{ path: `targets[${edited.targets[0]!.name}].differs`, before: entry.targets.at(-1)!.differs, after: "changed" }]);
  });

  it("reports a removed entry as a whole", () => {
    const entry = current.entries[0]!;
    expect(compareCatalogueEntries(entry, null)).toEqual([{ path: "(entry)", before: entry, after: null }]);
  });
});
