import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { resolveServiceNeeds } from "@/lib/mapping/regions/resolve-service-needs";

const catalogue = readCurrentCatalogueSeed();

describe("resolveServiceNeeds", () => {
  it("resolves a kind to its rank-1 target, or to the target the plan chose", () => {
    const resolved = resolveServiceNeeds("eu-central-1", [{ kind: "AWS::SQS::Queue" }, { kind: "AWS::IoT::Thing", target: "ApsaraMQ for MQTT" }], catalogue);
    expect(resolved.issues).toEqual([]);
    expect(resolved.services).toEqual([
      { kind: "AWS::IoT::Thing", target: "ApsaraMQ for MQTT", targetRank: 3 },
      { kind: "AWS::SQS::Queue", target: "Simple Message Queue (formerly MNS) queue", targetRank: 1 },
    ]);
    expect(resolved.targets.size).toBe(2);
  });

  it("counts a repeated need once but keeps two targets of one kind apart", () => {
    const resolved = resolveServiceNeeds(
      "eu-central-1",
      [{ kind: "AWS::IoT::Thing" }, { kind: "AWS::IoT::Thing", target: "IoT Platform (Enterprise instance)" }, { kind: "AWS::IoT::Thing", target: "ApsaraMQ for MQTT" }],
      catalogue,
    );
    expect(resolved.services.map((s) => s.target)).toEqual(["ApsaraMQ for MQTT", "IoT Platform (Enterprise instance)"]);
  });

  it("reports each malformed or unknown need and resolves the rest", () => {
    const resolved = resolveServiceNeeds(
      "us-east-1",
      [null, { kind: "" }, { kind: "AWS::IoT::Thing", target: 7 }, { kind: "AWS::Nope::Nope" }, { kind: "AWS::S3::Bucket", target: "Glacier" }, { kind: "AWS::S3::Bucket" }],
      catalogue,
    );
    expect(resolved.issues).toEqual([
      { code: "invalid-input", sourceRegion: "us-east-1", params: { field: "services[0]" } },
      { code: "invalid-input", sourceRegion: "us-east-1", params: { field: "services[1]" } },
      { code: "invalid-input", sourceRegion: "us-east-1", params: { field: "services[2]" } },
      { code: "unknown-kind", sourceRegion: "us-east-1", params: { kind: "AWS::Nope::Nope" } },
      { code: "unknown-target", sourceRegion: "us-east-1", params: { kind: "AWS::S3::Bucket", target: "Glacier" } },
    ]);
    expect(resolved.services.map((s) => s.kind)).toEqual(["AWS::S3::Bucket"]);
    expect(resolved.unchecked).toEqual([
      { kind: "AWS::Nope::Nope", target: null },
      { kind: "AWS::S3::Bucket", target: "Glacier" },
    ]);
  });

  it("reports needs that are not a list", () => {
    expect(resolveServiceNeeds("us-east-1", { kind: "AWS::IoT::Thing" }, catalogue).issues).toEqual([
      { code: "invalid-input", sourceRegion: "us-east-1", params: { field: "services" } },
    ]);
  });
});
