import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { checkTargetRegionChange } from "@/lib/mapping/regions/check-target-region-change";
import type { CheckTargetRegionChangeInput, ResidencyRule, ServiceNeed } from "@/lib/mapping/regions/region-types";

const catalogue = readCurrentCatalogueSeed();

const BEIJING_ESTATE: ServiceNeed[] = [
  { kind: "AWS::IoT::Thing" },
  { kind: "AWS::IoT::TopicRule" },
  { kind: "AWS::DynamoDB::Table" },
  { kind: "AWS::Lambda::Function" },
];
const FRANKFURT_ESTATE: ServiceNeed[] = [{ kind: "AWS::IoT::Thing" }, { kind: "AWS::IoT::TopicRule" }, { kind: "AWS::DynamoDB::Table" }];
const EU_DATA_IN_EEA: ResidencyRule = { id: "GDPR-01", appliesTo: { sourceAreas: ["EU"] }, keepWithin: ["EEA"], strength: "required" };

function check(input: Partial<CheckTargetRegionChangeInput>) {
  return checkTargetRegionChange({
    sourceRegion: "eu-central-1",
    currentRegion: "eu-central-1",
    newRegion: "eu-central-1",
    services: FRANKFURT_ESTATE,
    catalogue,
    constraints: { world: "international" },
    ...input,
  });
}

