/**
 * An AWS IoT topic rule's SQL -> an Alibaba IoT Platform data forwarding rule (Select, ShortTopic, Where,
 * DataType), with a warning for every construct that differs.
 *
 * A SELECT field with no equivalent is dropped (warning fieldDropped) and the rest translated; a WHERE clause
 * with no equivalent, a refused function (aws_lambda, get_thing_shadow...), SELECT VALUE, a nested SELECT or
 * CASE, or a source topic with no Alibaba counterpart makes the rule untranslatable, with its reasons.
 * A malformed statement throws RuleSqlParseError (and nothing else).
 */
import { parseRuleSql } from "@/lib/mapping/rule-sql/parse-rule-sql";
import { NoEquivalent, describeExpr, translateExpression, type ExpressionContext } from "@/lib/mapping/rule-sql/translate-rule-expression";
import { translateRuleTemplates } from "@/lib/mapping/rule-sql/translate-rule-templates";
import { translateRuleTopic } from "@/lib/mapping/rule-sql/translate-rule-topic";
import type { Expr, RuleSqlStatement, RuleSqlTranslateOptions, RuleSqlTranslation } from "@/lib/mapping/rule-sql/rule-sql-types";

/** Alibaba's limit on the fields of a rule's SELECT. */
export const MAX_SELECT_FIELDS = 50;

export function translateRuleSql(sql: string, options: RuleSqlTranslateOptions = {}): RuleSqlTranslation {
  const statement = parseRuleSql(sql, { sqlVersion: options.sqlVersion });
  return translateRuleStatement(statement, options);
}

export function translateRuleStatement(statement: RuleSqlStatement, options: RuleSqlTranslateOptions = {}): RuleSqlTranslation {
  const source = translateRuleTopic(statement.from.topic, statement.from.pos, { deviceLevel: options.deviceLevel });
  const ctx: ExpressionContext = {
    version: statement.version,
    level: source.level,
    payload: source.payload,
    awsAccountId: options.awsAccountId,
    variables: new Map(statement.set.map((s) => [s.name, s.value])),
    inlining: new Set(),
    inlined: { count: 0 },
    aliases: new Set(statement.items.flatMap((i) => (i.kind === "expr" && i.alias ? [i.alias] : []))),
    clause: "select",
    warnings: [...source.warnings],
    blocks: [...source.blocks],
    binary: false,
    payloadReads: [],
  };

  if (statement.from.quote === '"') {
    ctx.warnings.push({ code: "doubleQuotedString", construct: `FROM "${statement.from.topic}"`, message: "AWS documents the FROM topic in single quotes", position: statement.from.pos });
  }
  const firstSet = statement.set[0];
  if (firstSet) {
    ctx.warnings.push({ code: "setInlined", construct: "SET", message: "Alibaba has no SET clause: each variable is replaced by its expression where it is read", position: firstSet.pos });
  }
  if (statement.value) {
    ctx.blocks.push({ code: "selectValue", construct: "SELECT VALUE", message: "SELECT VALUE (a result that is not an object) has no equivalent", position: statement.pos });
  }
  if (statement.version === "2015-10-08" && usesNumbers(statement)) {
    ctx.warnings.push({
      code: "sqlVersionDecimals",
      construct: "awsIotSqlVersion 2015-10-08",
      message: "Under SQL version 2015-10-08 AWS keeps whole decimals as decimals; Alibaba has no such type rule, so numeric results may differ",
      position: statement.pos,
    });
  }

  const fields: string[] = [];
  for (const item of statement.items) {
    if (item.kind === "all") {
      fields.push("*");
      continue;
    }
    if (item.kind === "allOf") {
      ctx.warnings.push({
        code: "fieldDropped",
        construct: `${describeExpr(item.object)}.*`,
        message: `${describeExpr(item.object)}.* (the fields of an object spread into the result) has no equivalent: dropped`,
        position: item.pos,
      });
      continue;
    }
    const mark = ctx.warnings.length;
    try {
      const text = translateExpression(item.expr, ctx);
      fields.push(item.alias ? `${text} as ${item.alias}` : text);
    } catch (err) {
      if (!(err instanceof NoEquivalent)) throw err;
      ctx.warnings.length = mark;
      ctx.warnings.push({ code: "fieldDropped", construct: err.construct, message: `${err.message}: the field is dropped`, position: err.position });
    }
  }

  const templates = translateRuleTemplates(options.templates ?? [], ctx, { fields, aliases: new Set(ctx.aliases), byExpression: new Map() });

  if (fields.length > MAX_SELECT_FIELDS) {
    ctx.warnings.push({
      code: "tooManyFields",
      construct: "SELECT",
      message: `The SELECT list has ${fields.length} fields (with those the action templates need); Alibaba allows at most ${MAX_SELECT_FIELDS}`,
      position: statement.pos,
    });
  }

  let where = "";
  if (statement.where) {
    ctx.clause = "where";
    try {
      where = translateExpression(statement.where, ctx);
    } catch (err) {
      if (!(err instanceof NoEquivalent)) throw err;
      ctx.blocks.push({ code: "noEquivalent", construct: err.construct, message: `${err.message}; the WHERE clause cannot be translated`, position: err.position });
    }
  }

  const readsPayload = ctx.payloadReads[0];
  if (ctx.binary && readsPayload) {
    ctx.blocks.push({
      code: "binaryReadsPayload",
      construct: "encode(*, 'base64')",
      message: "A BINARY rule (needed for to_base64(*)) cannot read payload fields, but this rule does",
      position: readsPayload,
    });
  }
  if (fields.length === 0 && ctx.blocks.length === 0) {
    ctx.blocks.push({ code: "nothingSelected", construct: "SELECT", message: "No field of the SELECT list can be translated", position: statement.pos });
  }

  if (ctx.blocks.length > 0 || !source.topic) {
    return { status: "untranslatable", reasons: ctx.blocks, warnings: ctx.warnings };
  }
  const select = fields.join(", ");
  return {
    status: "translated",
    sql: `SELECT ${select} FROM "${source.topic.topic}"${where ? ` WHERE ${where}` : ""}`,
    select,
    where,
    topic: source.topic,
    dataType: ctx.binary ? "BINARY" : "JSON",
    warnings: ctx.warnings,
    templates,
  };
}

function usesNumbers(statement: RuleSqlStatement): boolean {
  const exprs: Expr[] = [
    ...statement.items.flatMap((i) => (i.kind === "expr" ? [i.expr] : [])),
    ...(statement.where ? [statement.where] : []),
    ...statement.set.map((s) => s.value),
  ];
  return exprs.some(hasArithmetic);
}

function hasArithmetic(e: Expr): boolean {
  switch (e.kind) {
    case "number":
      return e.text.includes(".") || /e/i.test(e.text);
    case "binary":
      return ["+", "-", "*", "/", "%"].includes(e.op) || hasArithmetic(e.left) || hasArithmetic(e.right);
    case "unary":
      return hasArithmetic(e.operand);
    case "is":
      return hasArithmetic(e.operand);
    case "call":
      return e.args.some(hasArithmetic);
    case "member":
      return hasArithmetic(e.object);
    case "index":
      return hasArithmetic(e.object);
    case "case":
      return [e.subject, ...e.branches.flatMap((b) => [b.when, b.then]), e.otherwise].some((x) => x !== null && hasArithmetic(x));
    default:
      return false;
  }
}
