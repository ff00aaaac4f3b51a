import { describe, expect, it } from "vitest";
import { RULE_SQL_FUNCTIONS, type FunctionMapping } from "@/lib/mapping/rule-sql/rule-sql-function-table";
import { translateRuleSql } from "@/lib/mapping/rule-sql/translate-rule-sql";
import type { RuleSqlTranslateOptions } from "@/lib/mapping/rule-sql/rule-sql-types";

const V2: RuleSqlTranslateOptions = { sqlVersion: "2016-03-23", awsAccountId: "123456789012" };
const entries = [...RULE_SQL_FUNCTIONS.values()];
const ofKind = (kind: FunctionMapping["rule"]["kind"]) => entries.filter((e) => e.rule.kind === kind).map((e) => [e.aws, e] as const);

/** For each special function: a statement, and the Select (or Where) it must give. */
const SPECIAL: Record<string, { sql: string; select?: string; where?: string; warning?: string }> = {
  topic: { sql: "SELECT topic(2) AS d, topic(1) AS k, topic(4) AS x, topic() AS t FROM 'dt/+/x/+'", select: "deviceName() as d, 'dt' as k, topic(6) as x, topic() as t", warning: "topicFunctionRecomputed" },
  clientid: { sql: "SELECT clientid() AS c FROM 'a/+'", select: "deviceName() as c", warning: "clientIdAsDeviceName" },
  traceid: { sql: "SELECT traceid() AS t FROM 'a/+'", select: "messageId() as t", warning: "traceIdAsMessageId" },
  encode: { sql: "SELECT encode(*, 'base64') AS d FROM 'a/+'", select: "to_base64(*) as d", warning: "binaryPayload" },
  get: { sql: "SELECT get(*, 'temperature') AS t, get(get(a, 'b'), 2) AS u FROM 'a/+'", select: `temperature as t, "a.b[2]" as u`, warning: "arrayPathQuoted" },
  startswith: { sql: "SELECT * FROM 'a/+' WHERE startswith(site, 'bldg-A')", where: "site like 'bldg-A%'", warning: "functionRewritten" },
  sqrt: { sql: "SELECT sqrt(x * x) AS r FROM 'a/+'", select: "power(x * x, 0.5) as r", warning: "functionRewritten" },
  concat: { sql: "SELECT concat(a, '-', b) AS c, concat(a, b) AS d FROM 'a/+'", select: "concat(concat(a, '-'), b) as c, concat(a, b) as d", warning: "semanticsDiffer" },
  parse_time: { sql: "SELECT parse_time('yyyy-MM-dd HH:mm', timestamp(), 'UTC') AS t FROM 'a/+'", select: "timestamp_utc('yyyy-MM-dd HH:mm') as t", warning: "unconfirmed" },
  accountid: { sql: "SELECT accountid() AS a FROM 'a/+'", select: "'123456789012' as a", warning: "constantInlined" },
  sql_version: { sql: "SELECT sql_version() AS v FROM 'a/+'", select: "'2016-03-23' as v", warning: "constantInlined" },
  get_registry_data: { sql: "SELECT get_registry_data(clientid(), 'arn:aws:iam::1:role/r').attributes.site AS s FROM 'a/+'", select: "attribute('site') as s", warning: "semanticsDiffer" },
};

/** Special functions used in a way that has no equivalent: the field is dropped. */
const SPECIAL_DROPPED = [
  "SELECT encode(payload, 'base64') AS d, x FROM 'a/+'",
  "SELECT encode(*, 'hex') AS d, x FROM 'a/+'",
  "SELECT startswith(site, 'b') AS s, x FROM 'a/+'",
  "SELECT parse_time('yyyy', ts) AS t, x FROM 'a/+'",
  "SELECT parse_time('yyyy', timestamp(), 'Asia/Shanghai') AS t, x FROM 'a/+'",
  "SELECT topic(7) AS t, x FROM 'a/+'",
  "SELECT topic(n) AS t, x FROM 'a/+'",
  "SELECT get_registry_data(clientid(), 'r') AS g, x FROM 'a/+'",
  "SELECT get(a, b) AS g, x FROM 'a/+'",
  "SELECT concat() AS c, x FROM 'a/+'",
];

