import { describe, expect, it } from "vitest";
import { generateEstate } from "@/doubles/aws/estate";
import type { RegionEstate } from "@/doubles/aws/estate-types";
import { translateRuleSqlBatch, type RuleSqlInput } from "@/lib/mapping/rule-sql/translate-rule-sql-batch";

/** The stand-in estate's topic rules as the collector stores them (raw.rule: ruleName, sql, awsIotSqlVersion). */
function estateRules(): RuleSqlInput[] {
  const estate = generateEstate({ seed: 7, regions: ["eu-central-1"], thingsPerRegion: 60_000 });
  const region = estate.byRegion["eu-central-1"] as RegionEstate;
  return region.iot.topicRules.map((r) => {
    const raw = { rule: { ruleName: r.name, sql: r.sql, awsIotSqlVersion: r.sqlVersion, actions: r.actions } };
    return { name: raw.rule.ruleName, sql: raw.rule.sql, sqlVersion: raw.rule.awsIotSqlVersion, templates: templateFields(raw.rule.actions) };
  });
}

/** Every string in the actions that holds a substitution template, in document order. */
function templateFields(value: unknown): string[] {
  if (typeof value === "string") return value.includes("${") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(templateFields);
  if (value && typeof value === "object") return Object.values(value).flatMap(templateFields);
  return [];
}

describe("translateRuleSqlBatch on the stand-in estate", () => {
  const rules = estateRules();
  const results = translateRuleSqlBatch(rules, { awsAccountId: "123456789012" });
  const byName = new Map(results.map((r) => [r.name, r.result]));

  it("parses every rule of the estate and translates those that have an equivalent", () => {
    expect(rules.length).toBeGreaterThan(30);
    expect(results.filter((r) => r.result.status === "invalid")).toEqual([]);
    expect(byName.get("telemetry_to_s3")).toMatchObject({
      status: "translated",
      select: expect.stringMatching(/^\*, deviceName\(\) as deviceId, timestamp\(\) as receivedAt(, |$)/),
      topic: { topicType: 1, shortTopic: "+/user/telemetry" },
    });
    expect(byName.get("telemetry_to_dynamodb")).toMatchObject({ status: "translated", select: expect.stringMatching(/^temperature, humidity, deviceName\(\) as deviceId(, |$)/) });
    expect(byName.get("telemetry_to_firehose")).toMatchObject({ status: "translated", topic: { shortTopic: "+/user/telemetry/#" } });
    expect(byName.get("alerts_to_sqs")).toMatchObject({ status: "translated", where: "severity >= 3" });
    expect(byName.get("processed_republish")).toMatchObject({ status: "translated", select: expect.stringMatching(/^temperature as t(, |$)/) });
    expect(byName.get("onboarding_step_functions")).toMatchObject({ status: "translated", select: expect.stringMatching(/^deviceName, utcTime(, |$)/), topic: { topicType: 2 } });
    const site = results.find((r) => r.name.startsWith("site_") && r.result.status === "translated");
    expect(site?.result.status === "translated" && site.result.topic.shortTopic).toMatch(/^\+\/user\/site\/[a-z_0-9]+\/telemetry$/);
  });

  it("rewrites the actions' substitution templates to read the rule's result", () => {
    const republish = byName.get("processed_republish");
    expect(republish?.status === "translated" && republish.templates.map((t) => t.template)).toEqual(["processed/main/${tpl_1}"]);
    expect(republish?.status === "translated" && republish.select).toBe("temperature as t, deviceName() as tpl_1");
    const s3 = byName.get("telemetry_to_s3");
    expect(s3?.status === "translated" && s3.templates.map((t) => t.template)).toEqual(["raw/main/${tpl_1}/${tpl_2}.json", "${tpl_3}"]);
    expect(s3?.status === "translated" && s3.select).toBe("*, deviceName() as deviceId, timestamp() as receivedAt, topic() as tpl_1, timestamp() as tpl_2, deviceName() as tpl_3");
    const timestream = byName.get("telemetry_to_timestream");
    expect(timestream?.status === "translated" && timestream.templates.map((t) => t.template)).toEqual(["${tpl_1}", "${tpl_2}"]);
  });

  it("reports the rules with no equivalent, with their reasons", () => {
    const metric = byName.get("temperature_metric");
    expect(metric?.status === "untranslatable" && metric.reasons.map((r) => r.code)).toEqual(["noEquivalent"]);
    const registry = byName.get("errors_to_cloudwatch_logs");
    expect(registry?.status === "untranslatable" && registry.reasons.map((r) => r.code)).toEqual(["unsupportedTopic"]);
  });
});

describe("translateRuleSqlBatch with malformed rules among good ones", () => {
  const garbage = Array.from({ length: 100_000 }, (_, i) => "SELECT*,'()[]{}<>=+-#@!$%^&;:?~\\"[i % 32]).join("");
  const rules: RuleSqlInput[] = [
    { name: "good_one", sql: "SELECT * FROM 'telemetry/+'", sqlVersion: "2016-03-23", templates: ["things/${topic(2)}/inbox"] },
    { name: "unterminated", sql: "SELECT * FROM 'telemetry/+ WHERE a > 1", sqlVersion: "2016-03-23" },
    { name: "no_from", sql: "SELECT temperature, humidity", sqlVersion: "2016-03-23" },
    { name: "unknown_token", sql: "SELECT temperature FROM 'a/+' WHERE a ~ 1" },
    { name: "deep", sql: `SELECT * FROM 'a/+' WHERE ${"(".repeat(20_000)}1${")".repeat(20_000)} = 1` },
    { name: "garbage", sql: garbage },
    { name: "not_text", sql: 42 },
    { name: "missing", sql: undefined },
    { name: "bad_version", sql: "SELECT * FROM 'a/+'", sqlVersion: "2020-01-01" },
    { name: "odd_version", sql: "SELECT * FROM 'a/+'", sqlVersion: 7 },
    { name: "good_two", sql: "SELECT temp FROM 'alerts/+' WHERE temp > 3" },
  ];
  const results = translateRuleSqlBatch(rules);

  it("gives each bad rule a clear error with its position and translates the rest", () => {
    expect(results.map((r) => r.name)).toEqual(rules.map((r) => r.name));
    const status = Object.fromEntries(results.map((r) => [r.name, r.result.status === "invalid" ? r.result.error.code : r.result.status]));
    expect(status).toEqual({
      good_one: "translated",
      unterminated: "unterminatedString",
      no_from: "missingFrom",
      unknown_token: "unknownCharacter",
      deep: "tooDeep",
      garbage: expect.stringMatching(/^(unexpectedToken|unknownCharacter|unterminatedString)$/),
      not_text: "emptyStatement",
      missing: "emptyStatement",
      bad_version: "unknownSqlVersion",
      odd_version: "unknownSqlVersion",
      good_two: "translated",
    });
    const good = results[0]?.result;
    expect(good?.status === "translated" && good.templates[0]?.template).toBe("things/${tpl_1}/inbox");
    const unterminated = results[1]?.result;
    expect(unterminated?.status === "invalid" && unterminated.error).toMatchObject({ position: { offset: 14, line: 1, column: 15 } });
    expect(unterminated?.status === "invalid" && unterminated.error.message).toContain("never closed");
    const noFrom = results[2]?.result;
    expect(noFrom?.status === "invalid" && noFrom.error.position).toEqual({ offset: 28, line: 1, column: 29 });
    const tilde = results[3]?.result;
    expect(tilde?.status === "invalid" && tilde.error.message).toContain('"~"');
    for (const r of results) if (r.result.status === "invalid") expect(r.result.error.code).not.toBe("internal");
  });
});
