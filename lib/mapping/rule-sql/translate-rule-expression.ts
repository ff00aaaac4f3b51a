/**
 * One AWS IoT SQL expression -> Alibaba rule-engine SQL text. Functions follow rule-sql-function-table.ts;
 * every difference becomes a warning on the context. A construct with no equivalent throws NoEquivalent,
 * which the statement translator turns into a dropped SELECT field or an untranslatable WHERE clause;
 * constructs that make the whole rule untranslatable are recorded as blocks on the context.
 */
import { RULE_SQL_FUNCTIONS } from "@/lib/mapping/rule-sql/rule-sql-function-table";
import type { TopicLevel } from "@/lib/mapping/rule-sql/translate-rule-topic";
import type { AwsSqlVersion, BlockCode, Expr, PayloadShape, RuleSqlBlock, RuleSqlWarning, SourcePosition, WarningCode } from "@/lib/mapping/rule-sql/rule-sql-types";

export type ExpressionContext = {
  version: AwsSqlVersion;
  level: (n: number) => TopicLevel;
  /** The shape of the Alibaba source topic's messages: shadow and presence fields are renamed. */
  payload: PayloadShape;
  awsAccountId?: string;
  /** SET variables, inlined where they are read. */
  variables: ReadonlyMap<string, Expr>;
  /** The variables being inlined now (a variable that reads itself is refused). */
  inlining: Set<string>;
  /** How many variable uses were inlined: SET chains can double at each step. */
  inlined: { count: number };
  /** SELECT aliases (WHERE in AWS never sees them). */
  aliases: ReadonlySet<string>;
  clause: "select" | "where";
  warnings: RuleSqlWarning[];
  blocks: RuleSqlBlock[];
  /** Set once encode(*, 'base64') is used: the rule becomes a BINARY rule. */
  binary: boolean;
  /** Where payload fields are read (a BINARY rule cannot read them). */
  payloadReads: SourcePosition[];
};

/** Internal signal: this expression has no Alibaba equivalent. */
export class NoEquivalent {
  constructor(
    readonly construct: string,
    readonly message: string,
    readonly position: SourcePosition,
  ) {}
}

type Rendered = { text: string; prec: number };

const PREC: Record<string, number> = { OR: 1, AND: 2, NOT: 3, "=": 4, "<>": 4, "<": 4, "<=": 4, ">": 4, ">=": 4, IS: 4, LIKE: 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6 };
const ATOM = 9;
/** Inlined SET variable uses per rule beyond which the rule is refused (each @b = @a + @a doubles the text). */
export const MAX_INLINED = 200;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function translateExpression(e: Expr, ctx: ExpressionContext): string {
  return render(e, ctx).text;
}

function warn(ctx: ExpressionContext, code: WarningCode, construct: string, message: string, position: SourcePosition): void {
  ctx.warnings.push({ code, construct, message, position });
}
function block(ctx: ExpressionContext, code: BlockCode, construct: string, message: string, position: SourcePosition): Rendered {
  ctx.blocks.push({ code, construct, message, position });
  return { text: "null", prec: ATOM };
}

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function wrap(r: Rendered, min: number): string {
  return r.prec < min ? `(${r.text})` : r.text;
}

