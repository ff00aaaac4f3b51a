import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { chooseCatalogueTarget } from "@/lib/mapping/map-scan/choose-catalogue-target";
import { indexScanRelations } from "@/lib/mapping/map-scan/index-scan-relations";
import type { ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { mapTopicRules } from "@/lib/mapping/map-scan/map-topic-rules";
import { updateNameMap } from "@/lib/mapping/names/update-name-map";

const catalogue = readCurrentCatalogueSeed();
const entry = catalogue.entries.find((e) => e.kind === "AWS::IoT::TopicRule");
const choice = chooseCatalogueTarget("AWS::IoT::TopicRule", entry, { chosen: "IoT Platform rule (data forwarding, old version)", targetRegion: "cn-shanghai" });

const rule = (name: string, body: Record<string, unknown> | null): ScanResource => ({
  kind: "AWS::IoT::TopicRule",
  arn: `arn:aws:iot:eu-central-1:1:rule/${name}`,
  name,
  region: "eu-central-1",
  tags: {},
  raw: body === null ? null : { rule: { ruleName: name, awsIotSqlVersion: "2016-03-23", ...body } },
});

function map(rules: ScanResource[]) {
  const names = updateNameMap({ kind: "rule", originals: rules.map((r) => r.name) });
  return mapTopicRules({ rules, ruleNames: new Map(names.entries.map((e) => [e.original, e])), relations: indexScanRelations([]), catalogue, choice });
}

describe("mapTopicRules", () => {
  it("blocks SQL that Alibaba's rule engine cannot express, with the translator's reasons", () => {
    const [inline] = map([rule("lambda_inline", { sql: "SELECT VALUE aws_lambda('arn:aws:lambda:eu-west-1:1:function:f', *) FROM 'dt/+/telemetry'", actions: [{ lambda: { functionArn: "f" } }] })]);
    expect(inline?.status).toBe("blocked");
    expect(inline?.reasons[0]?.code).toMatch(/^sql\./);
    expect(inline?.properties.sql).toMatchObject({ translated: null });
    expect(inline?.targetResources).toEqual({});
  });

  it("keeps the error action, notes a disabled rule and counts the rule actions", () => {
    const [r] = map([
      rule("alerts", {
        sql: "SELECT * FROM 'alerts/+'",
        ruleDisabled: true,
        actions: [{ sqs: { queueUrl: "q" } }, { kinesis: { streamName: "s" } }],
        errorAction: { sns: { targetArn: "t" } },
      }),
    ]);
    expect(r?.status).toBe("mapped");
    expect(r?.properties.actions).toEqual([
      { original: "sqs", alibaba: "MNS", fit: "equivalent", errorAction: false },
      { original: "kinesis", alibaba: "DATAHUB", fit: "equivalent", errorAction: false },
      { original: "sns", alibaba: "MNS", fit: "equivalent", errorAction: true },
    ]);
    const codes = r?.reasons.map((x) => x.code) ?? [];
    expect(codes).toContain("rule-disabled");
    expect(codes).toContain("error-action");
    expect(r?.targetResources).toEqual({ "ALIYUN::IOT::Rule": 1, "ALIYUN::IOT::RuleAction": 3 });
  });

  it("asks for a decision over more than 10 actions and over an action type it does not know", () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ lambda: { functionArn: `f${i}` } }));
    const [big, odd] = map([
      rule("big", { sql: "SELECT * FROM 'a/+'", actions: many }),
      rule("odd", { sql: "SELECT * FROM 'a/+'", actions: [{ quantumLink: { target: "x" } }] }),
    ]);
    expect(big?.status).toBe("decision");
    expect(big?.reasons.map((r) => r.code)).toContain("too-many-actions");
    expect(odd?.status).toBe("decision");
    expect(odd?.reasons.map((r) => r.code)).toContain("action-unknown");
  });

  it("translates action templates with the SQL", () => {
    const [r] = map([rule("republish", { sql: "SELECT * FROM 'dt/+/telemetry'", actions: [{ republish: { topic: "out/${topic(2)}" } }] })]);
    expect(r?.properties.templates).toEqual([{ original: "out/${topic(2)}", translated: expect.any(String) }]);
  });

  it("blocks a rule without SQL and a rule whose record is unreadable, and the rest maps", () => {
    const [a, b, c] = map([rule("a_listed_only", { topicPattern: "x" }), rule("b_unreadable", null), rule("c_good", { sql: "SELECT * FROM 'a/+'", actions: [] })]);
    expect(a?.status).toBe("blocked");
    expect(a?.reasons[0]?.code).toBe("sql.emptyStatement");
    expect(b).toMatchObject({ status: "blocked", reasons: [{ code: "unreadable-record" }] });
    expect(c?.status).toBe("mapped");
  });
});
