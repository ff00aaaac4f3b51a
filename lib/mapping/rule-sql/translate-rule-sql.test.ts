import { describe, expect, it } from "vitest";
import { MAX_SELECT_FIELDS, translateRuleSql } from "@/lib/mapping/rule-sql/translate-rule-sql";
import { BLOCK_CODES, RuleSqlParseError, WARNING_CODES, type RuleSqlTranslateOptions, type RuleSqlTranslation } from "@/lib/mapping/rule-sql/rule-sql-types";

const V2: RuleSqlTranslateOptions = { sqlVersion: "2016-03-23" };

function translated(sql: string, options: RuleSqlTranslateOptions = V2): Extract<RuleSqlTranslation, { status: "translated" }> {
  const r = translateRuleSql(sql, options);
  if (r.status !== "translated") throw new Error(`expected a translation of ${sql}, got ${JSON.stringify(r.reasons)}`);
  return r;
}
function refused(sql: string, options: RuleSqlTranslateOptions = V2): Extract<RuleSqlTranslation, { status: "untranslatable" }> {
  const r = translateRuleSql(sql, options);
  if (r.status !== "untranslatable") throw new Error(`expected ${sql} to be untranslatable, got ${r.sql}`);
  return r;
}
const codes = (r: RuleSqlTranslation) => r.warnings.map((w) => w.code);

describe("translateRuleSql: the worked examples of the research note", () => {
  it("1. telemetry to storage", () => {
    const r = translated("SELECT *, topic(2) AS thing, timestamp() AS ts FROM 'dt/+/telemetry'");
    expect(r).toMatchObject({
      select: "*, deviceName() as thing, timestamp() as ts",
      where: "",
      topic: { topicType: 1, shortTopic: "+/user/dt/telemetry" },
      dataType: "JSON",
      sql: 'SELECT *, deviceName() as thing, timestamp() as ts FROM "/${productKey}/+/user/dt/telemetry"',
    });
    expect(codes(r)).toEqual(["topicRestructured", "topicFunctionRecomputed"]);
  });

  it("2. alert with startswith and a double-quoted string", () => {
    const r = translated(`SELECT topic(2) AS dev, temperature, upper(status) AS st FROM 'env/+/data' WHERE temperature > 38 AND startswith(site, "bldg-A")`);
    expect(r.select).toBe("deviceName() as dev, temperature, upper(status) as st");
    expect(r.where).toBe("temperature > 38 and site like 'bldg-A%'");
    expect(r.topic.shortTopic).toBe("+/user/env/data");
    expect(codes(r)).toEqual(expect.arrayContaining(["doubleQuotedString", "functionRewritten"]));
  });

  it("4. shadow update read from the thing model", () => {
    const r = translated("SELECT state.reported.temp AS t, topic(3) AS thing FROM '$aws/things/+/shadow/update/accepted' WHERE state.reported.temp > 30");
    expect(r.select).toBe("items.temp.value as t, deviceName() as thing");
    expect(r.where).toBe("items.temp.value > 30");
    expect(r.topic).toEqual({ topicType: 0, shortTopic: "+/thing/event/property/post", topic: "/${productKey}/+/thing/event/property/post" });
    expect(codes(r)).toEqual(expect.arrayContaining(["reservedTopicMapped", "payloadFieldMapped"]));
  });

  it("5. binary payload", () => {
    const r = translated("SELECT encode(*,'base64') AS data, topic(2) AS thing, timestamp() AS ts FROM 'raw/+/bin'");
    expect(r.select).toBe("to_base64(*) as data, deviceName() as thing, timestamp() as ts");
    expect(r.dataType).toBe("BINARY");
    expect(r.topic.shortTopic).toBe("+/user/raw/bin");
    expect(codes(r)).toContain("binaryPayload");
  });

  it("6. CASE and arrays", () => {
    const r = translated("SELECT CASE code WHEN 0 THEN 'ok' ELSE 'err' END AS level, get(r, 0).v AS first FROM 'st/+/x'");
    expect(r.select).toBe(`CASE code WHEN 0 THEN 'ok' ELSE 'err' END as level, "r[0].v" as first`);
    expect(codes(r)).toContain("arrayPathQuoted");
  });
});

