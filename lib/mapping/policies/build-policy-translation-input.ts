/**
 * Builds the policy translation's input from what the inventory stores (the typed read contract:
 * lib/inventory/read-resources.ts and read-relations.ts): IoT policy rows (the default version's
 * document as AWS returned it), thing rows (type, attributes) and the relations that say which
 * policies reach which thing. A policy row the inventory could not read against its schema is an
 * error for that policy; a thing row it could not read is skipped and counted, the rest go on.
 */
import type { IotPolicyRaw } from "@/lib/inventory/raw/iot-policy";
import type { IotThingRaw } from "@/lib/inventory/raw/iot-thing";
import { collectThingPolicies, type PolicyRelation } from "@/lib/mapping/policies/collect-thing-policies";
import type { PolicyError, PolicyInput, PolicyTranslationInput, ThingInput } from "@/lib/mapping/policies/policy-translation-types";

/** The fields of an inventory row this reads (InventoryResource of lib/inventory/read-resources.ts). */
export interface StoredRow<Raw> {
  arn: string;
  name: string;
  raw: Raw | null;
  problem: { code: string; issues: string } | null;
}

export interface TranslationInputSources {
  policies: Iterable<StoredRow<IotPolicyRaw>>;
  things: Iterable<StoredRow<IotThingRaw>>;
  relations: Iterable<PolicyRelation>;
  /** The product a thing maps to (its thing type's product, or the default product). */
  productRefOf: (thingTypeName: string | null) => string;
  /** The DeviceName the name map gave a thing, when known. */
  deviceNameOf?: (thingName: string) => string | undefined;
}

export interface BuiltTranslationInput {
  input: PolicyTranslationInput;
  errors: PolicyError[];
  /** Thing rows whose stored data did not match the schema: left out of the translation. */
  unreadableThings: number;
}

/** The default version's document: the one GetPolicy returned, else the version marked default. */
function defaultDocument(raw: IotPolicyRaw): string | null {
  if (typeof raw.policy.policyDocument === "string") return raw.policy.policyDocument;
  const version = raw.versions.find((v) => v.isDefaultVersion === true || v.versionId === raw.policy.defaultVersionId);
  return version?.policyDocument ?? null;
}

export function buildPolicyTranslationInput(sources: TranslationInputSources): BuiltTranslationInput {
  const errors: PolicyError[] = [];
  const policies: PolicyInput[] = [];
  const policyNames = new Map<string, string>();
  for (const row of sources.policies) {
    policyNames.set(row.arn, row.name);
    if (row.raw === null) {
      errors.push({ policyName: row.name, code: "MalformedPolicy", message: `The stored record of policy "${row.name}" could not be read (${row.problem?.issues ?? "no data"}); it was not translated.` });
      continue;
    }
    policies.push({ name: row.name, document: defaultDocument(row.raw) });
  }
  const readable: Array<StoredRow<IotThingRaw> & { raw: IotThingRaw }> = [];
  let unreadableThings = 0;
  for (const row of sources.things) {
    if (row.raw === null) unreadableThings += 1;
    else readable.push(row as StoredRow<IotThingRaw> & { raw: IotThingRaw });
  }
  const reaching = collectThingPolicies(sources.relations, policyNames, readable.map((r) => r.arn));
  const things: ThingInput[] = readable.map((row) => {
    const thingTypeName = row.raw.thing.thingTypeName ?? null;
    const deviceName = sources.deviceNameOf?.(row.name);
    const productRef = sources.productRefOf(thingTypeName);
    const attributes = row.raw.thing.attributes ?? null;
    const policyNames = reaching.get(row.arn) ?? [];
    return deviceName !== undefined
      ? { thingName: row.name, deviceName, productRef, thingTypeName, attributes, policyNames }
      : { thingName: row.name, productRef, thingTypeName, attributes, policyNames };
  });
  return { input: { policies, things }, errors, unreadableThings };
}