describe("the rule SQL function table", () => {
  it("gives every entry a source, a confidence and what it becomes", () => {
    expect(entries.length).toBeGreaterThan(80);
    for (const e of entries) {
      expect(e.source, e.aws).toMatch(/^https:\/\//);
      expect(["documented", "partial", "unconfirmed"]).toContain(e.confidence);
      expect(e.alibaba.length).toBeGreaterThan(0);
      if (e.rule.kind === "none" || e.rule.kind === "refuse") expect(e.note, e.aws).toBeTruthy();
    }
    // the AWS names named in the brief
    for (const f of ["topic", "clientid", "timestamp", "encode", "get_thing_shadow", "aws_lambda"]) expect(RULE_SQL_FUNCTIONS.has(f)).toBe(true);
  });

  it.each(ofKind("same"))("%s() keeps its name", (name, e) => {
    const r = translateRuleSql(`SELECT ${name}(a, 2) AS r FROM 't/+'`, V2);
    expect(r.status === "translated" && r.select).toBe(`${name}(a, 2) as r`);
    if (e.warning) expect(r.warnings.map((w) => w.code)).toContain(e.warning);
  });

  it.each(ofKind("rename"))("%s() is renamed", (name, e) => {
    const r = translateRuleSql(`SELECT ${name}(a, 2) AS r FROM 't/+'`, V2);
    expect(r.status === "translated" && r.select).toBe(`${e.rule.kind === "rename" ? e.rule.to : "?"}(a, 2) as r`);
  });

  it.each(ofKind("crypto"))("%s() becomes crypto()", (name, e) => {
    const r = translateRuleSql(`SELECT ${name.toUpperCase()}(serial) AS h FROM 't/+'`, V2);
    expect(r.status === "translated" && r.select).toBe(`crypto(serial, '${e.rule.kind === "crypto" ? e.rule.algorithm : "?"}') as h`);
  });

  it.each(ofKind("none"))("%s() has no equivalent: dropped from SELECT, refused in WHERE", (name) => {
    const r = translateRuleSql(`SELECT ${name}(a) AS r, b FROM 't/+'`, V2);
    expect(r.status === "translated" && r.select).toBe("b");
    expect(r.warnings.find((w) => w.code === "fieldDropped")?.construct).toBe(`${name}(a)`);
    const w = translateRuleSql(`SELECT b FROM 't/+' WHERE ${name}(a) = 1`, V2);
    expect(w.status === "untranslatable" && w.reasons.map((x) => x.code)).toEqual(["noEquivalent"]);
  });

  it.each(ofKind("refuse"))("%s() makes the rule untranslatable", (name, e) => {
    const r = translateRuleSql(`SELECT b, ${name}(a, 'x') AS r FROM 't/+'`, V2);
    expect(r.status).toBe("untranslatable");
    const reason = r.status === "untranslatable" ? r.reasons[0] : undefined;
    expect(reason).toMatchObject({ code: "refusedFunction", construct: `${name}(a, 'x')`, position: { column: 11 } });
    expect(reason?.message).toContain(e.note ?? "?");
  });

  it.each(ofKind("special"))("%s() is rewritten", (name) => {
    const c = SPECIAL[name];
    expect(c, `a case for ${name}`).toBeDefined();
    if (!c) return;
    const r = translateRuleSql(c.sql, V2);
    if (r.status !== "translated") throw new Error(JSON.stringify(r.reasons));
    if (c.select !== undefined) expect(r.select).toBe(c.select);
    if (c.where !== undefined) expect(r.where).toBe(c.where);
    if (c.warning) expect(r.warnings.map((w) => w.code)).toContain(c.warning);
  });

  it.each(SPECIAL_DROPPED)("%s drops the field it cannot express", (sql) => {
    const r = translateRuleSql(sql, V2);
    expect(r.status === "translated" && r.select).toBe("x");
    expect(r.warnings.map((w) => w.code)).toContain("fieldDropped");
  });

  it("drops accountid() when the account is not known", () => {
    const r = translateRuleSql("SELECT accountid() AS a, x FROM 't/+'", { sqlVersion: "2016-03-23" });
    expect(r.status === "translated" && r.select).toBe("x");
  });

  it("treats a function it does not know as having no equivalent", () => {
    const r = translateRuleSql("SELECT * FROM 'telemetry/+' WHERE isNumber(temperature)", V2);
    expect(r.status === "untranslatable" && r.reasons[0]?.message).toContain("isNumber() is not an AWS IoT SQL function this translator knows");
  });
});