describe("translateRuleSql: expressions", () => {
  it("keeps WHERE precedence, bracketing where the tree needs it", () => {
    expect(translated("SELECT * FROM 'a/+' WHERE a = 1 OR b = 2 AND c = 3").where).toBe("a = 1 or (b = 2 and c = 3)");
    expect(translated("SELECT * FROM 'a/+' WHERE (a = 1 OR b = 2) AND c = 3").where).toBe("(a = 1 or b = 2) and c = 3");
    expect(translated("SELECT * FROM 'a/+' WHERE a = 1 OR b = 2 OR c = 3").where).toBe("a = 1 or b = 2 or c = 3");
    expect(translated("SELECT * FROM 'a/+' WHERE a = 1 AND b = 2 AND c = 3 OR d").where).toBe("(a = 1 and b = 2 and c = 3) or d");
    expect(translated("SELECT * FROM 'a/+' WHERE a = 1 AND (b = 2 AND c = 3)").where).toBe("a = 1 and (b = 2 and c = 3)");
    expect(translated("SELECT * FROM 'a/+' WHERE (a + b) * c > d - (e - f)").where).toBe("(a + b) * c > d - (e - f)");
    expect(translated("SELECT * FROM 'a/+' WHERE a * b + c % 2 = -(d)").where).toBe("a * b + c % 2 = -d");
    expect(translated("SELECT * FROM 'a/+' WHERE NOT (a > 1 AND b < 2)").where).toBe("not (a > 1 and b < 2)");
    expect(translated("SELECT * FROM 'a/+' WHERE ((((a)))) >= 1").where).toBe("a >= 1");
  });

  it("reads nested fields, get() and array indexes as paths", () => {
    const r = translated("SELECT a.b.c AS x, get(*, 'temperature') AS t, get(a, 'b') AS y, get(get(r, 1), 'v') AS z, r[2] AS w FROM 'a/+'");
    expect(r.select).toBe(`a.b.c as x, temperature as t, a.b as y, "r[1].v" as z, "r[2]" as w`);
  });

  it("flags a key that is not a plain name", () => {
    const r = translated("SELECT get(*, 'sensor-1') AS s FROM 'a/+'");
    expect(r.select).toBe("sensor-1 as s");
    expect(codes(r)).toContain("unconfirmed");
  });

  it("turns string + into concat() and IS UNDEFINED into IS NULL", () => {
    const r = translated("SELECT 'dev-' + name AS n FROM 'a/+' WHERE x IS UNDEFINED OR y IS NOT NULL");
    expect(r.select).toBe("concat('dev-', name) as n");
    expect(r.where).toBe("x is null or y is not null");
    expect(codes(r)).toEqual(expect.arrayContaining(["stringConcatenation", "semanticsDiffer", "unconfirmed"]));
  });

  it("inlines SET variables", () => {
    const r = translated("SET @f = temp * 1.8 + 32 SELECT @f AS fahrenheit FROM 'a/+' WHERE @f > 100");
    expect(r.select).toBe("(temp * 1.8 + 32) as fahrenheit");
    expect(r.where).toBe("(temp * 1.8 + 32) > 100");
    expect(codes(r).filter((c) => c === "setInlined")).toHaveLength(3);
  });

  it("refuses SET variables that read themselves or expand without end", () => {
    const self = translated("SET @a = @a + 1 SELECT @a AS x, b FROM 'a/+'");
    expect(self.select).toBe("b");
    expect(self.warnings.find((w) => w.code === "fieldDropped")?.message).toContain("refers to itself");
    const doubling = Array.from({ length: 30 }, (_, i) => `@v${i + 1} = @v${i} + @v${i}`).join(", ");
    const r = translateRuleSql(`SET @v0 = temp, ${doubling} SELECT b FROM 'a/+' WHERE @v30 > 1`, V2);
    expect(r.status === "untranslatable" && r.reasons[0]?.message).toContain("inlined uses");
  });

  it("never writes -- for a double minus", () => {
    expect(translated("SELECT - -temp AS t, 1 - -2 AS u FROM 'a/+'").select).toBe("-(-temp) as t, 1 - -2 as u");
  });

  it("escapes quotes in string constants, flagging the escape as unconfirmed", () => {
    const r = translated(`SELECT * FROM 'a/+' WHERE name = "O'Brien"`);
    expect(r.where).toBe("name = 'O\\'Brien'");
    expect(r.warnings.find((w) => w.code === "unconfirmed")?.construct).toBe(`"O'Brien"`);
    expect(codes(translated("SELECT * FROM 'a/+' WHERE name = 'plain'"))).not.toContain("unconfirmed");
  });

  it("translates a long condition within the depth limit without running out of stack", () => {
    const cond = Array.from({ length: 990 }, (_, i) => `code = ${i}`).join(" OR ");
    const r = translated(`SELECT * FROM 'a/+' WHERE ${cond}`);
    expect(r.where.startsWith("code = 0 or code = 1 or code = 2")).toBe(true);
    expect(r.where.endsWith("or code = 989")).toBe(true);
    const dropped = translated(`SELECT ceil(${Array.from({ length: 990 }, () => "a").join(" + ")}) AS x, b FROM 'a/+'`);
    expect(dropped.select).toBe("b");
    expect(dropped.warnings.find((w) => w.code === "fieldDropped")?.construct.length).toBeLessThanOrEqual(81);
  });

  it("treats hostile field names as plain fields", () => {
    const r = translated("SELECT __proto__, constructor, toString, clientId FROM '$aws/events/presence/connected/+'");
    expect(r.select).toBe("deviceName");
    expect(r.status).toBe("translated");
    const dropped = r.warnings.filter((w) => w.code === "fieldDropped").map((w) => w.construct);
    expect(dropped).toEqual(["__proto__", "constructor", "toString"]);
    expect(translated("SELECT __proto__.constructor AS c FROM 'a/+'").select).toBe("__proto__.constructor as c");
  });

  it("drops a field with no equivalent, with its own warnings, and keeps the rest", () => {
    const r = translated(`SELECT ceil(concat("a", b, c)) AS x, temp FROM 'a/+'`);
    expect(r.select).toBe("temp");
    expect(codes(r)).toEqual(["topicRestructured", "fieldDropped"]);
    expect(r.warnings[1]).toMatchObject({ construct: `ceil(concat("a", b, c))`, position: { column: 8 } });
  });

  it("points each warning at its construct", () => {
    const r = translated("SELECT temp,\n  clientid() AS c FROM 'a/+'");
    const w = r.warnings.find((x) => x.code === "clientIdAsDeviceName");
    expect(w).toMatchObject({ construct: "clientid()", position: { line: 2, column: 3, offset: 15 } });
  });

  it("lets presence fields take their status-message names", () => {
    const r = translated("SELECT clientId, eventType, ipAddress AS ip, timestamp, thingName AS t FROM '$aws/events/presence/connected/+'", { sqlVersion: "2015-10-08" });
    expect(r.select).toBe("deviceName, status, clientIp as ip, utcTime, deviceName as t");
    expect(r.topic.topicType).toBe(2);
    const dropped = translated("SELECT clientId, sessionIdentifier FROM '$aws/events/presence/disconnected/+'");
    expect(dropped.select).toBe("deviceName");
    expect(codes(dropped)).toContain("fieldDropped");
  });

  it("refuses the desired state of a shadow, which property posts do not carry", () => {
    const r = refused("SELECT state.reported.t AS t FROM '$aws/things/+/shadow/update/accepted' WHERE state.desired.t > 1");
    expect(r.reasons.map((x) => x.code)).toEqual(["noEquivalent"]);
  });
});

