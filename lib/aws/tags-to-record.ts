import { capString } from "@/lib/aws/to-raw";

/**
 * AWS tag lists in their several spellings ({Key, Value}, {key, value}, {TagKey, TagValue}) or
 * maps, as a plain record. Values are kept exactly as received: they are user-controlled text and
 * the UI renders them inert, so nothing here escapes or trims them. Only the 64 KB cap applies.
 */
export function tagsToRecord(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (typeof tag !== "object" || tag === null) continue;
      const t = tag as Record<string, unknown>;
      const key = t.Key ?? t.key ?? t.TagKey;
      const value = t.Value ?? t.value ?? t.TagValue ?? "";
      if (typeof key === "string") out[capString(key)] = capString(typeof value === "string" ? value : String(value));
    }
  } else if (typeof tags === "object" && tags !== null) {
    for (const [key, value] of Object.entries(tags)) {
      if (value !== undefined && value !== null) out[capString(key)] = capString(String(value));
    }
  }
  return out;
}
