import { describe, expect, it } from "vitest";
import { formatScanSummary, groupProblems } from "@/lib/cli/format-scan-summary";
import { NO_ESTIMATE, progressDetail, timeLeftText } from "@/lib/cli/progress-detail";
import type { ScanResult } from "@/lib/cli/scan-command";

const tagsFailed = (region: string, arn: string) => ({
  region,
  code: "ServiceUnavailable",
  operation: "ListTagsForResource",
  collector: "iot.thing-groups",
  message: `AWS answered with a server error calling ListTagsForResource after every retry (${arn}).`,
});

describe("the summary of a scan on a terminal", () => {
  const result: ScanResult = {
    scanId: "scan-1",
    status: "partial",
    counts: { "eu-central-1": { "AWS::IoT::Thing": 1200, "AWS::IoT::Policy": 0 }, global: { "AWS::IAM::Role": 3 } },
    errors: [
      ...Array.from({ length: 24 }, (_, i) => tagsFailed(i % 2 ? "us-east-1" : "eu-central-1", `arn:group/${i}`)),
      { region: "eu-central-1", code: "MalformedPolicy", operation: "GetPolicyVersion", collector: "iot.policies", message: "Policy p version 2 is not valid JSON." },
      { region: "us-east-1", code: "ServiceUnavailable", operation: null, collector: "iot.jobs", message: "AWS answered with a server error calling DescribeJob after every retry." },
    ],
  };

  it("groups problems by code and operation, largest first, with a count and the regions", () => {
    const groups = groupProblems(result.errors);
    expect(groups.map((g) => [g.count, g.code, g.operation, g.regions])).toEqual([
      [24, "ServiceUnavailable", "ListTagsForResource", ["eu-central-1", "us-east-1"]],
      [1, "MalformedPolicy", "GetPolicyVersion", ["eu-central-1"]],
      // No operation recorded: the collector it came from.
      [1, "ServiceUnavailable", "iot.jobs", ["us-east-1"]],
    ]);
    expect(groups[0]!.otherMessages).toBe(23);
  });

  it("counts a gap (one entry for many resources) by its count and regions", () => {
    const groups = groupProblems([
      { region: "eu-central-1", code: "ServiceUnavailable", operation: "ListTagsForResource", collector: "iot.thing-groups", message: "99 resources were stored without their tags.", count: 99, regions: ["eu-central-1", "us-east-1"] },
      { region: "us-east-1", code: "ServiceUnavailable", operation: "ListTagsForResource", collector: "iot.policies", message: "3 resources were stored without their tags.", count: 3, regions: ["us-east-1"] },
    ]);
    expect(groups.map((g) => [g.count, g.operation, g.regions])).toEqual([[102, "ListTagsForResource", ["eu-central-1", "us-east-1"]]]);
  });

  it("prints one line per group, not per problem, and names the log file", () => {
    const text = formatScanSummary(result, { logFile: "/data/logs/scan-1.log" });
    expect(text).toContain("Scan scan-1: partial");
    expect(text).toContain("  eu-central-1: 1,200 resources");
    expect(text).not.toContain("AWS::IoT::Policy");
    expect(text).toContain("26 problems of 3 kinds:");
    expect(text).toMatch(/^ {2}24 × ServiceUnavailable · ListTagsForResource {2}\(eu-central-1, us-east-1\)$/m);
    expect(text).toMatch(/\(and 23 other messages\)$/m);
    expect(text.match(/ListTagsForResource after every retry/g)).toHaveLength(1);
    expect(text.trimEnd().endsWith("Log: /data/logs/scan-1.log")).toBe(true);
  });

  it("shows a refusal's whole message", () => {
    const text = formatScanSummary(
      { scanId: null, status: "failed", counts: {}, errors: [{ region: "all", code: "ConfigError", message: "Silkroute cannot start: invalid configuration\n  - PORT: too big" }] },
      { logFile: null },
    );
    expect(text).toContain("Scan (not started): failed");
    expect(text).toContain("1 problem:");
    expect(text).toContain("PORT: too big");
    expect(text).not.toContain("Log:");
  });
});

describe("the progress bars' text", () => {
  it("says — until the time left can be estimated, never INF or NaN", () => {
    expect(timeLeftText({ status: "running", secondsLeft: null })).toBe(NO_ESTIMATE);
    expect(timeLeftText({ status: "pending", secondsLeft: Number.POSITIVE_INFINITY })).toBe(NO_ESTIMATE);
    expect(timeLeftText({ status: "running", secondsLeft: Number.NaN })).toBe(NO_ESTIMATE);
    expect(timeLeftText({ status: "running", secondsLeft: 41.2 })).toBe("~42 s left");
    expect(timeLeftText({ status: "running", secondsLeft: 600 })).toBe("~10 min left");
    expect(timeLeftText({ status: "done", secondsLeft: 0 })).toBe("done");
  });

  it("fits an 80-column terminal, naming throttles and problems only when there are some", () => {
    expect(progressDetail({ status: "running", secondsLeft: null, found: 1234, calls: 56, throttles: 0, errors: 0 })).toBe("1,234 found · 56 calls · —");
    const busy = progressDetail({ status: "running", secondsLeft: 3600, found: 100_000, calls: 12_345, throttles: 12, errors: 1 });
    expect(busy).toBe("100,000 found · 12,345 calls · 12 throttled · 1 problem · ~60 min left");
    // A bar as drawn: " {region padded to 14} {10-character bar} {detail}".
    const typical = progressDetail({ status: "running", secondsLeft: 42, found: 12_345, calls: 2_345, throttles: 0, errors: 3 });
    expect(` ${"ap-southeast-1"} ${"░".repeat(10)} ${typical}`.length).toBeLessThanOrEqual(80);
  });
});