/** One statement per warning code that yields it. */
const WARNING_CASES: Record<(typeof WARNING_CODES)[number], [string, RuleSqlTranslateOptions?]> = {
  topicRestructured: ["SELECT * FROM 'a/+'"],
  topicLevelRewritten: ["SELECT * FROM 'eu-west-1/+/x'"],
  noDeviceLevel: ["SELECT * FROM 'a/#'"],
  wildcardOutsideDeviceLevel: ["SELECT * FROM 'a/+/+'"],
  reservedTopicMapped: ["SELECT * FROM '$aws/things/+/shadow/update'"],
  payloadFieldMapped: ["SELECT state.reported.humidity AS h FROM '$aws/things/+/shadow/update'"],
  topicFunctionRecomputed: ["SELECT topic(2) AS d FROM 'a/+'"],
  clientIdAsDeviceName: ["SELECT clientid() AS c FROM 'a/+'"],
  traceIdAsMessageId: ["SELECT traceid() AS t FROM 'a/+'"],
  doubleQuotedString: [`SELECT * FROM 'a/+' WHERE s = "x"`],
  functionRewritten: ["SELECT remainder(a, 3) AS r FROM 'a/+'"],
  semanticsDiffer: ["SELECT nanvl(a, 0) AS r FROM 'a/+'"],
  unconfirmed: ["SELECT * FROM 'a/+' WHERE a IS NULL"],
  constantInlined: ["SELECT sql_version() AS v FROM 'a/+'"],
  arrayPathQuoted: ["SELECT r[0] AS first FROM 'a/+'"],
  stringConcatenation: ["SELECT 'x' + y AS z FROM 'a/+'"],
  aliasInWhere: ["SELECT temp AS t FROM 'a/+' WHERE t > 1"],
  setInlined: ["SET @x = a SELECT @x AS y FROM 'a/+'"],
  sqlVersionDecimals: ["SELECT a * 2 AS b FROM 'a/+'", { sqlVersion: "2015-10-08" }],
  tooManyFields: [`SELECT ${Array.from({ length: MAX_SELECT_FIELDS + 1 }, (_, i) => `f${i}`).join(", ")} FROM 'a/+'`],
  binaryPayload: ["SELECT encode(*, 'base64') AS d FROM 'a/+'"],
  fieldDropped: ["SELECT trim(a) AS b, c FROM 'a/+'"],
  templateRewritten: ["SELECT * FROM 'a/+'", { templates: ["things/${topic(2)}/inbox"] }],
};

