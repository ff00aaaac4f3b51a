/**
 * The one table of AWS IoT SQL functions and what each becomes in Alibaba IoT Platform's rule SQL.
 * From /work/shared/research/rule-sql-translation.md, section 2 (AWS: iot-sql-functions.html; Alibaba: the
 * data forwarding function list, https://www.alibabacloud.com/help/en/iot/user-guide/functions).
 *
 * - same / rename / crypto: emitted directly;
 * - special: rewritten by translate-rule-expression.ts (topic levels move, get() becomes a path, ...);
 * - none: no equivalent: the SELECT field is dropped with a warning, a WHERE clause cannot be translated;
 * - refuse: the rule cannot be translated (the work moves outside the rule, e.g. a Function Compute action).
 * confidence: "documented" = both sides documented and equivalent; "partial" = documented, semantics differ;
 * "unconfirmed" = the Alibaba side was found in no source read.
 */
import type { WarningCode } from "@/lib/mapping/rule-sql/rule-sql-types";

export type FunctionRule =
  | { kind: "same" }
  | { kind: "rename"; to: string }
  | { kind: "crypto"; algorithm: string }
  | { kind: "special" }
  | { kind: "none" }
  | { kind: "refuse" };

export type FunctionMapping = {
  aws: string;
  rule: FunctionRule;
  /** What it becomes, in words, for the catalogue. */
  alibaba: string;
  confidence: "documented" | "partial" | "unconfirmed";
  /** A warning every use carries (semantics differ). */
  warning?: WarningCode;
  note?: string;
  source: string;
};

export const AWS_FUNCTIONS_SOURCE = "https://docs.aws.amazon.com/iot/latest/developerguide/iot-sql-functions.html";
export const ALIBABA_FUNCTIONS_SOURCE = "https://www.alibabacloud.com/help/en/iot/user-guide/functions";
const BOTH = `${AWS_FUNCTIONS_SOURCE} ; ${ALIBABA_FUNCTIONS_SOURCE}`;
const V2_SCRIPT = "https://www.alibabacloud.com/help/en/iot-platform/latest/function-list";

const same = (aws: string): FunctionMapping => ({ aws, rule: { kind: "same" }, alibaba: `${aws}()`, confidence: "documented", source: BOTH });
const none = (aws: string, note: string): FunctionMapping => ({ aws, rule: { kind: "none" }, alibaba: "none", confidence: "documented", note, source: AWS_FUNCTIONS_SOURCE });
const refuse = (aws: string, note: string): FunctionMapping => ({ aws, rule: { kind: "refuse" }, alibaba: "none", confidence: "documented", note, source: AWS_FUNCTIONS_SOURCE });
const crypto = (aws: string, algorithm: string): FunctionMapping => ({
  aws,
  rule: { kind: "crypto", algorithm },
  alibaba: `crypto(x, '${algorithm}')`,
  confidence: "documented",
  source: BOTH,
});

