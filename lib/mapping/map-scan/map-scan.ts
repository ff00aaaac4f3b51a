/**
 * The mapping step: turns every resource of a scan into its proposed Alibaba Cloud target, with
 * concrete properties, a status (mapped / decision / none / blocked) and its reasons in words, plus the
 * name maps to store for the next run and the counts `silkroute map --json` prints.
 *
 * Pure and deterministic: plain rows in (shaped like the inventory's read contract, so a job can feed it
 * from lib/inventory/read-resources.ts and read-relations.ts), plain data out, sorted; no database, no
 * clock. The order of the input does not matter.
 *
 * - The IoT target follows the plan's choice (default: the best-ranked IoT Platform target of the
 *   AWS::IoT::Thing entry, as Alibaba's own mapping does). On IoT Platform, thing types, things and
 *   thing groups become products, devices and device groups (map-iot-fleet.ts), policies topic classes
 *   and republish rules (map-iot-policies.ts), topic rules rules with translated SQL (map-topic-rules.ts);
 *   policies and rules take their entry's first-ranked target (both parts of the IoT Platform choice)
 *   unless the plan chose another for the kind. A thing that fits its chosen target is "mapped".
 * - On another IoT target (ApsaraMQ for MQTT, a self-managed broker), things map to it, keeping their
 *   name as MQTT client identifier; the other IoT Core kinds, whose candidates are IoT Platform
 *   features, become decisions: the architect says how each is carried.
 * - Every other kind goes through the catalogue's ranked candidates (choose-catalogue-target.ts).
 * - Each source region is mapped on its own (an Alibaba IoT instance lives in one region): name maps
 *   are scoped `products:<region>`, `devices:<region>:<product original>`, `groups:<region>`,
 *   `rules:<region>`. A scope of the previous run with nothing this time is kept, its names retired
 *   (still reserved), so a resource that comes back gets its old name.
 */
