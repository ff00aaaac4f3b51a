import { describe, expect, it } from "vitest";
import { groupIssues } from "@/lib/inventory/group-scan-issues";

const row = (id: number, over: Partial<Parameters<typeof groupIssues>[0][number]> = {}) => ({
  id: BigInt(id),
  region: "eu-central-1",
  collectorId: "iot.thing-types",
  severity: "warning",
  code: "ServiceUnavailable",
  message: "m",
  operation: "ListTagsForResource",
  arn: null,
  count: 1,
  gap: true,
  ...over,
});

describe("groupIssues", () => {
  it("folds the gaps of one operation and code into one issue for the scan, and leaves other issues as they are", () => {
    const issues = groupIssues([
      row(1, { count: 3, arn: "arn:a" }),
      row(2, { code: "MalformedPolicy", operation: "GetPolicy", gap: false, arn: "arn:p" }),
      row(3, { region: "us-east-1", collectorId: "iot.policies", count: 4 }),
      row(4, { collectorId: "sns.topics", count: 2 }),
      row(5, { code: "OperationNotOffered", operation: "DescribeThingGroup", count: 7 }),
      row(6, { code: "MalformedPolicy", operation: "GetPolicy", gap: false, arn: "arn:q" }),
    ]);
    expect(issues.map((i) => [i.id, i.code, i.operation, i.count])).toEqual([
      ["1", "ServiceUnavailable", "ListTagsForResource", 9],
      ["2", "MalformedPolicy", "GetPolicy", 1],
      ["5", "OperationNotOffered", "DescribeThingGroup", 7],
      ["6", "MalformedPolicy", "GetPolicy", 1],
    ]);
    expect(issues[0]).toMatchObject({ regions: ["eu-central-1", "us-east-1"], collectorIds: ["iot.thing-types", "iot.policies", "sns.topics"], arn: "arn:a" });
  });
});
