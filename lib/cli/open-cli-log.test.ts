import { describe, expect, it } from "vitest";
import { briefLogLine } from "@/lib/cli/open-cli-log";

describe("log records shown on stderr (--verbose, LOG_LEVEL)", () => {
  it("are one short line each, without the stack trace", () => {
    const record = JSON.stringify({
      level: 40,
      time: "2026-12-01T21:08:39.089Z",
      part: "eu-central-1",
      collector: "iot.jobs",
      err: { type: "AwsOperationError", code: "ServiceUnavailable", operation: "DescribeJob", message: "AWS answered with a server error calling DescribeJob.\nmore", stack: "AwsOperationError: x\n    at toAwsOperationError (/lib/aws/classify-aws-error.ts:248:10)" },
      msg: "collector failed",
    });
    expect(briefLogLine(record)).toBe("21:08:39 WARN collector failed (eu-central-1 · iot.jobs · DescribeJob): ServiceUnavailable AWS answered with a server error calling DescribeJob.\n");
    expect(briefLogLine('{"level":30,"time":"2026-12-01T00:00:01.000Z","msg":"ready"}')).toBe("00:00:01 INFO ready\n");
    expect(briefLogLine("not json")).toBe("not json\n");
  });
});
