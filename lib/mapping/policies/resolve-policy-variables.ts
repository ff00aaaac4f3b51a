/**
 * Substitutes the policy variables of one resource pattern for the devices of one product: the
 * thing name (and the client ID, taken to equal it) becomes SELF, the stand-in for "the connecting
 * device", which Alibaba spells `${deviceName}`; the thing type name is the product's own; an
 * attribute is resolved only when every device holding the policy has the same value. Anything
 * else (certificate fields, IsAttached, aws:* keys) has no counterpart in a topic class.
 */
import type { PolicyWarningCode } from "@/lib/mapping/policies/policy-translation-types";

/** Stands for the connecting device's own name inside a resolved pattern. */
export const SELF = "\uE000";
/** `${*}` and `${?}`: a literal star or question mark, never a wildcard. */
export const LITERAL_STAR = "\uE001";
export const LITERAL_QUESTION = "\uE002";

export type AttributeValue = { kind: "uniform"; value: string } | { kind: "varies"; values: number } | { kind: "missing" };

export interface VariableContext {
  thingTypeName: string | null;
  attribute: (name: string) => AttributeValue;
}

export type ResolvedPattern =
  | { ok: true; glob: string; notes: Array<{ code: PolicyWarningCode; message: string }> }
  | { ok: false; code: PolicyWarningCode; message: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const ATTRIBUTE = /^iot:Connection\.Thing\.Attributes\[([^\]]+)\]$/;

export function resolvePolicyVariables(pattern: string, context: VariableContext): ResolvedPattern {
  const notes: Array<{ code: PolicyWarningCode; message: string }> = [];
  let failure: { code: PolicyWarningCode; message: string } | null = null;
  // Our stand-in characters written in the document itself are text, never variables.
  const text = pattern.replace(/[\uE000-\uE002]/g, "\uFFFD");
  const literal = (value: string) => value.replace(/[\uE000-\uE002]/g, "\uFFFD").replaceAll("*", LITERAL_STAR).replaceAll("?", LITERAL_QUESTION);
  const glob = text.replace(VARIABLE, (whole, name: string) => {
    if (failure) return whole;
    if (name === "iot:Connection.Thing.ThingName") return SELF;
    if (name === "iot:ClientId") {
      notes.push({ code: "ClientIdAssumedThingName", message: "${iot:ClientId} was read as the thing name: true only where devices connect with their thing name as client ID, as Alibaba's ${deviceName} assumes." });
      return SELF;
    }
    if (name === "*") return LITERAL_STAR;
    if (name === "?") return LITERAL_QUESTION;
    if (name === "$") return "$";
    if (name === "iot:Connection.Thing.ThingTypeName") {
      if (context.thingTypeName === null) {
        failure = { code: "VariableUnresolved", message: "${iot:Connection.Thing.ThingTypeName} names no type for these untyped things, so AWS grants nothing here." };
        return whole;
      }
      notes.push({ code: "ThingTypeNameResolved", message: `\${iot:Connection.Thing.ThingTypeName} was fixed to "${context.thingTypeName}", the type of every device of this product.` });
      return literal(context.thingTypeName);
    }
    const attribute = ATTRIBUTE.exec(name);
    if (attribute) {
      const key = attribute[1]!;
      const value = context.attribute(key);
      if (value.kind === "uniform") {
        notes.push({ code: "AttributeResolved", message: `\${iot:Connection.Thing.Attributes[${key}]} was fixed to "${value.value}", today's value on every device holding the policy; a device whose attribute changes keeps this topic.` });
        return literal(value.value);
      }
      failure =
        value.kind === "missing"
          ? { code: "VariableUnresolved", message: `No device holding the policy has the attribute "${key}", so AWS grants nothing here.` }
          : { code: "UnsupportedVariable", message: `The attribute "${key}" takes ${value.values} values across the devices of this product; a topic class is the same for every device, so it cannot follow a per-device attribute.` };
      return whole;
    }
    failure = { code: "UnsupportedVariable", message: `The policy variable \${${name.slice(0, 80)}} has no counterpart in an Alibaba topic class.` };
    return whole;
  });
  if (failure) return { ok: false, ...(failure as { code: PolicyWarningCode; message: string }) };
  return { ok: true, glob, notes };
}
