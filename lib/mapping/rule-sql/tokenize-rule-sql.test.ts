import { describe, expect, it } from "vitest";
import { tokenizeRuleSql } from "@/lib/mapping/rule-sql/tokenize-rule-sql";
import { RuleSqlParseError } from "@/lib/mapping/rule-sql/rule-sql-types";

function errorOf(sql: string): RuleSqlParseError {
  try {
    tokenizeRuleSql(sql);
  } catch (err) {
    if (err instanceof RuleSqlParseError) return err;
    throw err;
  }
  throw new Error(`expected a parse error for ${sql}`);
}

describe("tokenizeRuleSql", () => {
  it("reads identifiers, variables, numbers, strings and operators with their positions", () => {
    const tokens = tokenizeRuleSql("SELECT a.b, @v, 12.5e3 FROM 'x/+' WHERE c <> 2 AND d >= -1");
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ["identifier", "SELECT"],
      ["identifier", "a"],
      ["punct", "."],
      ["identifier", "b"],
      ["punct", ","],
      ["variable", "v"],
      ["punct", ","],
      ["number", "12.5e3"],
      ["identifier", "FROM"],
      ["string", "x/+"],
      ["identifier", "WHERE"],
      ["identifier", "c"],
      ["punct", "<>"],
      ["number", "2"],
      ["identifier", "AND"],
      ["identifier", "d"],
      ["punct", ">="],
      ["punct", "-"],
      ["number", "1"],
      ["eof", ""],
    ]);
    const from = tokens.find((t) => t.type === "string");
    expect(from?.pos).toEqual({ offset: 28, line: 1, column: 29 });
  });

  it("tracks lines and columns across newlines, also inside strings", () => {
    const tokens = tokenizeRuleSql("SELECT *\n  FROM 'a\nb'\n WHERE x = 1");
    const where = tokens.find((t) => t.value === "WHERE");
    expect(where?.pos).toEqual({ offset: 23, line: 4, column: 2 });
  });

  it("reads escapes in strings and keeps which quote opened them", () => {
    const [s1, s2] = tokenizeRuleSql(`'it\\'s' "say \\"hi\\" \\u00e9"`);
    expect(s1).toMatchObject({ type: "string", value: "it's", quote: "'" });
    expect(s2).toMatchObject({ type: "string", value: 'say "hi" é', quote: '"' });
  });

  it("reports an unterminated string where it opened", () => {
    const err = errorOf("SELECT * FROM 'sensors/+");
    expect(err.code).toBe("unterminatedString");
    expect(err.position).toEqual({ offset: 14, line: 1, column: 15 });
    expect(err.message).toContain("line 1, column 15");
  });

  it("reports a string that ends on a lone backslash as unterminated", () => {
    expect(errorOf("SELECT 'abc\\").code).toBe("unterminatedString");
  });

  it("refuses unknown characters, naming them", () => {
    const err = errorOf("SELECT a ; DROP TABLE x");
    expect(err.code).toBe("unknownCharacter");
    expect(err.message).toContain('";"');
    expect(err.position.column).toBe(10);
    expect(errorOf("SELECT a\u0001").message).toContain("U+0001");
    expect(errorOf("SELECT `a` FROM 'x'").code).toBe("unknownCharacter");
  });

  it("explains != and a lone @", () => {
    expect(errorOf("SELECT * FROM 'a' WHERE x != 1").message).toContain("<>");
    expect(errorOf("SELECT @ FROM 'a'").message).toContain("variable");
  });

  it("refuses malformed numbers", () => {
    expect(errorOf("SELECT 12abc FROM 'a'").code).toBe("invalidNumber");
    expect(errorOf("SELECT 1e FROM 'a'").code).toBe("invalidNumber");
  });

  it("reads 100 KB in one pass and stops at the first bad character", () => {
    const long = `SELECT ${Array.from({ length: 10_000 }, (_, i) => `f${i}`).join(", ")} FROM 'a/+'`;
    expect(tokenizeRuleSql(long).length).toBeGreaterThan(20_000);
    const garbage = "x ".repeat(50_000) + "§";
    expect(errorOf(garbage).position.offset).toBe(100_000);
  });
});