/** The AWS source text of an expression, shortened, for warnings. */
export function describeExpr(e: Expr): string {
  const text = sourceOf(e);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function sourceOf(e: Expr): string {
  switch (e.kind) {
    case "string":
      return `${e.quote}${e.value}${e.quote}`;
    case "number":
      return e.text;
    case "boolean":
      return String(e.value);
    case "null":
      return "NULL";
    case "field":
      return e.name;
    case "variable":
      return `@${e.name}`;
    case "payload":
      return "*";
    case "member":
      return `${sourceOf(e.object)}.${e.property}`;
    case "index":
      return `${sourceOf(e.object)}[${sourceOf(e.index)}]`;
    case "call":
      return `${e.name}(${e.args.map(sourceOf).join(", ")})`;
    case "unary":
      return e.op === "NOT" ? `NOT ${sourceOf(e.operand)}` : `${e.op}${sourceOf(e.operand)}`;
    case "binary":
      return `${sourceOf(e.left)} ${e.op} ${sourceOf(e.right)}`;
    case "is":
      return `${sourceOf(e.operand)} IS ${e.negated ? "NOT " : ""}${e.test}`;
    case "case":
      return `CASE ${e.subject ? `${sourceOf(e.subject)} ` : ""}WHEN … END`;
    case "array":
      return `[${e.items.map(sourceOf).join(", ")}]`;
    case "object":
      return "{…}";
    case "subquery":
      return "(SELECT …)";
  }
}

function render(e: Expr, ctx: ExpressionContext): Rendered {
  switch (e.kind) {
    case "string":
      if (e.quote === '"') {
        warn(ctx, "doubleQuotedString", describeExpr(e), `"${e.value}" becomes '${e.value}': double quotes name a field in Alibaba rule SQL`, e.pos);
      }
      if (/['\\]/.test(e.value)) {
        warn(ctx, "unconfirmed", describeExpr(e), "The string holds a quote or a backslash, escaped with a backslash; Alibaba documents no escape in rule SQL strings", e.pos);
      }
      return { text: quoteString(e.value), prec: ATOM };
    case "number":
      return { text: e.text, prec: ATOM };
    case "boolean":
      return { text: String(e.value), prec: ATOM };
    case "null":
      return { text: "null", prec: ATOM };
    case "field":
    case "member":
    case "index":
      return renderPath(e, ctx);
    case "variable": {
      const value = ctx.variables.get(e.name);
      if (!value) throw new NoEquivalent(`@${e.name}`, `The variable @${e.name} is not set`, e.pos);
      if (ctx.inlining.has(e.name)) throw new NoEquivalent(`@${e.name}`, `The variable @${e.name} refers to itself`, e.pos);
      if (++ctx.inlined.count > MAX_INLINED) throw new NoEquivalent(`@${e.name}`, `The SET variables expand to more than ${MAX_INLINED} inlined uses`, e.pos);
      warn(ctx, "setInlined", `@${e.name}`, `Alibaba has no SET: @${e.name} is replaced by its expression`, e.pos);
      ctx.inlining.add(e.name);
      try {
        return { text: wrap(render(value, ctx), ATOM), prec: ATOM };
      } finally {
        ctx.inlining.delete(e.name);
      }
    }
    case "payload":
      throw new NoEquivalent("*", "The whole payload as a value (outside SELECT * and encode(*, 'base64')) has no equivalent", e.pos);
    case "call":
      return renderCall(e, ctx);
    case "unary": {
      const inner = render(e.operand, ctx);
      if (e.op === "+") return inner;
      // never "--", which would read as a comment
      if (e.op === "-") return { text: inner.text.startsWith("-") ? `-(${inner.text})` : `-${wrap(inner, 7)}`, prec: 7 };
      warn(ctx, "unconfirmed", describeExpr(e), "NOT is not among Alibaba's documented rule SQL operators", e.pos);
      return { text: `not ${wrap(inner, ATOM)}`, prec: PREC.NOT as number };
    }
    case "binary":
      return renderBinary(e, ctx);
    case "is": {
      const inner = render(e.operand, ctx);
      if (e.test === "UNDEFINED") {
        warn(ctx, "semanticsDiffer", describeExpr(e), "Alibaba has no Undefined: IS UNDEFINED becomes IS NULL (a missing field and a null field look alike)", e.pos);
      }
      warn(ctx, "unconfirmed", describeExpr(e), "IS NULL is not among Alibaba's documented rule SQL operators", e.pos);
      return { text: `${wrap(inner, 5)} is ${e.negated ? "not " : ""}null`, prec: PREC.IS as number };
    }
    case "case":
      return renderCase(e, ctx);
    case "array":
    case "object":
      throw new NoEquivalent(describeExpr(e), `${e.kind === "array" ? "Array" : "Object"} literals are not documented in Alibaba rule SQL`, e.pos);
    case "subquery":
      return block(ctx, "subquery", "(SELECT …)", "Nested SELECTs have no equivalent (Alibaba rule SQL has no subqueries)", e.pos);
  }
}

function renderBinary(e: Extract<Expr, { kind: "binary" }>, ctx: ExpressionContext): Rendered {
  if (e.op === "+" && (isStringy(e.left) || isStringy(e.right))) {
    warn(ctx, "stringConcatenation", describeExpr(e), "+ on strings becomes concat(): Alibaba's + is arithmetic only", e.pos);
    return { text: `concat(${render(e.left, ctx).text}, ${render(e.right, ctx).text})`, prec: ATOM };
  }
  const p = PREC[e.op] as number;
  const left = render(e.left, ctx);
  const right = render(e.right, ctx);
  const op = e.op === "AND" || e.op === "OR" ? e.op.toLowerCase() : e.op;
  // AND inside OR is bracketed too: the reader need not know the precedence.
  const and = PREC.AND as number;
  const side = (r: Rendered, min: number) => (r.prec < min || (e.op === "OR" && r.prec === and) ? `(${r.text})` : r.text);
  return { text: `${side(left, p)} ${op} ${side(right, p + 1)}`, prec: p };
}

function isStringy(e: Expr): boolean {
  if (e.kind === "string") return true;
  if (e.kind === "call") return ["concat", "lower", "upper", "replace", "substring", "clientid", "traceid", "newuuid"].includes(e.name.toLowerCase());
  return e.kind === "binary" && e.op === "+" && (isStringy(e.left) || isStringy(e.right));
}

function renderCase(e: Extract<Expr, { kind: "case" }>, ctx: ExpressionContext): Rendered {
  if (!e.subject) throw new NoEquivalent("CASE WHEN …", "Alibaba documents only the simple CASE (CASE value WHEN … THEN …), not CASE WHEN condition", e.pos);
  const parts = [e.subject, ...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
  const nested = parts.find((p) => containsCase(p));
  if (nested) return block(ctx, "nestedCase", describeExpr(e), "Alibaba rule SQL does not support a CASE inside a CASE", e.pos);
  const text = [
    `CASE ${render(e.subject, ctx).text}`,
    ...e.branches.map((b) => `WHEN ${render(b.when, ctx).text} THEN ${render(b.then, ctx).text}`),
    ...(e.otherwise ? [`ELSE ${render(e.otherwise, ctx).text}`] : []),
    "END",
  ].join(" ");
  return { text, prec: ATOM };
}

function containsCase(e: Expr): boolean {
  switch (e.kind) {
    case "case":
      return true;
    case "member":
      return containsCase(e.object);
    case "index":
      return containsCase(e.object) || containsCase(e.index);
    case "call":
      return e.args.some(containsCase);
    case "unary":
      return containsCase(e.operand);
    case "is":
      return containsCase(e.operand);
    case "binary":
      return containsCase(e.left) || containsCase(e.right);
    default:
      return false;
  }
}

// ---- paths ----------------------------------------------------------------------------------

type Segment = { name: string } | { index: number };

/** a.b[0].c, get(a, 'b'), get(*, 'k') -> a JSON path; with an index the whole path is double-quoted. */
function renderPath(e: Expr, ctx: ExpressionContext): Rendered {
  const registry = registryAttribute(e, ctx);
  if (registry) return registry;
  const parsed = pathSegments(e);
  if (!parsed) {
    if (e.kind === "member" || e.kind === "index") {
      const root = rootOf(e);
      throw new NoEquivalent(describeExpr(e), `Reading into the result of ${describeExpr(root)} has no equivalent`, e.pos);
    }
    throw new NoEquivalent(describeExpr(e), "This path has no equivalent", e.pos);
  }
  if (parsed.length === 0) throw new NoEquivalent(describeExpr(e), "The whole payload as a value has no equivalent", e.pos);
  ctx.payloadReads.push(e.pos);
  const segments = reshapePath(parsed, e, ctx);
  const first = segments[0] as Segment;
  if ("index" in first) throw new NoEquivalent(describeExpr(e), "An index into the top-level payload has no equivalent", e.pos);
  if (ctx.clause === "where" && segments.length === 1 && ctx.aliases.has(first.name)) {
    warn(
      ctx,
      "aliasInWhere",
      first.name,
      `In AWS, WHERE reads the payload's ${first.name}, never the SELECT alias of that name; Alibaba's rule SQL may read the alias instead`,
      e.pos,
    );
  }
  const odd = segments.find((s) => "name" in s && !IDENT.test(s.name));
  if (odd && "name" in odd) warn(ctx, "unconfirmed", describeExpr(e), `The key "${odd.name}" is not a plain name; how Alibaba reads such keys is unconfirmed`, e.pos);
  const text = segments.map((s, i) => ("index" in s ? `[${s.index}]` : i === 0 ? s.name : `.${s.name}`)).join("");
  if (segments.some((s) => "index" in s)) {
    warn(ctx, "arrayPathQuoted", describeExpr(e), `The array path becomes "${text}" (Alibaba reads array elements through a double-quoted path)`, e.pos);
    return { text: `"${text}"`, prec: ATOM };
  }
  return { text, prec: ATOM };
}

/** AWS presence-event fields -> Alibaba device status fields. A Map: a field named __proto__ is just a field. */
const PRESENCE_FIELDS = new Map<string, { to: string; code: WarningCode; note: string }>([
  ["clientId", { to: "deviceName", code: "clientIdAsDeviceName", note: "equal only where the client ID is the thing name" }],
  ["thingName", { to: "deviceName", code: "payloadFieldMapped", note: "the thing is the device" }],
  ["eventType", { to: "status", code: "semanticsDiffer", note: "online/offline instead of connected/disconnected" }],
  ["ipAddress", { to: "clientIp", code: "payloadFieldMapped", note: "the device's public egress IP" }],
  ["timestamp", { to: "utcTime", code: "semanticsDiffer", note: "an ISO 8601 text instead of epoch milliseconds" }],
]);

const nameOf = (s: Segment | undefined) => (s && "name" in s ? s.name : undefined);

/**
 * Shadow and presence fields under their Alibaba names. A shadow's state.reported.<id> is the thing model's
 * items.<id>.value; presence events (clientId, thingName, eventType, ipAddress, timestamp:
 * https://docs.aws.amazon.com/iot/latest/developerguide/life-cycle-events.html) become the status message's
 * deviceName, status, clientIp, utcTime (https://help.aliyun.com/document_detail/73736.html).
 */
function reshapePath(segments: Segment[], e: Expr, ctx: ExpressionContext): Segment[] {
  const source = describeExpr(e);
  if (ctx.payload === "thingModel") {
    const skip = nameOf(segments[0]) === "current" ? 1 : 0;
    const [state, reported, id] = segments.slice(skip, skip + 3).map(nameOf);
    if (state === "state" && reported === "reported" && id !== undefined) {
      const result = [{ name: "items" }, { name: id }, { name: "value" }, ...segments.slice(skip + 3)];
      warn(ctx, "payloadFieldMapped", source, `${source} is the thing-model property ${id}: items.${id}.value`, e.pos);
      return result;
    }
    throw new NoEquivalent(source, `${source} is not part of a thing-model property post (only state.reported.<property> is)`, e.pos);
  }
  if (ctx.payload === "deviceStatus") {
    const rename = segments.length === 1 ? PRESENCE_FIELDS.get(nameOf(segments[0]) ?? "") : undefined;
    const first = nameOf(segments[0]);
    if (!rename) throw new NoEquivalent(source, `${source} is not part of Alibaba's device status message`, e.pos);
    warn(ctx, rename.code, source, `The presence field ${first} becomes the status field ${rename.to}: ${rename.note}`, e.pos);
    return [{ name: rename.to }];
  }
  return segments;
}

function rootOf(e: Expr): Expr {
  return e.kind === "member" || e.kind === "index" ? rootOf(e.object) : e;
}

/** The segments of a payload path, or null when the expression is not one. */
function pathSegments(e: Expr): Segment[] | null {
  switch (e.kind) {
    case "field":
      return [{ name: e.name }];
    case "payload":
      return [];
    case "member": {
      const base = pathSegments(e.object);
      return base ? [...base, { name: e.property }] : null;
    }
    case "index": {
      const base = pathSegments(e.object);
      return base && e.index.kind === "number" && Number.isInteger(e.index.value) && e.index.value >= 0 ? [...base, { index: e.index.value }] : null;
    }
    case "call": {
      if (e.name.toLowerCase() !== "get" || e.args.length !== 2) return null;
      const base = pathSegments(e.args[0] as Expr);
      const key = e.args[1] as Expr;
      if (!base) return null;
      if (key.kind === "string") return [...base, { name: key.value }];
      if (key.kind === "number" && Number.isInteger(key.value) && key.value >= 0) return [...base, { index: key.value }];
      return null;
    }
    default:
      return null;
  }
}

/** get_registry_data(...).attributes.key -> attribute('key') (device tags). */
function registryAttribute(e: Expr, ctx: ExpressionContext): Rendered | null {
  if (e.kind !== "member" || e.object.kind !== "member" || e.object.property !== "attributes") return null;
  const call = e.object.object;
  if (call.kind !== "call" || call.name.toLowerCase() !== "get_registry_data") return null;
  warn(ctx, "semanticsDiffer", describeExpr(e), `The thing attribute ${e.property} is read as the device tag attribute('${e.property}'): the attribute must be migrated to a device tag`, e.pos);
  return { text: `attribute(${quoteString(e.property)})`, prec: ATOM };
}

// ---- calls ----------------------------------------------------------------------------------

function renderCall(e: Extract<Expr, { kind: "call" }>, ctx: ExpressionContext): Rendered {
  const name = e.name.toLowerCase();
  const entry = RULE_SQL_FUNCTIONS.get(name);
  const construct = describeExpr(e);
  if (!entry) throw new NoEquivalent(construct, `${e.name}() is not an AWS IoT SQL function this translator knows; no Alibaba equivalent`, e.pos);
  if (entry.warning && entry.rule.kind !== "special") warn(ctx, entry.warning, construct, `${e.name}() becomes ${entry.alibaba}${entry.note ? `: ${entry.note}` : ""}`, e.pos);
  const args = () => e.args.map((a) => render(a, ctx).text).join(", ");
  switch (entry.rule.kind) {
    case "same":
      return { text: `${entry.aws}(${args()})`, prec: ATOM };
    case "rename":
      return { text: `${entry.rule.to}(${args()})`, prec: ATOM };
    case "crypto":
      if (e.args.length !== 1) throw new NoEquivalent(construct, `${e.name}() takes one argument`, e.pos);
      return { text: `crypto(${args()}, '${entry.rule.algorithm}')`, prec: ATOM };
    case "none":
      throw new NoEquivalent(construct, `${e.name}() has no Alibaba equivalent${entry.note ? ` (${entry.note})` : ""}`, e.pos);
    case "refuse":
      return block(ctx, "refusedFunction", construct, `${e.name}() cannot be translated: ${entry.note ?? "no equivalent"}`, e.pos);
    case "special":
      return renderSpecial(e, name, ctx);
  }
}

function renderSpecial(e: Extract<Expr, { kind: "call" }>, name: string, ctx: ExpressionContext): Rendered {
  const construct = describeExpr(e);
  const arg = (i: number) => e.args[i];
  switch (name) {
    case "topic":
      return renderTopicCall(e, ctx);
    case "clientid":
      warn(ctx, "clientIdAsDeviceName", construct, "clientid() becomes deviceName(): equal only where each device's MQTT client ID is its thing name", e.pos);
      return { text: "deviceName()", prec: ATOM };
    case "traceid":
      warn(ctx, "traceIdAsMessageId", construct, "traceid() becomes messageId(): both identify the message, with different values", e.pos);
      return { text: "messageId()", prec: ATOM };
    case "encode": {
      const what = arg(0);
      const enc = arg(1);
      if (e.args.length === 2 && what?.kind === "payload" && enc?.kind === "string" && enc.value.toLowerCase() === "base64") {
        ctx.binary = true;
        warn(ctx, "binaryPayload", construct, "encode(*, 'base64') becomes to_base64(*): the rule becomes a BINARY rule (no payload fields in WHERE; no Tablestore, RDS or TSDB actions)", e.pos);
        return { text: "to_base64(*)", prec: ATOM };
      }
      throw new NoEquivalent(construct, "Only encode(*, 'base64') has an equivalent (to_base64(*))", e.pos);
    }
    case "get":
      return renderPath(e, ctx);
    case "startswith": {
      const prefix = arg(1);
      if (ctx.clause !== "where") throw new NoEquivalent(construct, "startswith() as a SELECT value has no equivalent (only a WHERE condition becomes LIKE)", e.pos);
      if (e.args.length !== 2 || prefix?.kind !== "string") throw new NoEquivalent(construct, "startswith() becomes LIKE only with a constant prefix", e.pos);
      if (prefix.quote === '"') warn(ctx, "doubleQuotedString", describeExpr(prefix), `"${prefix.value}" becomes '${prefix.value}': double quotes name a field in Alibaba rule SQL`, prefix.pos);
      if (prefix.value.includes("%")) warn(ctx, "unconfirmed", construct, `The prefix "${prefix.value}" holds %, which LIKE reads as a wildcard; no escape is documented`, e.pos);
      warn(ctx, "functionRewritten", construct, `startswith() becomes LIKE '${prefix.value}%'`, e.pos);
      const subject = render(arg(0) as Expr, ctx);
      return { text: `${wrap(subject, 5)} like ${quoteString(`${prefix.value}%`)}`, prec: PREC.LIKE as number };
    }
    case "sqrt": {
      if (e.args.length !== 1) throw new NoEquivalent(construct, "sqrt() takes one argument", e.pos);
      warn(ctx, "functionRewritten", construct, "sqrt(x) becomes power(x, 0.5)", e.pos);
      return { text: `power(${render(arg(0) as Expr, ctx).text}, 0.5)`, prec: ATOM };
    }
    case "concat": {
      if (e.args.length === 0) throw new NoEquivalent(construct, "concat() without arguments has no equivalent", e.pos);
      const parts = e.args.map((a) => render(a, ctx).text);
      if (e.args.length !== 2) warn(ctx, "semanticsDiffer", construct, `Alibaba's concat() takes two strings: ${e.args.length} arguments become nested calls`, e.pos);
      if (parts.length === 1) return { text: `concat(${parts[0]}, '')`, prec: ATOM };
      return { text: parts.slice(1).reduce((acc, p) => `concat(${acc}, ${p})`, parts[0] as string), prec: ATOM };
    }
    case "parse_time": {
      const [fmt, ts, tz] = e.args;
      const utc = tz === undefined || (tz.kind === "string" && ["utc", "etc/utc", "z"].includes(tz.value.toLowerCase()));
      if (fmt?.kind === "string" && ts?.kind === "call" && ts.name.toLowerCase() === "timestamp" && ts.args.length === 0 && utc && e.args.length <= 3) {
        warn(ctx, "unconfirmed", construct, `parse_time() of the current time becomes timestamp_utc('${fmt.value}'); whether Alibaba reads the Joda pattern the same way is unconfirmed`, e.pos);
        return { text: `timestamp_utc(${quoteString(fmt.value)})`, prec: ATOM };
      }
      throw new NoEquivalent(construct, "parse_time() has an equivalent only for the current time in UTC (timestamp_utc); otherwise use a v2 parser script's format_date()", e.pos);
    }
    case "accountid":
      if (!ctx.awsAccountId) throw new NoEquivalent(construct, "accountid() becomes a constant, but the AWS account ID is not known", e.pos);
      warn(ctx, "constantInlined", construct, `accountid() becomes the constant '${ctx.awsAccountId}'`, e.pos);
      return { text: quoteString(ctx.awsAccountId), prec: ATOM };
    case "sql_version":
      warn(ctx, "constantInlined", construct, `sql_version() becomes the constant '${ctx.version}'`, e.pos);
      return { text: quoteString(ctx.version), prec: ATOM };
    case "get_registry_data":
      throw new NoEquivalent(construct, "get_registry_data() has an equivalent only as get_registry_data(...).attributes.<key> (a device tag)", e.pos);
    default:
      throw new NoEquivalent(construct, `${e.name}() has no translation`, e.pos);
  }
}

function renderTopicCall(e: Extract<Expr, { kind: "call" }>, ctx: ExpressionContext): Rendered {
  const construct = describeExpr(e);
  if (e.args.length === 0) {
    warn(ctx, "topicFunctionRecomputed", construct, "topic() returns the Alibaba topic (/${productKey}/${deviceName}/user/...), not the AWS one", e.pos);
    return { text: "topic()", prec: ATOM };
  }
  const n = e.args[0] as Expr;
  if (e.args.length !== 1 || n.kind !== "number" || !Number.isInteger(n.value) || n.value < 1) {
    throw new NoEquivalent(construct, "topic(n) is translated only with a constant level n of 1 or more", e.pos);
  }
  const level = ctx.level(n.value);
  switch (level.kind) {
    case "device":
      warn(ctx, "topicFunctionRecomputed", construct, `${construct} names the device: it becomes deviceName()`, e.pos);
      return { text: "deviceName()", prec: ATOM };
    case "constant":
      warn(ctx, "topicFunctionRecomputed", construct, `Level ${n.value} of the AWS topic is always "${level.value}": ${construct} becomes that constant`, e.pos);
      return { text: quoteString(level.value), prec: ATOM };
    case "position":
      warn(ctx, "topicFunctionRecomputed", construct, `Level ${n.value} of the AWS topic is level ${level.n} of the Alibaba topic: ${construct} becomes topic(${level.n})`, e.pos);
      return { text: `topic(${level.n})`, prec: ATOM };
    case "missing":
      throw new NoEquivalent(construct, `Level ${n.value} of the AWS topic has no counterpart in the Alibaba topic`, e.pos);
  }
}
