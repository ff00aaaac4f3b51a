/**
 * Makes what AWS returned safe to store and to show, without losing it:
 * - Postgres text and jsonb cannot hold the NUL character; it becomes U+2400 (␀), visibly.
 * - Any single string is capped (64 KB), with a marker saying how long it was.
 * Everything else (scripts, markup, control characters, right-to-left overrides) is stored as
 * received; pages render it as text, never as markup.
 */
export const MAX_STRING = 64 * 1024;

export function sanitizeString(value: string): string {
  let out = value.includes("\u0000") ? value.replace(/\u0000/g, "\u2400") : value;
  if (out.length > MAX_STRING) out = `${out.slice(0, MAX_STRING)}… [${out.length} characters, cut at ${MAX_STRING}]`;
  return out;
}

export function sanitizeJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return sanitizeString(value);
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return value;
  }
  if (depth > 40) return "[nested too deep]";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => sanitizeJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[sanitizeString(k)] = sanitizeJson(v, depth + 1);
  }
  return out;
}

/**
 * JSON text of a value, safe for Postgres jsonb: the fast path serialises once and only walks the
 * value (sanitizeJson) when the text shows something to fix — a NUL, a string that may be over
 * the cap, or a value JSON cannot represent.
 */
export function toStorableJson(value: unknown): { text: string; value: unknown } {
  try {
    const text = JSON.stringify(value ?? {});
    if (text.length <= MAX_STRING && !text.includes("\\u0000")) return { text, value };
  } catch {
    // BigInt and the like: the slow path converts them.
  }
  const clean = sanitizeJson(value ?? {});
  return { text: JSON.stringify(clean), value: clean };
}
