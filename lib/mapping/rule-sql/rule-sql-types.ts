/**
 * Types shared by the AWS IoT SQL parser and its translator to Alibaba Cloud IoT Platform's rule engine
 * (data forwarding rules: Select / ShortTopic / Where). Facts: docs in /work/shared/research/rule-sql-translation.md.
 */

/** A place in the statement: offset (0-based, UTF-16 units), line and column (1-based). */
export type SourcePosition = { offset: number; line: number; column: number };

export const AWS_SQL_VERSIONS = ["2015-10-08", "2016-03-23", "beta"] as const;
export type AwsSqlVersion = (typeof AWS_SQL_VERSIONS)[number];

// ---------------------------------------------------------------------------------------------
// Tokens

export type TokenType = "identifier" | "variable" | "number" | "string" | "punct" | "eof";

export type Token = {
  type: TokenType;
  /** identifier / variable: the name; number: the text; string: the value without quotes; punct: the symbol. */
  value: string;
  /** For strings: which quote opened it. */
  quote?: "'" | '"';
  /** The source text as written. */
  text: string;
  pos: SourcePosition;
};

// ---------------------------------------------------------------------------------------------
// The AST of an AWS IoT SQL statement

export type BinaryOperator = "OR" | "AND" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";
export type UnaryOperator = "NOT" | "-" | "+";

export type Expr =
  | { kind: "string"; value: string; quote: "'" | '"'; pos: SourcePosition }
  | { kind: "number"; text: string; value: number; pos: SourcePosition }
  | { kind: "boolean"; value: boolean; pos: SourcePosition }
  | { kind: "null"; pos: SourcePosition }
  /** A payload field at the top level (`temperature`). */
  | { kind: "field"; name: string; pos: SourcePosition }
  /** A SET variable (`@total`). */
  | { kind: "variable"; name: string; pos: SourcePosition }
  /** `*` as a value: the whole payload, as in `encode(*, 'base64')` or `get(*, 'k')`. */
  | { kind: "payload"; pos: SourcePosition }
  /** `a.b`. */
  | { kind: "member"; object: Expr; property: string; pos: SourcePosition }
  /** `a[0]`. */
  | { kind: "index"; object: Expr; index: Expr; pos: SourcePosition }
  | { kind: "call"; name: string; args: Expr[]; pos: SourcePosition }
  | { kind: "unary"; op: UnaryOperator; operand: Expr; pos: SourcePosition }
  | { kind: "binary"; op: BinaryOperator; left: Expr; right: Expr; pos: SourcePosition }
  /** `x IS [NOT] NULL` / `x IS [NOT] UNDEFINED`. */
  | { kind: "is"; operand: Expr; negated: boolean; test: "NULL" | "UNDEFINED"; pos: SourcePosition }
  /** Simple (`CASE v WHEN 1 THEN ...`) when subject is set, searched (`CASE WHEN cond THEN ...`) otherwise. */
  | { kind: "case"; subject: Expr | null; branches: Array<{ when: Expr; then: Expr }>; otherwise: Expr | null; pos: SourcePosition }
  /** `[1, 2]` (SQL version 2016-03-23 and later). */
  | { kind: "array"; items: Expr[]; pos: SourcePosition }
  /** `{"k": v}` (SQL version 2016-03-23 and later). */
  | { kind: "object"; entries: Array<{ key: string; value: Expr }>; pos: SourcePosition }
  /** `(SELECT v FROM arr WHERE ...)` (SQL version 2016-03-23 and later). */
  | { kind: "subquery"; query: SubQuery; pos: SourcePosition };

export type ExprKind = Expr["kind"];

export type SelectItem =
  /** `*` at the top of the SELECT list: every field of the payload. */
  | { kind: "all"; pos: SourcePosition }
  /** `a.b.*`: every field of an object, spread into the result. */
  | { kind: "allOf"; object: Expr; pos: SourcePosition }
  | { kind: "expr"; expr: Expr; alias: string | null; pos: SourcePosition };

export type SubQuery = { items: SelectItem[]; value: boolean; from: Expr; where: Expr | null };

export type SetAssignment = { name: string; value: Expr; pos: SourcePosition };

export type RuleSqlStatement = {
  version: AwsSqlVersion;
  set: SetAssignment[];
  /** `SELECT VALUE expr`: the result is the value itself, not an object. */
  value: boolean;
  items: SelectItem[];
  from: { topic: string; quote: "'" | '"'; pos: SourcePosition };
  where: Expr | null;
  pos: SourcePosition;
};