import type { CatalogueEntry, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { REL } from "@/lib/aws/relation-types";
import { KIND as RESOURCE_KINDS } from "@/lib/aws/resource-kinds";
import { checkTargetRegion } from "@/lib/mapping/map-scan/check-target-region";
import { chooseCatalogueTarget, type CatalogueChoice } from "@/lib/mapping/map-scan/choose-catalogue-target";
import { describeResourceProperties } from "@/lib/mapping/map-scan/describe-resource-properties";
import { indexScanRelations, type RelationIndex } from "@/lib/mapping/map-scan/index-scan-relations";
import { mapIotFleet, nameScope } from "@/lib/mapping/map-scan/map-iot-fleet";
import { mapIotPolicies } from "@/lib/mapping/map-scan/map-iot-policies";
import type { MapScanInput, MapScanResult, Proposal, ProposedProduct, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { mapTopicRules } from "@/lib/mapping/map-scan/map-topic-rules";
import { summarizeMapScan } from "@/lib/mapping/map-scan/summarize-map-scan";
import type { NameMapState, NamePair } from "@/lib/mapping/names/name-types";
import { updateNameMap } from "@/lib/mapping/names/update-name-map";
import { describeProposalHead } from "@/lib/mapping/map-scan/describe-proposal-head";

const IOT_PLATFORM_DEVICE = "ALIYUN::IOT::Device";
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FLEET_KINDS = new Set<string>([RESOURCE_KINDS.iotThing, RESOURCE_KINDS.iotThingType, RESOURCE_KINDS.iotThingGroup, RESOURCE_KINDS.iotPolicy, RESOURCE_KINDS.iotTopicRule]);

/** The best-ranked IoT Platform target of the AWS::IoT::Thing entry (the default IoT target). */
export function defaultIotTarget(entry: CatalogueEntry | undefined): string | null {
  const platform = [...(entry?.targets ?? [])].sort((a, b) => a.rank - b.rank).find((t) => t.rosType === IOT_PLATFORM_DEVICE);
  return platform?.name ?? null;
}

function readRows(input: MapScanInput, errors: MapScanResult["errors"]): ScanResource[] {
  const rows: ScanResource[] = [];
  (Array.isArray(input.resources) ? input.resources : []).forEach((row: unknown, i) => {
    const r = (typeof row === "object" && row !== null ? row : {}) as Partial<ScanResource>;
    if (typeof r.kind !== "string" || typeof r.arn !== "string" || typeof r.name !== "string" || typeof r.region !== "string") {
      errors.push({ at: `resources[${i}]`, message: `resources[${i}] needs a string kind, arn, name and region; it was left out.` });
      return;
    }
    // Well-formed rows are used as they are (never modified); others are completed.
    const complete = typeof r.tags === "object" && r.tags !== null && r.raw !== undefined && r.problem !== undefined;
    rows.push(complete ? (r as ScanResource) : { kind: r.kind, arn: r.arn, name: r.name, region: r.region, tags: r.tags ?? {}, raw: r.raw ?? null, problem: r.problem ?? null });
  });
  rows.sort((a, b) => compare(a.arn, b.arn) || compare(a.kind, b.kind) || compare(a.region, b.region) || compare(a.name, b.name));
  const unique: ScanResource[] = [];
  for (const row of rows) {
    const last = unique[unique.length - 1];
    if (last && last.arn === row.arn && last.kind === row.kind) {
      errors.push({ at: `resources: ${row.arn}`, message: `${row.kind} ${row.arn} appears more than once; the first row is mapped.` });
      continue;
    }
    unique.push(row);
  }
  return unique;
}

/** A previous scope with nothing this run: every name kept reserved as retired. */
function retireScope(state: NameMapState): NameMapState {
  const pairs = [...(Array.isArray(state.active) ? state.active : []), ...(Array.isArray(state.retired) ? state.retired : [])].filter(
    (p: NamePair) => typeof p?.original === "string" && typeof p?.name === "string",
  );
  const byOriginal = new Map<string, NamePair>();
  for (const pair of pairs) if (!byOriginal.has(pair.original)) byOriginal.set(pair.original, pair);
  return { kind: state.kind, active: [], retired: [...byOriginal.values()].sort((a, b) => compare(a.original, b.original)) };
}

export function mapScan(input: MapScanInput): MapScanResult {
  const errors: MapScanResult["errors"] = [];
  const rows = readRows(input, errors);
  const relations = indexScanRelations(input.relations);
  if (relations.skipped > 0) errors.push({ at: "relations", message: `${relations.skipped} relation rows were not relations and were left out.` });
  const entries = new Map<string, CatalogueEntry>(input.catalogue.entries.map((e) => [e.kind, e]));
  const entryOf = (kind: string) => entries.get(kind);
  const byKind = input.choices?.byKind ?? {};
  const targetRegion = typeof input.targetRegion === "string" ? input.targetRegion : null;
  const bySource = input.targetRegionBySource ?? {};
  const targetRegionOf = (sourceRegion: string): string | null => {
    const chosen = Object.hasOwn(bySource, sourceRegion) ? bySource[sourceRegion] : undefined;
    return typeof chosen === "string" && chosen.length > 0 ? chosen : targetRegion;
  };
  // The last row of an ARN wins, as a Map built from the list would have it.
  const resourceByArn = new Map<string, ScanResource>();
  for (const r of rows) resourceByArn.set(r.arn, r);
  const previousNameMap = (scope: string) => (Object.hasOwn(input.previousNameMaps ?? {}, scope) ? input.previousNameMaps?.[scope] : undefined);

  const context: GenericContext = { certificates: input.catalogue.iot.certificates, targetRegionOf, relations, resourceByArn };
  const thingEntry = entryOf(RESOURCE_KINDS.iotThing);
  const iotTarget = input.choices?.iotTarget ?? defaultIotTarget(thingEntry);
  const thingChoice = chooseCatalogueTarget(RESOURCE_KINDS.iotThing, thingEntry, { chosen: iotTarget, targetRegion });
  const thingChoices = new Map<string, CatalogueChoice>();
  const regionThingChoice = (sourceRegion: string): CatalogueChoice => {
    let choice = thingChoices.get(sourceRegion);
    if (!choice) thingChoices.set(sourceRegion, (choice = chooseCatalogueTarget(RESOURCE_KINDS.iotThing, thingEntry, { chosen: iotTarget, targetRegion: targetRegionOf(sourceRegion) })));
    return choice;
  };
  const onIotPlatform = thingChoice.target?.rosType === IOT_PLATFORM_DEVICE;

  const proposals: Proposal[] = [];
  const products: ProposedProduct[] = [];
  const republishRules: MapScanResult["republishRules"] = [];
  const nameMaps: Record<string, NameMapState> = {};
  const extraTargets: Record<string, number> = {};
  const addExtra = (key: string, n: number) => {
    if (n > 0) extraTargets[key] = (extraTargets[key] ?? 0) + n;
  };

  const fleetRows: ScanResource[] = [];
  const otherRows: ScanResource[] = [];
  for (const r of rows) (FLEET_KINDS.has(r.kind) ? fleetRows : otherRows).push(r);
  const choiceCache = new Map<string, CatalogueChoice>();
  const genericChoice = (kind: string, sourceRegion: string, chosen?: string | null) => {
    const region = targetRegionOf(sourceRegion);
    const key = `${kind}\u0000${chosen ?? ""}\u0000${region ?? ""}`;
    let choice = choiceCache.get(key);
    if (!choice) choiceCache.set(key, (choice = chooseCatalogueTarget(kind, entryOf(kind), { chosen: chosen ?? byKind[kind], targetRegion: region })));
    return choice;
  };
  /** Policies and rules: the entry's first-ranked target unless the plan chose another. */
  const firstRanked = (kind: string) => byKind[kind] ?? [...(entryOf(kind)?.targets ?? [])].sort((a, b) => a.rank - b.rank)[0]?.name;

  if (onIotPlatform) {
    // The fleet's rows per region and kind, in row order.
    const byRegion = new Map<string, Map<string, ScanResource[]>>();
    for (const r of fleetRows) {
      let kinds = byRegion.get(r.region);
      if (!kinds) byRegion.set(r.region, (kinds = new Map()));
      const list = kinds.get(r.kind);
      if (list) list.push(r);
      else kinds.set(r.kind, [r]);
    }
    const regions = [...byRegion.keys()].sort();
    for (const region of regions) {
      const inRegion = (kind: string) => byRegion.get(region)?.get(kind) ?? [];
      const things = inRegion(RESOURCE_KINDS.iotThing);
      const fleet = mapIotFleet({
        region,
        things,
        thingTypes: inRegion(RESOURCE_KINDS.iotThingType),
        groups: inRegion(RESOURCE_KINDS.iotThingGroup),
        relations,
        resourceByArn,
        catalogue: input.catalogue,
        entryOf,
        thingChoice: regionThingChoice(region),
        targetRegion: targetRegionOf(region),
        previousNameMap,
      });
      Object.assign(nameMaps, fleet.nameMaps);
      errors.push(...fleet.errors);

      const policyChoice = genericChoice(RESOURCE_KINDS.iotPolicy, region, firstRanked(RESOURCE_KINDS.iotPolicy));
      const policies = mapIotPolicies({
        policies: inRegion(RESOURCE_KINDS.iotPolicy),
        things,
        productOfThing: fleet.productOfThing,
        deviceNameOf: fleet.deviceNameOf,
        relations: input.relations,
        choice: policyChoice,
      });
      for (const p of fleet.proposals) proposals.push(p);
      for (const p of policies.proposals) proposals.push(p);

      // Topic classes onto the products: on the thing type's proposal when there is one, else counted apart.
      const plans = new Map(policies.products.map((p) => [p.productRef, p]));
      const typeProposals = new Map<string, Proposal>();
      for (const p of fleet.proposals) if (p.kind === RESOURCE_KINDS.iotThingType) typeProposals.set(p.name, p);
      for (const product of fleet.products) {
        product.topicClasses = plans.get(product.original)?.topicClasses ?? [];
        const proposal = typeProposals.get(product.original);
        if (proposal) {
          proposal.properties.topicClasses = product.topicClasses;
          if (proposal.status === "mapped" && product.topicClasses.length > 0) proposal.targetResources["ALIYUN::IOT::ProductTopic"] = product.topicClasses.length;
        } else {
          addExtra("ALIYUN::IOT::Product", 1);
          addExtra("ALIYUN::IOT::ProductTopic", product.topicClasses.length);
        }
        products.push(product);
      }
      for (const rule of policies.republishRules) {
        republishRules.push({ ...rule, region });
        if (rule.status === "proposed") {
          addExtra("ALIYUN::IOT::Rule", 1);
          addExtra("ALIYUN::IOT::RuleAction", rule.actions.length);
        }
      }

      const rules = inRegion(RESOURCE_KINDS.iotTopicRule);
      const ruleChoice = genericChoice(RESOURCE_KINDS.iotTopicRule, region, firstRanked(RESOURCE_KINDS.iotTopicRule));
      const ruleScope = nameScope("rules", region);
      const ruleNames = updateNameMap({ kind: "rule", previous: previousNameMap(ruleScope) ?? null, originals: rules.map((r) => r.name), reserved: policies.republishRules.map((r) => r.name) });
      nameMaps[ruleScope] = ruleNames.state;
      for (const error of ruleNames.errors) errors.push({ at: `nameMaps.${ruleScope}: ${error.at}`, message: error.message });
      if (ruleChoice.target?.rosType === "ALIYUN::IOT::Rule") {
        proposals.push(...mapTopicRules({ rules, ruleNames: new Map(ruleNames.entries.map((e) => [e.original, e])), relations, catalogue: input.catalogue, choice: ruleChoice }));
      } else {
        proposals.push(...rules.map((row) => genericProposal(row, ruleChoice, context)));
      }
    }
  } else {
    for (const row of fleetRows) {
      if (row.kind === RESOURCE_KINDS.iotThing) {
        const rowChoice = regionThingChoice(row.region);
        const target = rowChoice.target;
        proposals.push({
          ...describeProposalHead(row, target),
          status: rowChoice.status,
          properties: { clientId: { name: row.name, original: row.name } },
          reasons: [
            { code: "client-id", message: `The thing name is kept as the MQTT client identifier; the catalogue holds no naming limits for ${target?.name ?? "the chosen target"}: check them.` },
            ...rowChoice.reasons,
          ],
          choices: rowChoice.choices,
          targetResources: rowChoice.status === "mapped" && target ? { [target.rosType ?? target.name]: 1 } : {},
        });
      } else {
        otherRows.push(row);
      }
    }
  }

  for (const row of otherRows) {
    const entry = entryOf(row.kind);
    const iotBound = !onIotPlatform && entry?.category === "iot" && row.kind !== RESOURCE_KINDS.iotThing && entry.targets.some((t) => t.fit !== "none");
    if (iotBound) {
      const usable = [...entry.targets].filter((t) => t.fit !== "none").sort((a, b) => a.rank - b.rank);
      proposals.push({
        arn: row.arn,
        kind: row.kind,
        name: row.name,
        status: "decision",
        target: null,
        rosType: null,
        fit: null,
        properties: { name: { name: row.name, original: row.name } },
        reasons: [
          {
            code: "iot-target-not-iot-platform",
            message: `The plan's IoT target is ${thingChoice.target?.name ?? `"${String(iotTarget)}"`}; the catalogue's candidates for ${row.kind} are IoT Platform features: choose how to carry it.`,
          },
        ],
        choices: usable.map((t) => ({ name: t.name, rank: t.rank, rosType: t.rosType, fit: t.fit })),
        targetResources: {},
      });
      continue;
    }
    proposals.push(genericProposal(row, genericChoice(row.kind, row.region), context));
  }

  // Scopes of the previous run that this run did not produce: kept, their names retired.
  for (const [scope, state] of Object.entries(input.previousNameMaps ?? {})) {
    if (Object.hasOwn(nameMaps, scope) || !state || typeof state !== "object") continue;
    nameMaps[scope] = retireScope(state);
  }

  proposals.sort((a, b) => compare(a.arn, b.arn) || compare(a.kind, b.kind));
  products.sort((a, b) => compare(a.region, b.region) || compare(a.original, b.original));
  const summary = summarizeMapScan(proposals, extraTargets);
  const sortedMaps: Record<string, NameMapState> = {};
  for (const scope of Object.keys(nameMaps).sort()) sortedMaps[scope] = nameMaps[scope] as NameMapState;
  return {
    proposals,
    products,
    republishRules,
    targetResources: summary.targets,
    nameMaps: sortedMaps,
    coverage: summary.coverage,
    byKind: summary.byKind,
    summary,
    errors,
  };
}

interface GenericContext {
  certificates: MapScanInput["catalogue"]["iot"]["certificates"];
  targetRegionOf: (sourceRegion: string) => string | null;
  relations: RelationIndex;
  resourceByArn: ReadonlyMap<string, ScanResource>;
}

/** A resource mapped through its kind's catalogue candidates, with its concrete properties. */
function genericProposal(row: ScanResource, choice: CatalogueChoice, context: GenericContext): Proposal {
  const { certificates } = context;
  const targetRegion = context.targetRegionOf(row.region);
  const { properties, reasons } = describeResourceProperties(row);
  let status = choice.status;
  const target: CatalogueTarget | null = choice.target;
  // X.509 device certificates: the catalogue's certificate detail says where they are offered.
  if (row.kind === RESOURCE_KINDS.iotCertificate && target && /x\.?509/i.test(target.name)) {
    const detail = certificates.find((c) => c.key === "device-x509");
    if (detail) {
      const region = checkTargetRegion(detail.availability, targetRegion, "X.509 device authentication");
      reasons.push({ code: region.status === "unavailable" ? "x509-not-in-region" : "x509-region", message: `${region.message} ${detail.differs}` });
      if (region.status === "unavailable") status = "blocked";
    }
  }
  if (row.kind === RESOURCE_KINDS.iotCertificate) {
    properties.things = context.relations.targetsOf(REL.attachedTo, row.arn).filter((arn) => context.resourceByArn.get(arn)?.kind === RESOURCE_KINDS.iotThing);
  }
  // A device credential is part of its device (counted once per thing): counted under the target's name.
  const countAs = target && (row.kind === RESOURCE_KINDS.iotCertificate || !target.rosType) ? target.name : target?.rosType;
  // Built field by field, keys in the order the proposal has always had (its JSON is stored as it is).
  const targetResources = status === "mapped" && countAs ? { [countAs]: 1 } : {};
  const { arn, kind, name } = row;
  const targetName = target?.name ?? null;
  const rosType = target?.rosType ?? null;
  const fit = target?.fit ?? null;
  const allReasons = reasons.length === 0 ? [...choice.reasons] : [...reasons, ...choice.reasons];
  const { choices, alternatives } = choice;
  if (choices && alternatives) return { arn, kind, name, target: targetName, rosType, fit, status, properties, reasons: allReasons, choices, alternatives, targetResources };
  if (choices) return { arn, kind, name, target: targetName, rosType, fit, status, properties, reasons: allReasons, choices, targetResources };
  if (alternatives) return { arn, kind, name, target: targetName, rosType, fit, status, properties, reasons: allReasons, alternatives, targetResources };
  return { arn, kind, name, target: targetName, rosType, fit, status, properties, reasons: allReasons, targetResources };
}
