/**
 * Substitution templates in a rule's action fields (AWS: iot-substitution-templates.html) -> Alibaba's
 * `${alias}` references. AWS evaluates `${expr}` against the incoming message (functions and SET variables,
 * never AS aliases); Alibaba's `${name}` reads the rule's SQL result. So each expression is translated like a
 * SELECT field, added to the SELECT under an alias (tpl_1, tpl_2, ..., reused for the same expression), and the
 * template refers to the alias. Which action fields accept `${...}` on Alibaba is unconfirmed (research note,
 * section 3), and every rewritten template says so.
 */
import { parseRuleSqlExpression } from "@/lib/mapping/rule-sql/parse-rule-sql";
import { NoEquivalent, translateExpression, type ExpressionContext } from "@/lib/mapping/rule-sql/translate-rule-expression";
import { RuleSqlParseError, type RuleSqlBlock, type RuleSqlWarning, type SourcePosition, type TemplateTranslation } from "@/lib/mapping/rule-sql/rule-sql-types";

export type TemplateSelect = {
  /** The SELECT fields so far; fields for template expressions are appended. */
  fields: string[];
  /** Aliases already taken. */
  aliases: Set<string>;
  /** Alibaba expression text -> the alias it is selected as. */
  byExpression: Map<string, string>;
};

export function translateRuleTemplates(templates: readonly string[], ctx: ExpressionContext, select: TemplateSelect): TemplateTranslation[] {
  return templates.map((t) => translateTemplate(t, ctx, select));
}

function translateTemplate(source: string, ctx: ExpressionContext, select: TemplateSelect): TemplateTranslation {
  const warnings: RuleSqlWarning[] = [];
  const reasons: RuleSqlBlock[] = [];
  const pieces: Array<string | { text: string; construct: string; at: SourcePosition }> = [];
  const effects: Array<Pick<ExpressionContext, "binary" | "payloadReads">> = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("${", i);
    if (open < 0) {
      pieces.push(source.slice(i));
      break;
    }
    pieces.push(source.slice(i, open));
    const close = findClose(source, open + 2);
    if (close < 0) {
      reasons.push({ code: "templateInvalid", construct: source.slice(open, open + 40), message: "The substitution template ${ is never closed", position: positionIn(source, open) });
      break;
    }
    const inner = source.slice(open + 2, close);
    const construct = `\${${inner}}`;
    const at = positionIn(source, open);
    const done = translateOne(inner, construct, at, open + 2, source, ctx, warnings, reasons);
    if (done) {
      pieces.push({ text: done.text, construct, at });
      effects.push(done);
    }
    i = close + 1;
  }
  if (reasons.length > 0) return { source, template: null, warnings, reasons };

  // Only a template that translates whole adds fields to the SELECT (and their payload reads, and BINARY).
  for (const e of effects) {
    if (e.binary) ctx.binary = true;
    ctx.payloadReads.push(...e.payloadReads);
  }
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") {
      out += piece;
      continue;
    }
    const alias = aliasFor(piece.text, select);
    warnings.push({
      code: "templateRewritten",
      construct: piece.construct,
      message: `Alibaba's \${...} reads the rule's result, not the message: ${piece.construct} becomes \${${alias}}, with ${piece.text} selected as ${alias} (which action fields accept \${...} is unconfirmed)`,
      position: piece.at,
    });
    out += `\${${alias}}`;
  }
  return { source, template: out, warnings, reasons };
}

function aliasFor(text: string, select: TemplateSelect): string {
  const known = select.byExpression.get(text);
  if (known) return known;
  let n = select.byExpression.size + 1;
  while (select.aliases.has(`tpl_${n}`)) n++;
  const alias = `tpl_${n}`;
  select.aliases.add(alias);
  select.byExpression.set(text, alias);
  select.fields.push(`${text} as ${alias}`);
  return alias;
}

/** The Alibaba text of one template expression and what reading it implies, or null (with its reasons). */
function translateOne(
  inner: string,
  construct: string,
  at: SourcePosition,
  innerOffset: number,
  source: string,
  ctx: ExpressionContext,
  warnings: RuleSqlWarning[],
  reasons: RuleSqlBlock[],
): { text: string; binary: boolean; payloadReads: SourcePosition[] } | null {
  let expr;
  try {
    expr = parseRuleSqlExpression(inner, { sqlVersion: ctx.version });
  } catch (err) {
    if (!(err instanceof RuleSqlParseError)) throw err;
    reasons.push({ code: "templateInvalid", construct, message: `In ${construct}: ${err.message.replace(/ \(line \d+, column \d+\)$/, "")}`, position: positionIn(source, innerOffset + err.position.offset) });
    return null;
  }
  // The expression is translated with this template's own lists.
  const local: ExpressionContext = { ...ctx, warnings: [], blocks: [], clause: "select", binary: false, payloadReads: [], inlining: new Set() };
  let text: string | null = null;
  try {
    text = translateExpression(expr, local);
  } catch (err) {
    if (!(err instanceof NoEquivalent)) throw err;
    reasons.push({ code: "noEquivalent", construct, message: `${err.message}; the template cannot be translated`, position: at });
  }
  for (const w of local.warnings) warnings.push({ ...w, position: at });
  for (const b of local.blocks) reasons.push({ ...b, position: at });
  return text === null || local.blocks.length > 0 ? null : { text, binary: local.binary, payloadReads: local.payloadReads };
}

/** The index of the } that closes a template opened before `from`, skipping quoted strings and nested braces. */
function findClose(s: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function positionIn(s: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < s.length; i++) {
    if (s[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}