const BLOCK_CASES: Record<(typeof BLOCK_CODES)[number], string | [string, RuleSqlTranslateOptions]> = {
  unsupportedTopic: "SELECT * FROM '$aws/rules/ingest'",
  refusedFunction: "SELECT get_thing_shadow(topic(2), 'arn:aws:iam::1:role/r') AS s FROM 'a/+'",
  noEquivalent: "SELECT * FROM 'a/+' WHERE ceil(a) > 1",
  selectValue: "SELECT VALUE a FROM 'a/+'",
  subquery: "SELECT (SELECT v FROM r WHERE v > 1) AS hot FROM 'a/+'",
  nestedCase: "SELECT CASE a WHEN 1 THEN CASE b WHEN 2 THEN 'x' END END AS c FROM 'a/+'",
  binaryReadsPayload: "SELECT encode(*, 'base64') AS d FROM 'a/+' WHERE temp > 1",
  nothingSelected: "SELECT ltrim(a) AS b FROM 'a/+'",
  // a template's own reason: the rule translates, the action field does not
  templateInvalid: ["SELECT * FROM 'a/+'", { templates: ["x/${topic(2}"] }],
};

const allWarnings = (r: RuleSqlTranslation) => [...r.warnings, ...(r.status === "translated" ? r.templates.flatMap((t) => t.warnings) : [])];
const allReasons = (r: RuleSqlTranslation) => (r.status === "translated" ? r.templates.flatMap((t) => t.reasons) : r.reasons);

describe("translateRuleSql: every warning and refusal", () => {
  it.each(WARNING_CODES.map((c) => [c, ...WARNING_CASES[c]] as const))("%s", (code, sql, options) => {
    const r = translateRuleSql(sql, { ...V2, ...options });
    expect(r.status).toBe("translated");
    const w = allWarnings(r).find((x) => x.code === code);
    expect(w, JSON.stringify(r.warnings)).toBeDefined();
    expect(w?.message.length).toBeGreaterThan(10);
    expect(w?.construct.length).toBeGreaterThan(0);
    expect(sql.length).toBeGreaterThan(w?.position.offset ?? -1);
  });

  it.each(BLOCK_CODES.map((c) => [c, BLOCK_CASES[c]] as const))("%s is a reason the rule (or its template) cannot be translated", (code, c) => {
    const [sql, options] = typeof c === "string" ? [c, {}] : c;
    const r = translateRuleSql(sql, { ...V2, ...options });
    expect(r.status).toBe(code === "templateInvalid" ? "translated" : "untranslatable");
    const reason = allReasons(r).find((x) => x.code === code);
    expect(reason, JSON.stringify(allReasons(r))).toBeDefined();
    expect(reason?.message.length).toBeGreaterThan(10);
  });

  it("counts the fields action templates add against the limit of 50", () => {
    const fields = Array.from({ length: MAX_SELECT_FIELDS - 1 }, (_, i) => `f${i}`).join(", ");
    expect(codes(translated(`SELECT ${fields} FROM 'a/+'`))).not.toContain("tooManyFields");
    const r = translateRuleSql(`SELECT ${fields} FROM 'a/+'`, { ...V2, templates: ["${topic(2)}/${timestamp()}"] });
    expect(r.warnings.map((w) => w.code)).toContain("tooManyFields");
  });

  it("needs no warning for a rule that translates as it is, other than the topic move", () => {
    const r = translated("SELECT temperature, humidity FROM 'telemetry/+' WHERE temperature > 80", V2);
    expect(codes(r)).toEqual(["topicRestructured"]);
  });

  it("lists every reason a rule cannot be translated, not only the first", () => {
    const r = refused("SELECT VALUE aws_lambda('arn:aws:lambda:eu-west-1:1:function:f', *) FROM '$aws/rules/x' WHERE regexp_matches(a, 'b')");
    expect(r.reasons.map((x) => x.code).sort()).toEqual(["refusedFunction", "refusedFunction", "selectValue", "unsupportedTopic"]);
  });

  it("throws only a RuleSqlParseError for malformed SQL", () => {
    expect(() => translateRuleSql("SELECT * FROM")).toThrow(RuleSqlParseError);
    expect(() => translateRuleSql("SELECT * FROM 'a'", { sqlVersion: "1999-01-01" })).toThrow(RuleSqlParseError);
  });
});

