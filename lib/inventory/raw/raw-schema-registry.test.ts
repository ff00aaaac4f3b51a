import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collectorRegistry } from "@/lib/aws/collector-registry";
import { KIND } from "@/lib/aws/resource-kinds";
import { COLLECTED_KINDS, RAW_SCHEMAS, isCollectedKind } from "@/lib/inventory/raw/raw-schema-registry";

/** Every object a schema of stored raw data contains, with its path. */
function objectsIn(schema: z.ZodType, path: string): Array<{ path: string; schema: z.ZodObject }> {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return objectsIn(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodArray) return objectsIn(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodRecord) return objectsIn(schema.valueType as z.ZodType, `${path}{}`);
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    return (schema.options as z.ZodType[]).flatMap((option, i) => objectsIn(option, `${path}|${i}`));
  }
  if (schema instanceof z.ZodObject) {
    return [
      { path, schema },
      ...Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => objectsIn(field, `${path}.${key}`)),
    ];
  }
  return [];
}

describe("the schemas of stored raw data", () => {
  it("cover exactly the kinds the collectors store", () => {
    const declared = new Set(Object.values(collectorRegistry).flatMap((c) => c.kinds));
    expect([...COLLECTED_KINDS].sort()).toEqual([...declared].sort());
    for (const referencedOnly of [KIND.firehoseDeliveryStream, KIND.cognitoIdentity, KIND.stepFunctionsStateMachine]) {
      expect(isCollectedKind(referencedOnly)).toBe(false);
    }
    expect(isCollectedKind("toString")).toBe(false);
  });

  it("keep every field AWS adds: each object in them is loose", () => {
    const strict = COLLECTED_KINDS.flatMap((kind) =>
      objectsIn(RAW_SCHEMAS[kind], kind).filter(({ schema }) => !(schema._zod.def.catchall instanceof z.ZodUnknown)).map(({ path }) => path),
    );
    expect(strict).toEqual([]);
  });

  it("keep an unknown field and refuse a known field of the wrong type", () => {
    const rule = {
      rule: {
        ruleName: "to_lake",
        sql: "SELECT * FROM 'fleet/#'",
        actions: [{ s3: { bucketName: "lake", cannedAcl: "private", newField: { x: 1 } }, brandNewAction: { anything: true } }],
      },
      addedLater: [1, 2],
    };
    expect(RAW_SCHEMAS[KIND.iotTopicRule].parse(rule)).toEqual(rule);
    expect(RAW_SCHEMAS[KIND.iotTopicRule].safeParse({ rule: { ...rule.rule, sql: 42 } }).success).toBe(false);
    expect(RAW_SCHEMAS[KIND.iotTopicRule].safeParse({ rule: { ...rule.rule, actions: [{ s3: { bucketName: ["lake"] } }] } }).success).toBe(false);
  });
});
