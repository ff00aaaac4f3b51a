/**
 * Translates many topic rules at once: each rule gets its own result, a malformed one an "invalid" result
 * with its error and position, and the rest go on.
 */
import { translateRuleSql } from "@/lib/mapping/rule-sql/translate-rule-sql";
import { RuleSqlParseError, type RuleSqlErrorCode, type RuleSqlTranslateOptions, type RuleSqlTranslation, type SourcePosition } from "@/lib/mapping/rule-sql/rule-sql-types";

/** One rule as read from the inventory (raw.rule.sql, raw.rule.awsIotSqlVersion), with its actions' template fields. */
export type RuleSqlInput = { name: string; sql: unknown; sqlVersion?: unknown; deviceLevel?: number; templates?: readonly string[] };

export type RuleSqlInvalid = {
  status: "invalid";
  error: { code: RuleSqlErrorCode | "internal"; message: string; position: SourcePosition | null };
};

export type RuleSqlBatchItem = { name: string; result: RuleSqlTranslation | RuleSqlInvalid };

export function translateRuleSqlBatch(rules: readonly RuleSqlInput[], options: Omit<RuleSqlTranslateOptions, "sqlVersion" | "deviceLevel" | "templates"> = {}): RuleSqlBatchItem[] {
  return rules.map((rule) => ({ name: rule.name, result: translateOne(rule, options) }));
}

function translateOne(rule: RuleSqlInput, options: RuleSqlTranslateOptions): RuleSqlTranslation | RuleSqlInvalid {
  const start: SourcePosition = { offset: 0, line: 1, column: 1 };
  if (typeof rule.sql !== "string") {
    return { status: "invalid", error: { code: "emptyStatement", message: "The rule has no SQL statement", position: start } };
  }
  if (rule.sqlVersion !== undefined && rule.sqlVersion !== null && typeof rule.sqlVersion !== "string") {
    return { status: "invalid", error: { code: "unknownSqlVersion", message: "The rule's awsIotSqlVersion is not a string", position: start } };
  }
  try {
    return translateRuleSql(rule.sql, { ...options, sqlVersion: rule.sqlVersion ?? null, deviceLevel: rule.deviceLevel, templates: rule.templates });
  } catch (err) {
    if (err instanceof RuleSqlParseError) return { status: "invalid", error: { code: err.code, message: err.message, position: err.position } };
    // A translator fault must not stop the other rules; it is reported as such.
    return { status: "invalid", error: { code: "internal", message: err instanceof Error ? err.message : String(err), position: null } };
  }
}
