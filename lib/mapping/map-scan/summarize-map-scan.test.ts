import { describe, expect, it } from "vitest";
import type { Proposal } from "@/lib/mapping/map-scan/map-scan-types";
import { summarizeMapScan } from "@/lib/mapping/map-scan/summarize-map-scan";

const proposal = (kind: string, status: Proposal["status"], targetResources: Record<string, number> = {}): Proposal => ({
  arn: `arn:${kind}:${status}`,
  kind,
  name: "n",
  status,
  target: null,
  rosType: null,
  fit: null,
  properties: {},
  reasons: [],
  targetResources,
});

describe("summarizeMapScan", () => {
  it("counts statuses overall and per kind, and sums targets with sorted keys", () => {
    const summary = summarizeMapScan(
      [
        proposal("AWS::SQS::Queue", "decision"),
        proposal("AWS::IoT::Thing", "mapped", { "ALIYUN::IOT::Device": 1 }),
        proposal("AWS::IoT::Thing", "blocked"),
        proposal("AWS::IoT::TopicRule", "mapped", { "ALIYUN::IOT::Rule": 1, "ALIYUN::IOT::RuleAction": 2 }),
      ],
      { "ALIYUN::IOT::Product": 1, "ALIYUN::IOT::RuleAction": 1, Zero: 0 },
    );
    expect(Object.keys(summary)).toEqual(["coverage", "byKind", "targets"]);
    expect(summary.coverage).toEqual({ mapped: 2, decision: 1, none: 0, blocked: 1 });
    expect(Object.keys(summary.byKind)).toEqual(["AWS::IoT::Thing", "AWS::IoT::TopicRule", "AWS::SQS::Queue"]);
    expect(summary.byKind["AWS::IoT::Thing"]).toEqual({ mapped: 1, decision: 0, none: 0, blocked: 1 });
    expect(summary.targets).toEqual({ "ALIYUN::IOT::Device": 1, "ALIYUN::IOT::Product": 1, "ALIYUN::IOT::Rule": 1, "ALIYUN::IOT::RuleAction": 3 });
    expect(Object.keys(summary.targets)).toEqual([...Object.keys(summary.targets)].sort());
  });

  it("gives zeros for an empty scan", () => {
    expect(summarizeMapScan([])).toEqual({ coverage: { mapped: 0, decision: 0, none: 0, blocked: 0 }, byKind: {}, targets: {} });
  });
});