const ENTRIES: FunctionMapping[] = [
  ...["abs", "asin", "cos", "cosh", "sin", "sinh", "tan", "tanh", "exp", "floor", "power", "mod", "rand", "newuuid", "lower", "upper", "replace", "endswith", "timestamp", "log"].map(same),
  { aws: "remainder", rule: { kind: "rename", to: "mod" }, alibaba: "mod(n, m)", confidence: "documented", warning: "functionRewritten", source: BOTH },
  { aws: "nanvl", rule: { kind: "same" }, alibaba: "nanvl(value, default)", confidence: "partial", warning: "semanticsDiffer", note: "AWS replaces Undefined, Null and NaN; Alibaba only null", source: BOTH },
  { aws: "substring", rule: { kind: "same" }, alibaba: "substring(target, start[, end])", confidence: "partial", warning: "semanticsDiffer", note: "Alibaba fails on booleans, and an invalid argument stops the rule", source: BOTH },
  { aws: "concat", rule: { kind: "special" }, alibaba: "concat(s1, s2), nested for more", confidence: "partial", note: "Alibaba takes two strings; AWS any number, and arrays", source: BOTH },
  crypto("md2", "MD2"),
  crypto("md5", "MD5"),
  crypto("sha1", "SHA1"),
  crypto("sha256", "SHA-256"),
  crypto("sha384", "SHA-384"),
  crypto("sha512", "SHA-512"),
  none("sha224", "crypto() has no SHA-224"),
  { aws: "topic", rule: { kind: "special" }, alibaba: "deviceName() for the device level, a constant for fixed levels, topic(n) recomputed otherwise", confidence: "documented", note: "Alibaba topic(1) = productKey, topic(2) = deviceName, custom topics sit under /${productKey}/${deviceName}/user/", source: BOTH },
  { aws: "clientid", rule: { kind: "special" }, alibaba: "deviceName()", confidence: "partial", warning: "clientIdAsDeviceName", note: "equal only where the MQTT client ID is the thing name", source: BOTH },
  { aws: "traceid", rule: { kind: "special" }, alibaba: "messageId()", confidence: "partial", warning: "traceIdAsMessageId", note: "both per-message IDs, with different values", source: BOTH },
  { aws: "encode", rule: { kind: "special" }, alibaba: "to_base64(*) (payload only; the rule becomes BINARY)", confidence: "partial", note: "encode() of an expression has no equivalent", source: BOTH },
  { aws: "get", rule: { kind: "special" }, alibaba: 'a JSON path: get(a, \'k\') -> a.k, get(arr, 0) -> "arr[0]"', confidence: "documented", note: "keys with hyphens: unconfirmed", source: BOTH },
  { aws: "startswith", rule: { kind: "special" }, alibaba: "x LIKE 'prefix%' (WHERE, constant prefix only)", confidence: "partial", warning: "functionRewritten", source: BOTH },
  { aws: "sqrt", rule: { kind: "special" }, alibaba: "power(x, 0.5)", confidence: "partial", warning: "functionRewritten", source: BOTH },
  { aws: "parse_time", rule: { kind: "special" }, alibaba: "timestamp_utc(fmt) when the time is timestamp() in UTC", confidence: "unconfirmed", note: "Joda and Alibaba patterns may differ; otherwise a v2 parser script's format_date()", source: `${BOTH} ; ${V2_SCRIPT}` },
  { aws: "accountid", rule: { kind: "special" }, alibaba: "a constant (the AWS account ID)", confidence: "documented", warning: "constantInlined", source: AWS_FUNCTIONS_SOURCE },
  { aws: "sql_version", rule: { kind: "special" }, alibaba: "a constant (the rule's SQL version)", confidence: "documented", warning: "constantInlined", source: AWS_FUNCTIONS_SOURCE },
  { aws: "get_registry_data", rule: { kind: "special" }, alibaba: "attribute(key) for get_registry_data(...).attributes.key (device tags)", confidence: "partial", warning: "semanticsDiffer", note: "tags only", source: BOTH },
  ...["acos", "atan", "atan2", "ceil", "ln", "round", "sign", "trunc", "bitand", "bitor", "bitxor", "bitnot", "chr"].map((f) => none(f, "no Alibaba rule function")),
  ...["indexof", "length", "numbytes", "lpad", "rpad", "ltrim", "rtrim", "trim"].map((f) => none(f, "no Alibaba rule function")),
  ...["cast", "isnull", "isundefined", "get_or_default"].map((f) => none(f, "no Alibaba rule function; a v2 parser script has toNumber, toString, toBoolean")),
  none("time_to_epoch", "no rule function; a v2 parser script has to_timestamp(str, pattern, tz)"),
  none("get_mqtt_property", "Alibaba has MQTT 5 user properties; rule access unconfirmed"),
  none("get_user_properties", "Alibaba has MQTT 5 user properties; rule access unconfirmed"),
  none("sourceip", "the client IP is not exposed to rules"),
  refuse("principal", "the certificate thumbprint is not exposed to rules"),
  refuse("decode", "decoding (base64, protobuf) moves to a custom-topic data parsing script"),
  ...["regexp_matches", "regexp_replace", "regexp_substr"].map((f) => refuse(f, "no regular expressions in Alibaba rule SQL; LIKE cannot express a regular expression in general")),
  refuse("transform", "no equivalent; reshape in a Function Compute action"),
  ...["get_thing_shadow", "get_dynamodb", "get_secret", "aws_lambda", "machinelearning_predict"].map((f) =>
    refuse(f, "calls another service from inside the rule: move the call into a Function Compute action (or the GetDeviceShadow API)"),
  ),
];

/** The table keyed by the lower-case AWS name (AWS function names are matched case-insensitively here). */
export const RULE_SQL_FUNCTIONS: ReadonlyMap<string, FunctionMapping> = new Map(ENTRIES.map((e) => [e.aws.toLowerCase(), e]));