describe("checkTargetRegionChange", () => {
  it("reports nothing for a change within mainland China where every target is listed", () => {
    const report = check({ sourceRegion: "cn-north-1", currentRegion: "cn-beijing", newRegion: "cn-shanghai", services: BEIJING_ESTATE, constraints: { world: "mainland-china" } });
    expect(report).toEqual({ sourceRegion: "cn-north-1", from: "cn-beijing", to: "cn-shanghai", safe: true, findings: [], issues: [] });
  });

  it("reports each needed service the new region does not offer, with its kind, target and former availability", () => {
    const report = check({ newRegion: "eu-west-1" });
    expect(report.safe).toBe(false);
    expect(report.findings).toEqual([
      {
        code: "service-not-offered",
        severity: "break",
        params: { kind: "AWS::IoT::Thing", target: "IoT Platform (Enterprise instance)", region: "eu-west-1", before: "offered" },
      },
      {
        code: "service-not-offered",
        severity: "break",
        params: { kind: "AWS::IoT::TopicRule", target: "IoT Platform rule (data forwarding, old version)", region: "eu-west-1", before: "offered" },
      },
    ]);
  });

  it("reports data leaving the EEA: a break under a required rule, a warning under a preference", () => {
    const services = [{ kind: "AWS::DynamoDB::Table" }];
    const required = check({ newRegion: "eu-west-1", services, constraints: { world: "international", residency: [EU_DATA_IN_EEA] } });
    expect(required.safe).toBe(false);
    expect(required.findings).toEqual([
      {
        code: "residency-left",
        severity: "break",
        params: { rule: "GDPR-01", strength: "required", keepWithin: ["EEA"], from: "eu-central-1", to: "eu-west-1", keptBefore: true },
      },
    ]);
    const preferred = check({ newRegion: "eu-west-1", services, constraints: { world: "international", residency: [{ ...EU_DATA_IN_EEA, strength: "preferred" }] } });
    expect(preferred.safe).toBe(true);
    expect(preferred.findings.map((f) => [f.code, f.severity])).toEqual([["residency-left", "warning"]]);
  });

  it("says a move between mainland China and international needs the other account world", () => {
    const report = check({ newRegion: "cn-shanghai", constraints: { world: "either" } });
    expect(report.findings).toContainEqual({
      code: "world-change",
      severity: "warning",
      params: { from: "eu-central-1", to: "cn-shanghai", fromWorld: "international", toWorld: "mainland-china" },
    });
    expect(report.safe).toBe(true);
    const constrained = check({ newRegion: "cn-shanghai", constraints: { world: "international" } });
    expect(constrained.safe).toBe(false);
    expect(constrained.findings[0]).toEqual({
      code: "outside-world-constraint",
      severity: "break",
      params: { region: "cn-shanghai", world: "mainland-china", allowed: "international" },
    });
    expect(constrained.findings.map((f) => f.code)).toContain("world-change");
  });

  it("warns, without breaking, about services whose availability in the new region is unverified", () => {
    const report = check({ newRegion: "us-east-1", services: [{ kind: "AWS::IoT::Thing" }, { kind: "AWS::S3::Bucket" }, { kind: "AWS::Lambda::Function" }] });
    expect(report.safe).toBe(true);
    expect(report.findings).toEqual([
      { code: "availability-incomplete", severity: "warning", params: { kind: "AWS::Lambda::Function", target: "Function Compute", region: "us-east-1", before: "incomplete" } },
      { code: "availability-unknown", severity: "warning", params: { kind: "AWS::S3::Bucket", target: "Object Storage Service (OSS)", region: "us-east-1", before: "unknown" } },
    ]);
  });

  it("checks the target the plan chose, not the kind's first", () => {
    const services = [{ kind: "AWS::IoT::Certificate", target: "X.509 device certificate (IoT Platform)" }];
    const report = check({ sourceRegion: "cn-north-1", currentRegion: "cn-shanghai", newRegion: "cn-beijing", services, constraints: { world: "mainland-china" } });
    expect(report.findings).toEqual([
      {
        code: "service-not-offered",
        severity: "break",
        params: { kind: "AWS::IoT::Certificate", target: "X.509 device certificate (IoT Platform)", region: "cn-beijing", before: "offered" },
      },
    ]);
  });

  it("refuses unknown or closed regions and bad constraints with one issue each", () => {
    expect(check({ newRegion: "eu-moon-1" }).issues).toEqual([
      { code: "unknown-target-region", sourceRegion: "eu-central-1", params: { field: "newRegion", region: "eu-moon-1" } },
    ]);
    const closed = check({ sourceRegion: "ap-southeast-2", currentRegion: "ap-southeast-1", newRegion: "ap-southeast-2" });
    expect(closed.safe).toBe(false);
    expect(closed.issues).toEqual([{ code: "closed-target-region", sourceRegion: "ap-southeast-2", params: { region: "ap-southeast-2" } }]);
    expect(closed.findings).toEqual([]);
    const unknownSource = check({ sourceRegion: "zz-nowhere-9", newRegion: "us-east-1" });
    expect(unknownSource.issues.map((i) => i.code)).toEqual(["unknown-source-region"]);
    const badConstraints = check({ newRegion: "us-east-1", constraints: { world: "mars" } as never });
    expect(badConstraints.issues).toEqual([{ code: "invalid-input", sourceRegion: null, params: { field: "constraints.world" } }]);
    expect(badConstraints.safe).toBe(false);
  });

  it("treats inherited property names as unknown regions and refuses a missing input or catalogue", () => {
    const hostile = check({ sourceRegion: "constructor", currentRegion: "__proto__", newRegion: "toString" });
    expect(hostile.issues.map((i) => i.code)).toEqual(["unknown-source-region", "unknown-target-region", "unknown-target-region"]);
    expect(hostile.safe).toBe(false);
    expect(checkTargetRegionChange(undefined as never).issues).toEqual([{ code: "invalid-input", sourceRegion: null, params: { field: "input" } }]);
    const noCatalogue = check({ newRegion: "us-east-1", catalogue: null as never });
    expect(noCatalogue.issues).toEqual([{ code: "invalid-input", sourceRegion: "eu-central-1", params: { field: "catalogue" } }]);
    expect(noCatalogue.safe).toBe(false);
  });

  it("reports unknown kinds and empty needs, checks the rest, and never calls such a change safe", () => {
    const report = check({ newRegion: "us-east-1", services: [{ kind: "AWS::Made::Up" }, { kind: "AWS::IoT::Thing" }] });
    expect(report.issues).toEqual([{ code: "unknown-kind", sourceRegion: "eu-central-1", params: { kind: "AWS::Made::Up" } }]);
    expect(report.findings).toEqual([]);
    expect(report.safe).toBe(false);
    const empty = check({ newRegion: "us-east-1", services: [] });
    expect(empty.issues).toEqual([{ code: "no-needs", sourceRegion: "eu-central-1", params: { sourceRegion: "eu-central-1" } }]);
    expect(empty.safe).toBe(false);
  });

  it("returns the same report whatever the order of the services", () => {
    const services = [{ kind: "AWS::S3::Bucket" }, { kind: "AWS::IoT::Thing" }, { kind: "AWS::Lambda::Function" }, { kind: "AWS::DynamoDB::Table" }];
    const constraints = { world: "either" as const, residency: [EU_DATA_IN_EEA] };
    const a = check({ newRegion: "cn-hongkong", services, constraints });
    const b = check({ newRegion: "cn-hongkong", services: [...services].reverse(), constraints });
    expect(b).toEqual(a);
    expect(a.findings.slice(0, 2).every((f) => f.severity === "break")).toBe(true);
    expect(a.findings.map((f) => f.code)).toEqual(["residency-left", "service-not-offered", "availability-unknown"]);
  });
});