describe("translateRuleSql on generated statements", () => {
  // A small random grammar over the constructs the parser knows, to shake out translator faults.
  let seed = 20261202;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
  const functions = ["topic", "clientid", "traceid", "timestamp", "encode", "get", "startswith", "concat", "upper", "md5", "sqrt", "ceil", "nanvl", "parse_time", "accountid", "aws_lambda", "get_registry_data", "isNumber", "remainder"];
  const expr = (depth: number): string => {
    if (depth <= 0) return pick(["temp", "a.b.c", "r[0]", "'x'", '"y"', "1", "2.5", "true", "NULL", "*", "@v", "state.reported.t", "clientId"]);
    const d = depth - 1;
    switch (rnd(8)) {
      case 0:
        return `${expr(d)} ${pick(["+", "-", "*", "/", "%", "=", "<>", "<", ">=", "AND", "OR"])} ${expr(d)}`;
      case 1:
        return `NOT ${expr(d)}`;
      case 2:
        return `(${expr(d)})`;
      case 3:
        return `${pick(functions)}(${Array.from({ length: rnd(3) }, () => expr(d)).join(", ")})`;
      case 4:
        return `CASE ${expr(d)} WHEN ${expr(d)} THEN ${expr(d)} ELSE ${expr(d)} END`;
      case 5:
        return `${expr(d)} IS ${pick(["NULL", "NOT NULL", "UNDEFINED"])}`;
      case 6:
        return `get(${expr(d)}, ${pick(["'k'", "0", "'a-b'"])})`;
      default:
        return `topic(${rnd(6)})`;
    }
  };
  const topics = ["dt/+/telemetry", "a/#", "site/eu-west-1/+/x", "$aws/things/+/shadow/update", "$aws/events/presence/connected/+", "$aws/rules/x", "+/+/#"];

  it("returns a result or a RuleSqlParseError for 1,500 random statements, and every result is well formed", () => {
    const counts = { translated: 0, untranslatable: 0, parseError: 0 };
    for (let n = 0; n < 1500; n++) {
      const items = Array.from({ length: 1 + rnd(4) }, () => `${expr(rnd(4))}${rnd(2) ? ` AS f${n}` : ""}`);
      const sql = `${rnd(4) === 0 ? "SET @v = temp " : ""}SELECT ${rnd(3) === 0 ? "*, " : ""}${items.join(", ")} FROM '${pick(topics)}'${rnd(2) ? ` WHERE ${expr(3)}` : ""}`;
      let r: RuleSqlTranslation;
      try {
        r = translateRuleSql(sql, { sqlVersion: pick(["2015-10-08", "2016-03-23", "beta"]), awsAccountId: "123456789012", templates: [`x/\${${expr(2)}}`] });
      } catch (err) {
        expect(err, sql).toBeInstanceOf(RuleSqlParseError);
        counts.parseError++;
        continue;
      }
      counts[r.status]++;
      for (const w of [...r.warnings, ...(r.status === "untranslatable" ? r.reasons : [])]) {
        expect(WARNING_CODES.includes(w.code as never) || BLOCK_CODES.includes(w.code as never), sql).toBe(true);
        expect(w.position.offset, sql).toBeLessThanOrEqual(sql.length);
        expect(w.message.length).toBeGreaterThan(0);
      }
      if (r.status === "translated") {
        expect(r.sql.startsWith(`SELECT ${r.select} FROM "`), sql).toBe(true);
        expect(r.select.length, sql).toBeGreaterThan(0);
        expect(r.sql).not.toContain("undefined");
      }
    }
    // the grammar reaches all three outcomes
    expect(counts.translated).toBeGreaterThan(50);
    expect(counts.untranslatable).toBeGreaterThan(50);
    expect(counts.parseError).toBeGreaterThan(0);
  });
});
