/**
 * Maps the IoT policies of one source region: each policy becomes the topic classes it contributes to
 * its devices' products, plus the REPUBLISH rules that device-to-device traffic needs (both from
 * lib/mapping/policies/translate-iot-policies.ts). A policy the translator cannot read is "blocked"
 * with its error; one that translates is "mapped" with the translator's warnings as reasons. The topic
 * classes go onto the products (the caller attaches them), so they are counted once per product.
 */
import type { CatalogueChoice } from "@/lib/mapping/map-scan/choose-catalogue-target";
import type { Proposal, ProposalReason, ScanResource, ScanRelation } from "@/lib/mapping/map-scan/map-scan-types";
import { buildPolicyTranslationInput, type StoredRow } from "@/lib/mapping/policies/build-policy-translation-input";
import type { ProductTopicPlan, RepublishRuleProposal } from "@/lib/mapping/policies/policy-translation-types";
import { translateIotPolicies } from "@/lib/mapping/policies/translate-iot-policies";
import type { IotPolicyRaw } from "@/lib/inventory/raw/iot-policy";
import type { IotThingRaw } from "@/lib/inventory/raw/iot-thing";
import { describeProposalHead } from "@/lib/mapping/map-scan/describe-proposal-head";

export interface PolicyMappingInput {
  policies: readonly ScanResource[];
  /** Readable things only, with the product each maps to. */
  things: readonly ScanResource[];
  productOfThing: ReadonlyMap<string, string>;
  deviceNameOf: ReadonlyMap<string, string>;
  relations: readonly ScanRelation[];
  choice: CatalogueChoice;
}

export interface PolicyMapping {
  proposals: Proposal[];
  /** Per product original. */
  products: ProductTopicPlan[];
  republishRules: RepublishRuleProposal[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A policy record the translation input builder can read: `policy` an object and `versions` a list. */
function asPolicyRow(row: ScanResource): StoredRow<IotPolicyRaw> {
  const raw = row.raw;
  const readable = isObject(raw) && isObject(raw.policy) && (raw.versions === undefined || Array.isArray(raw.versions));
  const value = readable ? ({ ...raw, versions: Array.isArray(raw.versions) ? raw.versions : [] } as IotPolicyRaw) : null;
  return { arn: row.arn, name: row.name, raw: value, problem: readable ? null : (row.problem ?? { code: "StoredShapeMismatch", issues: "no readable policy record" }) };
}

export function mapIotPolicies(input: PolicyMappingInput): PolicyMapping {
  const things: Array<StoredRow<IotThingRaw>> = [];
  for (const t of input.things) if (input.productOfThing.has(t.arn)) things.push({ arn: t.arn, name: t.name, raw: t.raw as IotThingRaw, problem: null });
  const built = buildPolicyTranslationInput({
    policies: input.policies.map(asPolicyRow),
    things,
    relations: input.relations,
    // The builder reads the thing's own type name; a thing typed only by relation is mapped by ARN here.
    productRefOf: () => "",
    deviceNameOf: (name) => input.deviceNameOf.get(name),
  });
  // The last thing of a name wins, as a Map built from the list would have it.
  const productByName = new Map<string, string>();
  for (const t of input.things) productByName.set(t.name, input.productOfThing.get(t.arn) ?? "");
  // The builder's thing inputs are this step's own: their product is set in place.
  for (const t of built.input.things) t.productRef = productByName.get(t.thingName) ?? t.productRef;
  const translation = translateIotPolicies({ policies: built.input.policies, things: built.input.things });

  const errorsOf = new Map<string, ProposalReason[]>();
  for (const error of [...built.errors, ...translation.errors]) {
    const list = errorsOf.get(error.policyName) ?? [];
    list.push({ code: `policy.${error.code}`, message: error.message });
    errorsOf.set(error.policyName, list);
  }
  const warningsOf = new Map<string, ProposalReason[]>();
  for (const warning of translation.warnings) {
    const list = warningsOf.get(warning.policyName) ?? [];
    list.push({ code: `policy.${warning.code}`, message: warning.message });
    warningsOf.set(warning.policyName, list);
  }
  const productsOf = new Map<string, string[]>();
  for (const product of translation.products) {
    for (const set of product.policySets) for (const name of set.policyNames) productsOf.set(name, [...(productsOf.get(name) ?? []), product.productRef]);
  }
  const rulesOf = new Map<string, string[]>();
  for (const rule of translation.republishRules) {
    for (const name of new Set(rule.flows.flatMap((f) => [f.fromPolicyName, f.toPolicyName]))) rulesOf.set(name, [...(rulesOf.get(name) ?? []), rule.name]);
  }

  const target = input.choice.target;
  const proposals: Proposal[] = input.policies.map((row) => {
    const errors = errorsOf.get(row.name) ?? [];
    const warnings = warningsOf.get(row.name) ?? [];
    const status = errors.length > 0 ? "blocked" : input.choice.status;
    return {
      ...describeProposalHead(row, target),
      status,
      properties: {
        policyName: { name: row.name, original: row.name },
        products: [...new Set(productsOf.get(row.name) ?? [])].sort(),
        republishRules: [...new Set(rulesOf.get(row.name) ?? [])].sort(),
      },
      reasons: [...errors, ...warnings, ...input.choice.reasons],
      // Counted on the products (topic classes) and the republish rules, not per policy.
      targetResources: {},
    };
  });
  return { proposals, products: translation.products, republishRules: translation.republishRules };
}
