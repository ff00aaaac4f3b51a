/**
 * A recursive-descent parser for AWS IoT SQL (https://docs.aws.amazon.com/iot/latest/developerguide/iot-sql-reference.html).
 *
 *   statement  := [SET @v = expr {, @v = expr}] SELECT [VALUE] item {, item} FROM 'filter' [WHERE expr]
 *   item       := * | expr.* | expr [AS name]
 *   expr       := or;  or := and {OR and};  and := not {AND not};  not := NOT not | cmp
 *   cmp        := add {(= | <> | < | <= | > | >=) add | IS [NOT] (NULL | UNDEFINED)}
 *   add        := mul {(+ | -) mul};  mul := unary {(* | / | %) unary};  unary := (- | +) unary | postfix
 *   postfix    := primary {.name | [expr]}
 *   primary    := literal | @v | * | name | name(args) | CASE ... END | (expr) | (SELECT ...) | [..] | {..}
 *
 * Keywords are case-insensitive. Array and object literals and nested SELECTs need SQL version 2016-03-23 (or
 * beta). Any malformed statement ends in a RuleSqlParseError with its position; nothing else is thrown.
 */
import { tokenizeRuleSql } from "@/lib/mapping/rule-sql/tokenize-rule-sql";
import {
  AWS_SQL_VERSIONS,
  RuleSqlParseError,
  type AwsSqlVersion,
  type BinaryOperator,
  type Expr,
  type RuleSqlStatement,
  type SelectItem,
  type SetAssignment,
  type SourcePosition,
  type SubQuery,
  type Token,
} from "@/lib/mapping/rule-sql/rule-sql-types";

/** Nesting beyond this (parentheses, NOT, unary minus, CASE, calls) is refused rather than risking the stack. */
export const MAX_NESTING = 100;
/** A tree deeper than this (long operator chains such as a = 1 OR a = 2 OR ... count one level per operator) is refused. */
export const MAX_TREE_DEPTH = 1000;

const RESERVED = new Set(["SELECT", "FROM", "WHERE", "AS", "AND", "OR", "NOT", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "TRUE", "FALSE", "SET"]);
const COMPARISON = new Set(["=", "<>", "<", "<=", ">", ">="]);
const START: SourcePosition = { offset: 0, line: 1, column: 1 };

export function parseRuleSql(sql: string, options: { sqlVersion?: string | null } = {}): RuleSqlStatement {
  if (typeof sql !== "string") throw new RuleSqlParseError("emptyStatement", "The rule has no SQL statement", START);
  const version = readVersion(options.sqlVersion);
  const tokens = tokenizeRuleSql(sql);
  const statement = new Parser(tokens, version).statement();
  checkTreeDepth([...statement.set.map((x) => x.value), ...statement.items.flatMap(itemExprs), ...(statement.where ? [statement.where] : [])]);
  return statement;
}

/**
 * One expression on its own, as inside an action's substitution template `${...}`. Positions are relative
 * to the text given.
 */
export function parseRuleSqlExpression(text: string, options: { sqlVersion?: string | null } = {}): Expr {
  const version = readVersion(options.sqlVersion);
  const expr = new Parser(tokenizeRuleSql(text), version).standaloneExpression();
  checkTreeDepth([expr]);
  return expr;
}

function itemExprs(item: SelectItem): Expr[] {
  return item.kind === "expr" ? [item.expr] : item.kind === "allOf" ? [item.object] : [];
}

function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "member":
      return [e.object];
    case "index":
      return [e.object, e.index];
    case "call":
      return e.args;
    case "unary":
    case "is":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "case":
      return [...(e.subject ? [e.subject] : []), ...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
    case "array":
      return e.items;
    case "object":
      return e.entries.map((x) => x.value);
    case "subquery":
      return [...e.query.items.flatMap(itemExprs), e.query.from, ...(e.query.where ? [e.query.where] : [])];
    default:
      return [];
  }
}

