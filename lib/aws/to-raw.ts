/**
 * The one sanitiser of raw JSON: what AWS returned, made safe to store (Postgres jsonb) and to
 * show, without losing what a migration needs. Every resource's `raw` goes through `toRaw` when a
 * collector adds it to a batch (batch-builder.ts), and through `toStorableJson` when it is written
 * (lib/inventory/store-batch.ts); tags, names and ARNs through `capString`. One set of limits,
 * RAW_LIMITS, applies everywhere:
 *
 * | limit | value | past it |
 * |---|---|---|
 * | `maxDepth` | 32 levels of nesting | the deeper value becomes `"[nested too deep]"` |
 * | `maxStringBytes` | 64 KiB of UTF-8 per string (keys too) | cut at a character boundary, `…[truncated, N bytes]` appended |
 * | `maxEntries` | 10,000 keys per object, items per array | the rest dropped; a last item (arrays) or key `"…"` (objects) says how many |
 * | `maxTotalBytes` | 1 MiB of JSON text per record | later values cut, then dropped, with `"[cut: record over 1 MiB]"` |
 *
 * Besides the limits: plain JSON only (dates as ISO strings, bytes as UTF-8 text, BigInt as
 * text, NaN and Infinity as text, SDK `$metadata` and functions dropped); the NUL character, which
 * Postgres cannot store, becomes U+2400 (␀) visibly; values under secret-looking keys become
 * `[redacted]`; in every string, pre-signed URL signatures and credentials (X-Amz-Signature,
 * X-Amz-Credential, X-Amz-Security-Token, SigV2 Signature) and passwords in URLs
 * (`scheme://user:password@`) are redacted, the rest of the URL (host, bucket, key) kept.
 * Everything else (markup, scripts, control characters, right-to-left overrides) is stored as
 * received; pages render it as text, never as markup.
 */

export const RAW_LIMITS = {
  maxDepth: 32,
  maxStringBytes: 64 * 1024,
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024,
} as const;

/** The longest string stored anywhere in a resource record, in UTF-8 bytes. */
export const MAX_STRING_BYTES = RAW_LIMITS.maxStringBytes;
/** What a cut string ends with (followed by its original size and "]"). */
export const TRUNCATION_MARK = "…[truncated";
export const REDACTED = "[redacted]";
export const NESTED_TOO_DEEP = "[nested too deep]";
export const RECORD_CUT = "[cut: record over 1 MiB]";

/**
 * Keys whose values are credentials wherever they appear: a Salesforce action's `token`, Kafka
 * client properties such as `sasl.plain.password`, anything named secret, private key or session
 * token. Names such as `nextToken`, `tokenKeyName` or `KMSMasterKeyID` are not secrets and stay.
 */
const SECRET_KEY = /password|passphrase|secret(?!.*arn$)|private.?key|api.?key|^authorization$|^cookie$|jaas|keytab/i;
/** `token`, `apiToken`, `sessionToken`, `auth_token`... but not paging and idempotency tokens. */
const TOKEN_KEY = /token$/i;
const NOT_A_SECRET_TOKEN = /(next|continuation|pagination|page|client|idempotency|marker|start|sync|cancel|resume|grant)[-_.]?tokens?$/i;

/** Keys repeat across a scan's records (thingName, roleArn...): their verdicts are kept. */
const keyVerdicts = new Map<string, boolean>();

export function isSecretKey(key: string): boolean {
  let secret = keyVerdicts.get(key);
  if (secret === undefined) {
    secret = SECRET_KEY.test(key) || (TOKEN_KEY.test(key) && !NOT_A_SECRET_TOKEN.test(key));
    if (keyVerdicts.size < 10_000 && key.length <= 256) keyVerdicts.set(key, secret);
  }
  return secret;
}

