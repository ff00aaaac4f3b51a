import { z } from "zod";

/**
 * Test support: a value read through a schema of stored raw data, keeping only the fields the
 * schema names. The schemas are loose (they keep every extra field AWS sends), so a field the
 * schema misnames would still be found under its real name in a parsed value; read through this
 * view, it is missing, and a test that reads it by the schema's name fails.
 */
export function declaredView(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === undefined || value === null ? value : declaredView(schema.unwrap() as z.ZodType, value);
  }
  if (schema instanceof z.ZodObject) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (Object.hasOwn(source, key)) out[key] = declaredView(field, source[key]);
    }
    return out;
  }
  if (schema instanceof z.ZodArray) return Array.isArray(value) ? value.map((item) => declaredView(schema.element as z.ZodType, item)) : value;
  if (schema instanceof z.ZodRecord) {
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, declaredView(schema.valueType as z.ZodType, item)]));
  }
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? declaredView(option, value) : value;
  }
  return value;
}

/** The top-level parts a schema of stored raw data names (every branch of a union). */
export function declaredParts(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    return [...new Set((schema.options as z.ZodType[]).flatMap((option) => declaredParts(option)))];
  }
  throw new Error("a schema of stored raw data is an object or a union of objects");
}
