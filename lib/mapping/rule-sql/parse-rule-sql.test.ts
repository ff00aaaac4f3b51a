import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_TREE_DEPTH, parseRuleSql, parseRuleSqlExpression } from "@/lib/mapping/rule-sql/parse-rule-sql";
import { RuleSqlParseError, type Expr } from "@/lib/mapping/rule-sql/rule-sql-types";

const V2 = { sqlVersion: "2016-03-23" };

function errorOf(sql: string, options: { sqlVersion?: string } = V2): RuleSqlParseError {
  try {
    parseRuleSql(sql, options);
  } catch (err) {
    if (err instanceof RuleSqlParseError) return err;
    throw err;
  }
  throw new Error(`expected a parse error for ${sql}`);
}

/** A compact S-expression of an expression, to check the tree's shape. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "string":
      return `'${e.value}'`;
    case "number":
      return e.text;
    case "boolean":
      return String(e.value);
    case "null":
      return "null";
    case "field":
      return e.name;
    case "variable":
      return `@${e.name}`;
    case "payload":
      return "*";
    case "member":
      return `${shape(e.object)}.${e.property}`;
    case "index":
      return `${shape(e.object)}[${shape(e.index)}]`;
    case "call":
      return `${e.name}(${e.args.map(shape).join(" ")})`;
    case "unary":
      return `(${e.op} ${shape(e.operand)})`;
    case "binary":
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case "is":
      return `(IS${e.negated ? "NOT" : ""} ${e.test} ${shape(e.operand)})`;
    case "case":
      return `(CASE ${e.subject ? shape(e.subject) : "-"} ${e.branches.map((b) => `${shape(b.when)}:${shape(b.then)}`).join(" ")} ${e.otherwise ? shape(e.otherwise) : "-"})`;
    case "array":
      return `[${e.items.map(shape).join(" ")}]`;
    case "object":
      return `{${e.entries.map((x) => `${x.key}:${shape(x.value)}`).join(" ")}}`;
    case "subquery":
      return `(SUB ${e.query.items.length} ${shape(e.query.from)})`;
  }
}

const where = (condition: string) => {
  const w = parseRuleSql(`SELECT * FROM 't/+' WHERE ${condition}`, V2).where;
  if (!w) throw new Error("no WHERE");
  return shape(w);
};

describe("parseRuleSql: statements", () => {
  it("parses the stand-in estate's rule forms", () => {
    const s = parseRuleSql("SELECT *, topic(2) AS deviceId, timestamp() AS receivedAt FROM 'telemetry/+'", V2);
    expect(s.items.map((i) => i.kind)).toEqual(["all", "expr", "expr"]);
    expect(s.items[1]).toMatchObject({ kind: "expr", alias: "deviceId", expr: { kind: "call", name: "topic" } });
    expect(s.from).toMatchObject({ topic: "telemetry/+", quote: "'" });
    expect(s.where).toBeNull();
    expect(s.version).toBe("2016-03-23");
    const w = parseRuleSql("SELECT message, severity FROM 'alerts/+' WHERE severity = 5", V2);
    expect(shape(w.where as Expr)).toBe("(= severity 5)");
  });

  it("reads keywords in any case and field names that look like keywords elsewhere", () => {
    const s = parseRuleSql("select value, timestamp, end_time from 'a/+' where value > 1", V2);
    expect(s.value).toBe(false);
    expect(s.items.map((i) => (i.kind === "expr" ? shape(i.expr) : i.kind))).toEqual(["value", "timestamp", "end_time"]);
  });

  it("parses SELECT VALUE, SET and nested attributes, array indexes and object wildcards", () => {
    expect(parseRuleSql("SELECT VALUE state.reported FROM 'a/+'", V2).value).toBe(true);
    const s = parseRuleSql("SET @t = temp * 2, @u = 1 SELECT @t AS t, a.b.c, r[0].v, state.reported.* FROM 'a/+'", V2);
    expect(s.set.map((x) => [x.name, shape(x.value)])).toEqual([
      ["t", "(* temp 2)"],
      ["u", "1"],
    ]);
    expect(s.items.map((i) => (i.kind === "expr" ? shape(i.expr) : i.kind === "allOf" ? `${shape(i.object)}.*` : "*"))).toEqual(["@t", "a.b.c", "r[0].v", "state.reported.*"]);
  });

  it("parses CASE (simple and searched), IS [NOT] NULL / UNDEFINED, literals and calls", () => {
    expect(where("CASE code WHEN 0 THEN 'ok' WHEN 1 THEN 'warn' ELSE 'err' END = 'ok'")).toBe("(= (CASE code 0:'ok' 1:'warn' 'err') 'ok')");
    expect(where("CASE WHEN a > 1 THEN true END")).toBe("(CASE - (> a 1):true -)");
    expect(where("a IS NULL OR b IS NOT UNDEFINED")).toBe("(OR (IS NULL a) (ISNOT UNDEFINED b))");
    expect(where("f(1, 'x', \"y\", true, NULL, *) = [1, 2]")).toBe("(= f(1 'x' 'y' true null *) [1 2])");
    expect(where("{\"k\": 1, j: 'v'} = x")).toBe("(= {k:1 j:'v'} x)");
    expect(where("get(get(*, 'a'), 0).b > 1")).toBe("(> get(get(* 'a') 0).b 1)");
  });

  it("gives operators SQL precedence: OR < AND < NOT < comparison < + - < * / % < unary", () => {
    expect(where("a = 1 OR b = 2 AND c = 3")).toBe("(OR (= a 1) (AND (= b 2) (= c 3)))");
    expect(where("(a = 1 OR b = 2) AND c = 3")).toBe("(AND (OR (= a 1) (= b 2)) (= c 3))");
    expect(where("NOT a = 1 AND b")).toBe("(AND (NOT (= a 1)) b)");
    expect(where("a + b * c - d / e % f > 2")).toBe("(> (- (+ a (* b c)) (% (/ d e) f)) 2)");
    expect(where("-a * -(b + 1) <= 3")).toBe("(<= (* (- a) (- (+ b 1))) 3)");
    expect(where("a - b - c = 0")).toBe("(= (- (- a b) c) 0)");
    expect(where("x.y[1 + 1].z <> 'q'")).toBe("(<> x.y[(+ 1 1)].z 'q')");
  });

  it("parses a nested SELECT over an array (2016-03-23)", () => {
    const s = parseRuleSql("SELECT (SELECT v FROM readings WHERE v > 1) AS hot FROM 'a/+'", V2);
    const item = s.items[0];
    expect(item?.kind === "expr" && shape(item.expr)).toBe("(SUB 1 readings)");
  });

  it("keeps the three SQL versions apart, defaulting to AWS's 2015-10-08", () => {
    expect(parseRuleSql("SELECT * FROM 'a/+'").version).toBe("2015-10-08");
    expect(parseRuleSql("SELECT * FROM 'a/+'", { sqlVersion: "beta" }).version).toBe("beta");
    expect(parseRuleSql("SELECT [1] AS x FROM 'a/+'", { sqlVersion: "beta" }).items).toHaveLength(1);
    const err = errorOf("SELECT [1, 2] AS x FROM 'a/+'", { sqlVersion: "2015-10-08" });
    expect(err.code).toBe("versionFeature");
    expect(err.message).toContain("2016-03-23");
    expect(errorOf("SELECT {'a': 1} AS x FROM 'a/+'", { sqlVersion: "2015-10-08" }).code).toBe("versionFeature");
    expect(errorOf("SELECT (SELECT v FROM r) AS x FROM 'a/+'", { sqlVersion: "2015-10-08" }).code).toBe("versionFeature");
    expect(errorOf("SELECT * FROM 'a/+'", { sqlVersion: "2017-01-01" }).code).toBe("unknownSqlVersion");
  });

  it("checks the FROM topic filter", () => {
    expect(parseRuleSql("SELECT * FROM 'a/+/b/#'", V2).from.topic).toBe("a/+/b/#");
    expect(errorOf("SELECT * FROM 'a/#/b'").code).toBe("invalidTopicFilter");
    expect(errorOf("SELECT * FROM 'a/b+'").code).toBe("invalidTopicFilter");
    expect(errorOf("SELECT * FROM 'a/x#'").code).toBe("invalidTopicFilter");
    expect(errorOf("SELECT * FROM ''").code).toBe("invalidTopicFilter");
    const notQuoted = errorOf("SELECT * FROM a/b");
    expect(notQuoted.message).toContain("topic filter in quotes");
    expect(notQuoted.position.column).toBe(15);
  });
});

describe("parseRuleSql: malformed statements", () => {
  const cases: Array<[string, string, number]> = [
    ["", "emptyStatement", 1],
    ["   \n ", "emptyStatement", 2],
    ["SELECT *", "missingFrom", 9],
    ["SELECT a, b WHERE a > 1", "missingFrom", 13],
    ["SELECT * FROM 'a' WHERE", "unexpectedEnd", 24],
    ["SELECT FROM 'a'", "unexpectedToken", 8],
    ["UPDATE things SET x = 1", "unexpectedToken", 1],
    ["SELECT a AS FROM 'a'", "unexpectedToken", 13],
    ["SELECT a, FROM 'a'", "unexpectedToken", 11],
    ["SELECT (a FROM 'a'", "unexpectedToken", 11],
    ["SELECT f(a, FROM 'a'", "unexpectedToken", 13],
    ["SELECT CASE a WHEN 1 'x' END FROM 'a'", "unexpectedToken", 22],
    ["SELECT CASE a END FROM 'a'", "unexpectedToken", 15],
    ["SELECT CASE a WHEN 1 THEN 2 FROM 'a'", "unexpectedToken", 29],
    ["SELECT a FROM 'a' WHERE b IS 3", "unexpectedToken", 30],
    ["SELECT a. FROM 'a'", "unexpectedToken", 11],
    ["SELECT a[0 FROM 'a'", "unexpectedToken", 12],
    ["SELECT * FROM 'a' WHERE a = 1 extra", "unexpectedToken", 31],
    ["SELECT * FROM 'a' 'b'", "unexpectedToken", 19],
    ["SET x = 1 SELECT * FROM 'a'", "unexpectedToken", 5],
    ["SET @x = 1 FROM 'a'", "unexpectedToken", 12],
    ["SELECT a FROM 'a' WHERE WHERE", "unexpectedToken", 25],
    ["SELECT 'abc FROM 'a'", "unterminatedString", 20],
    ["SELECT \"abc FROM 'a'", "unterminatedString", 8],
  ];
  it.each(cases)("%j fails with %s at column %i", (sql, code, column) => {
    const err = errorOf(sql);
    expect(err.code).toBe(code);
    expect(err.position.column).toBe(column);
    expect(err.message).toMatch(/\S.*\(line \d+, column \d+\)$/);
  });

  it("says what it expected and what it found", () => {
    expect(errorOf("SELECT (a FROM 'a'").message).toContain('Expected ")" to close the "(" at line 1, column 8, found "FROM"');
    expect(errorOf("SELECT a FROM 'a' WHERE b IS 3").message).toContain("Expected NULL or UNDEFINED after IS");
  });

  it("accepts nesting up to the limit and refuses deeper nesting with a tooDeep error", () => {
    const ok = `${"(".repeat(MAX_NESTING - 2)}a${")".repeat(MAX_NESTING - 2)}`;
    expect(parseRuleSql(`SELECT * FROM 'a' WHERE ${ok} = 1`, V2).where).not.toBeNull();
    for (const deep of [`${"(".repeat(5000)}a${")".repeat(5000)}`, `${"NOT ".repeat(5000)}a`, `${"-".repeat(5000)}1`, `${"f(".repeat(5000)}1${")".repeat(5000)}`, "(".repeat(100_000)]) {
      const err = errorOf(`SELECT * FROM 'a' WHERE ${deep}`);
      expect(err.code).toBe("tooDeep");
      expect(err.message).toContain(String(MAX_NESTING));
    }
  });

  it("refuses operator chains deeper than the tree limit (100 KB of a + a + ...) and accepts long real ones", () => {
    const chain = (n: number, op: string) => Array.from({ length: n }, (_, i) => `a = ${i}`).join(` ${op} `);
    expect(parseRuleSql(`SELECT * FROM 'a' WHERE ${chain(MAX_TREE_DEPTH - 2, "OR")}`, V2).where).not.toBeNull();
    const long = errorOf(`SELECT * FROM 'a' WHERE ${Array.from({ length: 25_000 }, () => "a").join(" + ")} > 1`);
    expect(long.code).toBe("tooDeep");
    expect(long.message).toContain(String(MAX_TREE_DEPTH));
    expect(errorOf(`SELECT ${chain(MAX_TREE_DEPTH + 5, "AND")} AS x FROM 'a'`).code).toBe("tooDeep");
    expect(() => parseRuleSqlExpression(Array.from({ length: 5000 }, () => "x").join(" * "))).toThrow(RuleSqlParseError);
  });

  it("parses a lone expression for substitution templates, with positions in its own text", () => {
    expect(shape(parseRuleSqlExpression("topic(2)"))).toBe("topic(2)");
    expect(shape(parseRuleSqlExpression("get(*, 'a').b + 1"))).toBe("(+ get(* 'a').b 1)");
    expect(() => parseRuleSqlExpression("")).toThrow(RuleSqlParseError);
    let err: unknown;
    try {
      parseRuleSqlExpression("a b");
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "unexpectedToken", position: { offset: 2, column: 3 } });
  });

  it("gives only RuleSqlParseError for 100 KB of garbage and for random inputs", () => {
    const garbage = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join("");
    const err = errorOf(garbage);
    expect(err.position.offset).toBeLessThan(garbage.length);
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ["SELECT", "FROM", "WHERE", "CASE", "WHEN", "THEN", "END", "AND", "NOT", "IS", "(", ")", "[", "]", "{", "}", ",", ".", "*", "'a/+'", '"x"', "1", "a", "+", "=", "AS", "@v", "SET", ":", "'"];
    for (let n = 0; n < 2000; n++) {
      const sql = Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(" ");
      try {
        parseRuleSql(sql, V2);
      } catch (e) {
        expect(e, sql).toBeInstanceOf(RuleSqlParseError);
      }
    }
  });

  it("refuses a statement that is not a string", () => {
    expect(() => parseRuleSql(undefined as unknown as string)).toThrow(RuleSqlParseError);
  });
});