/** A string that may hold a secret the patterns below recognise; a cheap test before the replacements. */
const MAY_HOLD_SECRET = /x-amz-|signature=|:\/\/[^\s/?#@]*@/i;
/** Query parameters of pre-signed URLs (SigV4 and SigV2) whose values are credentials. */
const PRESIGNED_PARAM = /([?&](?:amp;)?)(x-amz-signature|x-amz-credential|x-amz-security-token|signature)=([^&\s"'<>#}]*)/gi;
/** `scheme://user:password@host`: the password. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):([^\s/?#@]*)@/gi;

/**
 * Redacts the credentials a string may carry whatever its key: pre-signed URL signatures,
 * credentials and session tokens, and passwords in URLs. The rest of the text (the URL's host,
 * bucket and key, an `${aws:iot:s3-presigned-url:...}` placeholder around it) stays.
 */
export function redactSecretsInString(value: string): string {
  // Every pattern below needs an "=" (a query parameter) or an "@" (a URL's user part).
  if (value.length < 8 || (value.indexOf("=") === -1 && value.indexOf("@") === -1) || !MAY_HOLD_SECRET.test(value)) return value;
  return value
    .replace(PRESIGNED_PARAM, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`)
    .replace(URL_PASSWORD, (_m, head: string) => `${head}:${REDACTED}@`);
}

/** `password: x`, `"apiKey" = "x"` and the like in text that is not JSON. */
const SECRET_ASSIGNMENT =
  /(["']?)([\w.-]*(?:password|passphrase|secret|private.?key|session.?token|access.?token|refresh.?token|security.?token|api.?key|authorization|token)[\w.-]*)\1(\s*[:=]\s*)(["']?)([^\s"',;&}]+)\4/gi;

/**
 * Redacts secrets in a document that is not JSON (a job document written as text): what
 * redactSecretsInString finds, and the values of `key: value` / `key=value` pairs whose key looks
 * like a credential.
 */
export function redactSecretsInText(text: string): string {
  return redactSecretsInString(text).replace(SECRET_ASSIGNMENT, (match, q: string, key: string, sep: string, vq: string, val: string) =>
    val === REDACTED || /^(nextToken|tokenKeyName)$/i.test(key) ? match : `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`,
  );
}

/**
 * A string as stored: NUL replaced (U+2400), cut to `maxBytes` of UTF-8 (never inside a
 * character), the cut marked with the original size. Used for names, ARNs, tags, issue messages.
 */
export function capString(value: string, maxBytes: number = RAW_LIMITS.maxStringBytes): string {
  const text = value.includes("\u0000") ? value.replace(/\u0000/g, "\u2400") : value;
  // Fast path: no string of this many UTF-16 units can exceed the limit.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  const mark = `${TRUNCATION_MARK}, ${bytes.length} bytes]`;
  let end = Math.max(0, maxBytes - Buffer.byteLength(mark, "utf8"));
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8") + mark;
}

export interface RawOptions {
  /** Redact values under secret-looking keys and credentials in strings (default true; tags: false). */
  redact?: boolean;
}

interface WalkState {
  seen: WeakSet<object>;
  redact: boolean;
  /** Estimated bytes of JSON text still allowed for this record. */
  budget: number;
}

/** Room kept for the markers a cut record gets (one per open container at most). */
const MARKER_RESERVE = 4096;

/** Values that came out of toRaw, so storing them needs only the total-size check. */
const sanitized = new WeakSet<object>();

/** Makes any value plain, limited, storable JSON (see the table above). */
export function toRaw(value: unknown, options: RawOptions = {}): unknown {
  const out = convert(value, 0, walkState(options, RAW_LIMITS.maxTotalBytes - MARKER_RESERVE));
  if (out !== null && typeof out === "object") sanitized.add(out);
  return out;
}

/** toRaw for the usual case of an object of named parts. */
export function rawRecord(parts: Record<string, unknown>): Record<string, unknown> {
  return toRaw(parts) as Record<string, unknown>;
}

/**
 * JSON text of a value, within RAW_LIMITS, for a jsonb column. A value toRaw made is only
 * serialised and its total size checked; anything else is walked first.
 */
export function toStorableJson(value: unknown, options: RawOptions = {}): { text: string; value: unknown } {
  const input = value ?? {};
  if (typeof input === "object" && sanitized.has(input)) {
    const text = JSON.stringify(input);
    if (Buffer.byteLength(text, "utf8") <= RAW_LIMITS.maxTotalBytes) return { text, value: input };
  }
  // The walk's size estimate counts characters; escapes and multi-byte text can make the JSON
  // longer, so shrink the budget until the text fits.
  let budget = RAW_LIMITS.maxTotalBytes - MARKER_RESERVE;
  for (;;) {
    const clean = convert(input, 0, walkState(options, budget));
    const text = JSON.stringify(clean ?? null);
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes <= RAW_LIMITS.maxTotalBytes || budget <= 0) {
      if (clean !== null && typeof clean === "object") sanitized.add(clean);
      return { text, value: clean };
    }
    budget = Math.floor((budget * (RAW_LIMITS.maxTotalBytes - MARKER_RESERVE)) / bytes) - MARKER_RESERVE;
  }
}

function walkState(options: RawOptions, budget: number): WalkState {
  return { seen: new WeakSet(), redact: options.redact ?? true, budget };
}

function storeString(value: string, state: WalkState): string {
  const clean = state.redact ? redactSecretsInString(value) : value;
  const room = Math.min(RAW_LIMITS.maxStringBytes, state.budget);
  const out = capString(clean, Math.max(room, 64));
  state.budget -= out.length + 2;
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function convert(value: unknown, depth: number, state: WalkState): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return storeString(value, state);
    case "number":
      state.budget -= 8;
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      state.budget -= 5;
      return value;
    case "bigint":
      return storeString(value.toString(), state);
    case "object":
      break;
    default:
      return undefined;
  }
  if (value instanceof Date) {
    state.budget -= 26;
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (value instanceof Uint8Array) {
    try {
      return storeString(utf8.decode(value), state);
    } catch {
      return `[${value.byteLength} bytes of binary data]`;
    }
  }
  if (depth >= RAW_LIMITS.maxDepth) return NESTED_TOO_DEEP;
  if (state.seen.has(value)) return "[circular]";
  state.seen.add(value);
  state.budget -= 2;
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        if (i >= RAW_LIMITS.maxEntries) {
          out.push(`[${value.length - i} more items not stored]`);
          break;
        }
        if (state.budget <= 0) {
          out.push(RECORD_CUT);
          break;
        }
        out.push(convert(value[i], depth + 1, state) ?? null);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value);
    let kept = 0;
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i]!;
      if (key === "$metadata" || item === undefined || typeof item === "function") continue;
      if (kept >= RAW_LIMITS.maxEntries) {
        out["…"] = `[${entries.length - i} more keys not stored]`;
        break;
      }
      if (state.budget <= 0) {
        out["…"] = RECORD_CUT;
        break;
      }
      const storedKey = capString(key);
      state.budget -= storedKey.length + 3;
      kept++;
      if (state.redact && item !== null && item !== "" && isSecretKey(key)) {
        out[storedKey] = REDACTED;
        continue;
      }
      const converted = convert(item, depth + 1, state);
      if (converted !== undefined) out[storedKey] = converted;
    }
    return out;
  } finally {
    state.seen.delete(value);
  }
}

/**
 * Strips credentials from a URL kept in raw (a rule's HTTP endpoint): user:password@ and the values
 * of query parameters with secret-looking names. The rest of the URL is kept for the migration.
 */
export function redactUrlSecrets(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = url.username ? "redacted" : "";
    url.password = "";
    changed = true;
  }
  for (const key of [...url.searchParams.keys()]) {
    if (isSecretKey(key) || /^(key|sig|signature|code|auth|token|x-amz-signature|x-amz-credential|x-amz-security-token)$/i.test(key)) {
      url.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? url.toString() : value;
}

/**
 * A document AWS keeps as a string (an IoT job or job template document): parsed when it is JSON
 * and sanitised like any raw value by toRaw (secret keys, credentials in strings); otherwise kept
 * as text with the secrets redactSecretsInText recognises replaced.
 */
export function parseRawDocument(text: string): string | Record<string, unknown> | unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed !== null && typeof parsed === "object") return parsed as Record<string, unknown> | unknown[];
    } catch {
      // Not JSON after all: kept as text below.
    }
  }
  return redactSecretsInText(text);
}