/** Walks the trees without recursion, so that what translates them later (recursively) cannot run out of stack. */
function checkTreeDepth(roots: Expr[]): void {
  const stack: Array<[Expr, number]> = roots.map((r) => [r, 1]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [e, depth] = top;
    if (depth > MAX_TREE_DEPTH) {
      throw new RuleSqlParseError("tooDeep", `The expression is more than ${MAX_TREE_DEPTH} operators deep; split the condition`, e.pos);
    }
    for (const c of children(e)) stack.push([c, depth + 1]);
  }
}

function readVersion(raw: string | null | undefined): AwsSqlVersion {
  if (raw === undefined || raw === null || raw === "") return "2015-10-08";
  const found = AWS_SQL_VERSIONS.find((v) => v === raw.trim());
  if (!found) throw new RuleSqlParseError("unknownSqlVersion", `Unknown awsIotSqlVersion "${raw.slice(0, 40)}" (expected ${AWS_SQL_VERSIONS.join(", ")})`, START);
  return found;
}

function describe(t: Token): string {
  if (t.type === "eof") return "the end of the statement";
  const text = t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text;
  return `"${text}"`;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly version: AwsSqlVersion,
  ) {}

  // ---- helpers ------------------------------------------------------------------------------
  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== "eof") this.i++;
    return t;
  }
  private isKeyword(t: Token, word: string): boolean {
    return t.type === "identifier" && t.value.toUpperCase() === word;
  }
  private isPunct(t: Token, p: string): boolean {
    return t.type === "punct" && t.value === p;
  }
  private acceptKeyword(word: string): Token | null {
    return this.isKeyword(this.peek(), word) ? this.next() : null;
  }
  private acceptPunct(p: string): Token | null {
    return this.isPunct(this.peek(), p) ? this.next() : null;
  }
  private fail(message: string, t: Token = this.peek()): never {
    throw new RuleSqlParseError(t.type === "eof" ? "unexpectedEnd" : "unexpectedToken", message, t.pos);
  }
  private expectKeyword(word: string, context: string): Token {
    const t = this.peek();
    if (!this.isKeyword(t, word)) this.fail(`Expected ${word} ${context}, found ${describe(t)}`);
    return this.next();
  }
  private expectPunct(p: string, context: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, p)) this.fail(`Expected "${p}" ${context}, found ${describe(t)}`);
    return this.next();
  }
  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) throw new RuleSqlParseError("tooDeep", `Expressions nest deeper than ${MAX_NESTING} levels`, t.pos);
  }
  private leave(): void {
    this.depth--;
  }
  private needsVersion(feature: string, t: Token): void {
    if (this.version === "2015-10-08") {
      throw new RuleSqlParseError("versionFeature", `${feature} need awsIotSqlVersion 2016-03-23; this rule uses 2015-10-08`, t.pos);
    }
  }

  // ---- statement ----------------------------------------------------------------------------
  statement(): RuleSqlStatement {
    const first = this.peek();
    if (first.type === "eof") throw new RuleSqlParseError("emptyStatement", "The rule's SQL statement is empty", first.pos);
    const set: SetAssignment[] = [];
    if (this.acceptKeyword("SET")) {
      do {
        const v = this.peek();
        if (v.type !== "variable") this.fail(`Expected a variable such as @name after SET, found ${describe(v)}`);
        this.next();
        this.expectPunct("=", `after ${v.text}`);
        set.push({ name: v.value, value: this.expr(), pos: v.pos });
      } while (this.acceptPunct(","));
    }
    const select = this.peek();
    if (!this.isKeyword(select, "SELECT")) this.fail(`A rule starts with SELECT${set.length ? " after its SET clause" : ""}; found ${describe(select)}`);
    this.next();
    const value = this.selectValue();
    const items = this.selectList();
    const fromTok = this.peek();
    if (!this.isKeyword(fromTok, "FROM")) {
      throw new RuleSqlParseError(
        "missingFrom",
        fromTok.type === "eof" ? "The statement has no FROM clause (FROM 'topic/filter')" : `Expected "," or FROM after the SELECT list, found ${describe(fromTok)}`,
        fromTok.pos,
      );
    }
    this.next();
    const topicTok = this.peek();
    if (topicTok.type !== "string") this.fail(`FROM takes a topic filter in quotes, such as FROM 'sensors/+/data'; found ${describe(topicTok)}`);
    this.next();
    checkTopicFilter(topicTok);
    let where: Expr | null = null;
    if (this.acceptKeyword("WHERE")) where = this.expr();
    const end = this.peek();
    if (end.type !== "eof") this.fail(`Unexpected ${describe(end)} after the end of the statement`);
    return { version: this.version, set, value, items, from: { topic: topicTok.value, quote: topicTok.quote ?? "'", pos: topicTok.pos }, where, pos: first.pos };
  }

  standaloneExpression(): Expr {
    const first = this.peek();
    if (first.type === "eof") throw new RuleSqlParseError("emptyStatement", "The expression is empty", first.pos);
    const e = this.expr();
    const end = this.peek();
    if (end.type !== "eof") this.fail(`Unexpected ${describe(end)} after the end of the expression`);
    return e;
  }

  /** VALUE right after SELECT is the keyword when an expression follows; `SELECT value FROM` reads a field. */
  private selectValue(): boolean {
    const t = this.peek();
    if (!this.isKeyword(t, "VALUE")) return false;
    const n = this.peek(1);
    const startsExpr = n.type === "identifier" ? !RESERVED.has(n.value.toUpperCase()) || ["CASE", "NOT", "TRUE", "FALSE", "NULL"].includes(n.value.toUpperCase()) : n.type === "number" || n.type === "string" || n.type === "variable" || this.isPunct(n, "(") || this.isPunct(n, "*") || this.isPunct(n, "[") || this.isPunct(n, "{") || this.isPunct(n, "-");
    if (!startsExpr) return false;
    this.next();
    return true;
  }

  private selectList(): SelectItem[] {
    const items: SelectItem[] = [];
    do items.push(this.selectItem());
    while (this.acceptPunct(","));
    return items;
  }

  private selectItem(): SelectItem {
    const t = this.peek();
    if (this.isPunct(t, "*")) {
      const n = this.peek(1);
      if (this.isPunct(n, ",") || this.isKeyword(n, "FROM") || n.type === "eof" || this.isPunct(n, ")")) {
        this.next();
        return { kind: "all", pos: t.pos };
      }
    }
    if (t.type === "eof" || this.isKeyword(t, "FROM")) this.fail(`Expected a field or expression in the SELECT list, found ${describe(t)}`);
    const expr = this.expr();
    if (this.isPunct(this.peek(), ".") && this.isPunct(this.peek(1), "*")) {
      this.next();
      this.next();
      return { kind: "allOf", object: expr, pos: t.pos };
    }
    let alias: string | null = null;
    if (this.acceptKeyword("AS")) {
      const a = this.peek();
      if ((a.type === "identifier" && !RESERVED.has(a.value.toUpperCase())) || (a.type === "string" && a.value !== "")) alias = this.next().value;
      else this.fail(`Expected a name after AS, found ${describe(a)}`);
    }
    return { kind: "expr", expr, alias, pos: t.pos };
  }

  // ---- expressions --------------------------------------------------------------------------
  expr(): Expr {
    const t = this.peek();
    this.enter(t);
    try {
      return this.or();
    } finally {
      this.leave();
    }
  }

  private or(): Expr {
    let left = this.and();
    for (let op = this.acceptKeyword("OR"); op; op = this.acceptKeyword("OR")) left = { kind: "binary", op: "OR", left, right: this.and(), pos: op.pos };
    return left;
  }

  private and(): Expr {
    let left = this.not();
    for (let op = this.acceptKeyword("AND"); op; op = this.acceptKeyword("AND")) left = { kind: "binary", op: "AND", left, right: this.not(), pos: op.pos };
    return left;
  }

  private not(): Expr {
    const op = this.acceptKeyword("NOT");
    if (!op) return this.comparison();
    this.enter(op);
    try {
      return { kind: "unary", op: "NOT", operand: this.not(), pos: op.pos };
    } finally {
      this.leave();
    }
  }

  private comparison(): Expr {
    let left = this.additive();
    for (;;) {
      const t = this.peek();
      if (t.type === "punct" && COMPARISON.has(t.value)) {
        this.next();
        left = { kind: "binary", op: t.value as BinaryOperator, left, right: this.additive(), pos: t.pos };
        continue;
      }
      if (this.isKeyword(t, "IS")) {
        this.next();
        const negated = this.acceptKeyword("NOT") !== null;
        const w = this.peek();
        const test = this.isKeyword(w, "NULL") ? "NULL" : this.isKeyword(w, "UNDEFINED") ? "UNDEFINED" : null;
        if (!test) this.fail(`Expected NULL or UNDEFINED after IS${negated ? " NOT" : ""}, found ${describe(w)}`);
        this.next();
        left = { kind: "is", operand: left, negated, test, pos: t.pos };
        continue;
      }
      return left;
    }
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (!(this.isPunct(t, "+") || this.isPunct(t, "-"))) return left;
      this.next();
      left = { kind: "binary", op: t.value as BinaryOperator, left, right: this.multiplicative(), pos: t.pos };
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (!(this.isPunct(t, "*") || this.isPunct(t, "/") || this.isPunct(t, "%"))) return left;
      this.next();
      left = { kind: "binary", op: t.value as BinaryOperator, left, right: this.unary(), pos: t.pos };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (this.isPunct(t, "-") || this.isPunct(t, "+")) {
      this.next();
      this.enter(t);
      try {
        return { kind: "unary", op: t.value as "-" | "+", operand: this.unary(), pos: t.pos };
      } finally {
        this.leave();
      }
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, ".")) {
        const name = this.peek(1);
        if (this.isPunct(name, "*")) return e; // `a.*`: the SELECT item reads it
        // A key that is a keyword (a.from) is read with get(a, 'from').
        if (name.type !== "identifier" || RESERVED.has(name.value.toUpperCase())) this.fail(`Expected a field name after ".", found ${describe(name)}`, name);
        this.next();
        this.next();
        e = { kind: "member", object: e, property: name.value, pos: name.pos };
        continue;
      }
      if (this.isPunct(t, "[")) {
        this.next();
        const index = this.expr();
        this.expectPunct("]", "to close the index");
        e = { kind: "index", object: e, index, pos: t.pos };
        continue;
      }
      return e;
    }
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case "number": {
        this.next();
        return { kind: "number", text: t.value, value: Number(t.value), pos: t.pos };
      }
      case "string":
        this.next();
        return { kind: "string", value: t.value, quote: t.quote ?? "'", pos: t.pos };
      case "variable":
        this.next();
        return { kind: "variable", name: t.value, pos: t.pos };
      case "eof":
        this.fail("The statement ends where a value was expected");
      // falls through (fail never returns)
      case "punct":
        return this.punctPrimary(t);
      case "identifier":
        return this.identifierPrimary(t);
    }
  }

  private punctPrimary(t: Token): Expr {
    if (t.value === "*") {
      this.next();
      return { kind: "payload", pos: t.pos };
    }
    if (t.value === "(") {
      this.next();
      if (this.isKeyword(this.peek(), "SELECT")) {
        this.needsVersion("Nested SELECTs", t);
        const query = this.subquery();
        this.expectPunct(")", "to close the nested SELECT");
        return { kind: "subquery", query, pos: t.pos };
      }
      const inner = this.expr();
      this.expectPunct(")", `to close the "(" at line ${t.pos.line}, column ${t.pos.column}`);
      return inner;
    }
    if (t.value === "[") {
      this.needsVersion("Array literals", t);
      this.next();
      const items: Expr[] = [];
      if (!this.acceptPunct("]")) {
        do items.push(this.expr());
        while (this.acceptPunct(","));
        this.expectPunct("]", "to close the array");
      }
      return { kind: "array", items, pos: t.pos };
    }
    if (t.value === "{") {
      this.needsVersion("Object literals", t);
      this.next();
      const entries: Array<{ key: string; value: Expr }> = [];
      if (!this.acceptPunct("}")) {
        do {
          const k = this.peek();
          if (k.type !== "string" && k.type !== "identifier") this.fail(`Expected a key in the object, found ${describe(k)}`);
          this.next();
          this.expectPunct(":", `after the key ${describe(k)}`);
          entries.push({ key: k.value, value: this.expr() });
        } while (this.acceptPunct(","));
        this.expectPunct("}", "to close the object");
      }
      return { kind: "object", entries, pos: t.pos };
    }
    this.fail(`Expected a value, found ${describe(t)}`);
  }

  private identifierPrimary(t: Token): Expr {
    const upper = t.value.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") {
      this.next();
      return { kind: "boolean", value: upper === "TRUE", pos: t.pos };
    }
    if (upper === "NULL") {
      this.next();
      return { kind: "null", pos: t.pos };
    }
    if (upper === "CASE") return this.caseExpr(t);
    if (RESERVED.has(upper)) this.fail(`${t.value} is a keyword and cannot stand here`);
    this.next();
    if (this.isPunct(this.peek(), "(")) {
      this.next();
      const args: Expr[] = [];
      if (!this.acceptPunct(")")) {
        do args.push(this.expr());
        while (this.acceptPunct(","));
        this.expectPunct(")", `to close the call of ${t.value}()`);
      }
      return { kind: "call", name: t.value, args, pos: t.pos };
    }
    return { kind: "field", name: t.value, pos: t.pos };
  }

  private caseExpr(t: Token): Expr {
    this.next();
    const subject = this.isKeyword(this.peek(), "WHEN") ? null : this.expr();
    const branches: Array<{ when: Expr; then: Expr }> = [];
    while (this.acceptKeyword("WHEN")) {
      const when = this.expr();
      this.expectKeyword("THEN", "after the WHEN value");
      branches.push({ when, then: this.expr() });
    }
    if (branches.length === 0) this.fail(`CASE needs at least one WHEN, found ${describe(this.peek())}`);
    const otherwise = this.acceptKeyword("ELSE") ? this.expr() : null;
    this.expectKeyword("END", `to close the CASE at line ${t.pos.line}, column ${t.pos.column}`);
    return { kind: "case", subject, branches, otherwise, pos: t.pos };
  }

  private subquery(): SubQuery {
    this.expectKeyword("SELECT", "in the nested query");
    const value = this.selectValue();
    const items = this.selectList();
    this.expectKeyword("FROM", "in the nested SELECT");
    const from = this.expr();
    const where = this.acceptKeyword("WHERE") ? this.expr() : null;
    return { items, value, from, where };
  }
}

/** An MQTT topic filter: no empty filter, `+` and `#` alone in their level, `#` last. */
function checkTopicFilter(t: Token): void {
  const topic = t.value;
  if (topic === "") throw new RuleSqlParseError("invalidTopicFilter", "The FROM topic filter is empty", t.pos);
  const levels = topic.split("/");
  levels.forEach((level, i) => {
    if (level.includes("#") && (level !== "#" || i !== levels.length - 1)) {
      throw new RuleSqlParseError("invalidTopicFilter", `In the topic filter "${topic}", # must be a whole level and the last one`, t.pos);
    }
    if (level.includes("+") && level !== "+") {
      throw new RuleSqlParseError("invalidTopicFilter", `In the topic filter "${topic}", + must be a whole level`, t.pos);
    }
  });
}
