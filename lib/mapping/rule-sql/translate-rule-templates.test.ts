import { describe, expect, it } from "vitest";
import { translateRuleSql } from "@/lib/mapping/rule-sql/translate-rule-sql";
import type { RuleSqlTranslation } from "@/lib/mapping/rule-sql/rule-sql-types";

function translated(sql: string, templates: string[]): Extract<RuleSqlTranslation, { status: "translated" }> {
  const r = translateRuleSql(sql, { sqlVersion: "2016-03-23", templates });
  if (r.status !== "translated") throw new Error(JSON.stringify(r.reasons));
  return r;
}

describe("substitution templates in action fields", () => {
  it("selects each expression under an alias and refers to it (the stand-in estate's S3 key and republish topic)", () => {
    const r = translated("SELECT *, topic(2) AS deviceId, timestamp() AS receivedAt FROM 'telemetry/+'", [
      "raw/main/${topic()}/${timestamp()}.json",
      "processed/main/${topic(2)}",
      "${topic(2)}",
    ]);
    expect(r.templates.map((t) => t.template)).toEqual(["raw/main/${tpl_1}/${tpl_2}.json", "processed/main/${tpl_3}", "${tpl_3}"]);
    expect(r.select).toBe("*, deviceName() as deviceId, timestamp() as receivedAt, topic() as tpl_1, timestamp() as tpl_2, deviceName() as tpl_3");
    expect(r.sql).toContain("deviceName() as tpl_3 FROM");
    const first = r.templates[0];
    expect(first?.warnings.map((w) => w.code)).toEqual(["topicFunctionRecomputed", "templateRewritten", "templateRewritten"]);
    expect(first?.warnings[2]?.position).toEqual({ offset: 20, line: 1, column: 21 });
    // template warnings stay with their template
    expect(r.warnings.map((w) => w.code)).not.toContain("templateRewritten");
  });

  it("reads payload fields and SET variables the way AWS does, never the SELECT aliases", () => {
    const r = translated("SET @site = lower(site) SELECT temperature AS site FROM 'a/+'", ["${site}/${@site}/${get(r, 0)}"]);
    expect(r.select).toBe("temperature as site, site as tpl_1, lower(site) as tpl_2, \"r[0]\" as tpl_3");
    expect(r.templates[0]?.template).toBe("${tpl_1}/${tpl_2}/${tpl_3}");
  });

  it("keeps text without templates and skips braces inside quoted strings", () => {
    const r = translated("SELECT * FROM 'a/+'", ["static/topic", "${concat('}', a)}-x"]);
    expect(r.templates.map((t) => t.template)).toEqual(["static/topic", "${tpl_1}-x"]);
    expect(r.templates[0]?.warnings).toEqual([]);
    expect(r.select).toBe("*, concat('}', a) as tpl_1");
  });

  it("avoids aliases the SELECT already uses", () => {
    const r = translated("SELECT a AS tpl_1 FROM 'a/+'", ["${b}"]);
    expect(r.select).toBe("a as tpl_1, b as tpl_2");
  });

  it("reports a template it cannot express, and still translates the rule and the other templates", () => {
    const r = translated("SELECT * FROM 'a/+'", ["rule-errors/${ruleName()}/${timestamp()}", "${a +}", "x/${topic(2)", "ok/${newuuid()}", "${aws_lambda('f', *)}"]);
    expect(r.templates.map((t) => t.template)).toEqual([null, null, null, "ok/${tpl_1}", null]);
    expect(r.templates.map((t) => t.reasons.map((x) => x.code))).toEqual([["noEquivalent"], ["templateInvalid"], ["templateInvalid"], [], ["refusedFunction"]]);
    expect(r.templates[1]?.reasons[0]).toMatchObject({ position: { offset: 5, column: 6 } });
    expect(r.templates[1]?.reasons[0]?.message).toContain("In ${a +}");
    expect(r.templates[2]?.reasons[0]?.message).toContain("never closed");
    expect(r.select).toBe("*, newuuid() as tpl_1");
  });

  it("makes a BINARY rule untranslatable when a template reads a payload field", () => {
    const r = translateRuleSql("SELECT encode(*, 'base64') AS d FROM 'raw/+/bin'", { sqlVersion: "2016-03-23", templates: ["${serial}"] });
    expect(r.status === "untranslatable" && r.reasons.map((x) => x.code)).toEqual(["binaryReadsPayload"]);
    const ok = translated("SELECT encode(*, 'base64') AS d FROM 'raw/+/bin'", ["${topic(2)}", "${serial}/${ruleName()}"]);
    expect(ok.dataType).toBe("BINARY");
    // a template that fails adds nothing, so its payload field does not count
    expect(ok.select).toBe("to_base64(*) as d, deviceName() as tpl_1");
  });
});
