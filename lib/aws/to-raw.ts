/**
 * Prepares API responses for storage in a resource's `raw`: plain JSON (dates as ISO strings,
 * bytes as text), SDK metadata dropped, values under secret-looking keys replaced, and no string
 * longer than 64 KB.
 */

/** The longest string stored anywhere in a resource record, in UTF-8 bytes. */
export const MAX_STRING_BYTES = 64 * 1024;
export const TRUNCATION_MARK = "…[truncated]";
export const REDACTED = "[redacted]";

const MAX_DEPTH = 64;

/**
 * Keys whose values are credentials wherever they appear: a Salesforce action's `token`, Kafka
 * client properties such as `sasl.plain.password`, anything named secret, private key or session
 * token. Names such as `nextToken`, `tokenKeyName` or `KMSMasterKeyID` are not secrets and stay.
 */
const SECRET_KEY =
  /password|passphrase|secret(?!.*arn$)|private.?key|session.?token|access.?token|refresh.?token|api.?key|^token$|^authorization$|^cookie$|jaas|keytab/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Cuts a string to MAX_STRING_BYTES of UTF-8, never inside a character, marking the cut. */
export function capString(value: string, maxBytes = MAX_STRING_BYTES): string {
  // Fast path: no string of this many UTF-16 units can exceed the limit.
  if (value.length * 3 <= maxBytes) return value;
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length <= maxBytes) return value;
  const room = maxBytes - Buffer.byteLength(TRUNCATION_MARK, "utf8");
  let end = room;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8") + TRUNCATION_MARK;
}

export function toRaw(value: unknown): unknown {
  return convert(value, 0, new WeakSet());
}

/** toRaw for the usual case of an object of named parts. */
export function rawRecord(parts: Record<string, unknown>): Record<string, unknown> {
  return convert(parts, 0, new WeakSet()) as Record<string, unknown>;
}

function convert(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined) return value ?? null;
  switch (typeof value) {
    case "string":
      return capString(value);
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return undefined;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return capString(Buffer.from(value).toString("utf8"));
  if (depth >= MAX_DEPTH) return "[too deeply nested]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => convert(item, depth + 1, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === "$metadata" || item === undefined) continue;
      const cappedKey = capString(key);
      if (isSecretKey(key) && item !== null && item !== "") {
        out[cappedKey] = REDACTED;
        continue;
      }
      const converted = convert(item, depth + 1, seen);
      if (converted !== undefined) out[cappedKey] = converted;
    }
    return out;
  } finally {
    seen.delete(value);
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
    if (isSecretKey(key) || /^(key|sig|signature|code|auth|token)$/i.test(key)) {
      url.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? url.toString() : value;
}