// ---------------------------------------------------------------------------------------------
// Parse errors

export const RULE_SQL_ERROR_CODES = [
  "emptyStatement",
  "unknownSqlVersion",
  "unterminatedString",
  "unknownCharacter",
  "invalidNumber",
  "unexpectedToken",
  "unexpectedEnd",
  "missingFrom",
  "invalidTopicFilter",
  "tooDeep",
  "versionFeature",
] as const;
export type RuleSqlErrorCode = (typeof RULE_SQL_ERROR_CODES)[number];

/** The one error a malformed statement gives: what is wrong, and where. */
export class RuleSqlParseError extends Error {
  readonly code: RuleSqlErrorCode;
  readonly position: SourcePosition;
  constructor(code: RuleSqlErrorCode, message: string, position: SourcePosition) {
    super(`${message} (line ${position.line}, column ${position.column})`);
    this.name = "RuleSqlParseError";
    this.code = code;
    this.position = position;
  }
}

// ---------------------------------------------------------------------------------------------
// Translation

export const WARNING_CODES = [
  "topicRestructured",
  "topicLevelRewritten",
  "noDeviceLevel",
  "wildcardOutsideDeviceLevel",
  "reservedTopicMapped",
  "payloadFieldMapped",
  "topicFunctionRecomputed",
  "clientIdAsDeviceName",
  "traceIdAsMessageId",
  "doubleQuotedString",
  "functionRewritten",
  "semanticsDiffer",
  "unconfirmed",
  "constantInlined",
  "arrayPathQuoted",
  "stringConcatenation",
  "aliasInWhere",
  "setInlined",
  "sqlVersionDecimals",
  "tooManyFields",
  "binaryPayload",
  "fieldDropped",
  "templateRewritten",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const BLOCK_CODES = [
  "unsupportedTopic",
  "refusedFunction",
  "noEquivalent",
  "selectValue",
  "subquery",
  "nestedCase",
  "binaryReadsPayload",
  "nothingSelected",
  "templateInvalid",
] as const;
export type BlockCode = (typeof BLOCK_CODES)[number];

export type RuleSqlWarning = { code: WarningCode; construct: string; message: string; position: SourcePosition };
export type RuleSqlBlock = { code: BlockCode; construct: string; message: string; position: SourcePosition };

/** What the messages on a rule's source topic look like: the device's own JSON, a thing-model property post, a status change. */
export type PayloadShape = "custom" | "thingModel" | "deviceStatus";

/** The rule's source topic on Alibaba: TopicType 0 system / thing model, 1 custom, 2 device status. */
export type AlibabaRuleTopic = {
  topicType: 0 | 1 | 2;
  /** The API's ShortTopic (`+/user/dt/telemetry`), the device level first. */
  shortTopic: string;
  /** The full topic with the product key as a placeholder (`/${productKey}/+/user/dt/telemetry`). */
  topic: string;
};

export type RuleSqlTranslation =
  | {
      status: "translated";
      /** The whole statement as the console shows it. */
      sql: string;
      /** The API's Select field (the text after SELECT). */
      select: string;
      /** The API's Where field; empty when the rule has no condition. */
      where: string;
      topic: AlibabaRuleTopic;
      dataType: "JSON" | "BINARY";
      warnings: RuleSqlWarning[];
      /** The action fields given in options.templates, in their order, rewritten to read the rule's result. */
      templates: TemplateTranslation[];
    }
  | { status: "untranslatable"; reasons: RuleSqlBlock[]; warnings: RuleSqlWarning[] };

/**
 * An action field with substitution templates (`things/${topic(2)}/inbox`). AWS evaluates `${expr}` against
 * the incoming message; Alibaba's `${name}` reads a field of the rule's result, so each expression is added to
 * the SELECT under an alias. template is null when an expression cannot be expressed (reasons say why).
 * Positions are relative to the template.
 */
export type TemplateTranslation = { source: string; template: string | null; warnings: RuleSqlWarning[]; reasons: RuleSqlBlock[] };

export type RuleSqlTranslateOptions = {
  /** Action fields holding substitution templates, translated along with the SQL. */
  templates?: readonly string[];
  /** The rule's awsIotSqlVersion; AWS's default is 2015-10-08. */
  sqlVersion?: string | null;
  /** Which level of the FROM filter (1-based) names the device; by default the first `+`. */
  deviceLevel?: number;
  /** accountid() becomes this constant. */
  awsAccountId?: string;
};
