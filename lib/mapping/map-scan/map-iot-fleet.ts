/**
 * Maps the IoT fleet of one source region onto IoT Platform: a product per thing type (untyped things
 * share one default product), a device per thing, a device group per thing group (nesting kept).
 *
 * - Names come from the name maps (lib/mapping/names/update-name-map.ts), one scope per region and kind:
 *   products and groups per region (an Alibaba instance lives in one region), devices per region and
 *   product. A thing keeps its DeviceName across re-runs; its AWS name goes into the Nickname (fitted:
 *   Nicknames refuse `-` and `:`) and stays in the name map.
 * - A device is in at most 10 groups (research note: BatchAddDeviceGroupRelations): a thing in more is a
 *   "decision" that proposes the first 10 by group name and names the rest.
 * - Attributes become device tags (at most 100 per device, SaveDeviceProp); more is a "decision".
 * - Named shadows have no equivalent (catalogue iot.shadowKinds "named"): such a thing is "blocked".
 * - A thing whose stored record could not be read is "blocked": its type, and so its product, is unknown.
 * Topic classes are attached to the products afterwards (attach-topic-classes.ts).
 */
import type { Catalogue, CatalogueEntry } from "@/lib/catalogue/catalogue-types";
import { chooseCatalogueTarget, type CatalogueChoice } from "@/lib/mapping/map-scan/choose-catalogue-target";
import type { RelationIndex } from "@/lib/mapping/map-scan/index-scan-relations";
import type { Proposal, ProposalReason, ProposedName, ProposedProduct, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import { readThingGroupRecord, readThingRecord, type ThingRecord } from "@/lib/mapping/map-scan/read-iot-records";
import { settleStatus } from "@/lib/mapping/map-scan/settle-status";
import { fitDeviceNickname } from "@/lib/mapping/names/fit-device-nickname";
import type { NameKind, NameMapEntry, NameMapState } from "@/lib/mapping/names/name-types";
import { updateNameMap } from "@/lib/mapping/names/update-name-map";
import { REL } from "@/lib/aws/relation-types";
import { KIND as RESOURCE_KINDS } from "@/lib/aws/resource-kinds";
import { describeProposalHead } from "@/lib/mapping/map-scan/describe-proposal-head";

/** The original a default product is named from: not a valid AWS thing-type name, so it never collides with one. */
export const DEFAULT_PRODUCT_ORIGINAL = "Untyped things";
export const MAX_GROUPS_PER_DEVICE = 10;
export const MAX_TAGS_PER_DEVICE = 100;

export interface FleetInput {
  region: string;
  things: readonly ScanResource[];
  thingTypes: readonly ScanResource[];
  groups: readonly ScanResource[];
  relations: RelationIndex;
  resourceByArn: ReadonlyMap<string, ScanResource>;
  catalogue: Catalogue;
  entryOf: (kind: string) => CatalogueEntry | undefined;
  /** The thing target, already chosen (an IoT Platform target). */
  thingChoice: CatalogueChoice;
  targetRegion: string | null;
  previousNameMap: (scope: string) => NameMapState | null | undefined;
}

export interface FleetMapping {
  proposals: Proposal[];
  products: ProposedProduct[];
  /** The product's original (thing type name or DEFAULT_PRODUCT_ORIGINAL) of every readable thing, by ARN. */
  productOfThing: Map<string, string>;
  /** The DeviceName of every named thing, by thing name. */
  deviceNameOf: Map<string, string>;
  nameMaps: Record<string, NameMapState>;
  errors: Array<{ at: string; message: string }>;
}

export const nameScope = (kind: "products" | "groups" | "rules" | "devices", region: string, product?: string) =>
  product === undefined ? `${kind}:${region}` : `${kind}:${region}:${product}`;

const proposed = (entry: NameMapEntry): ProposedName => ({ name: entry.name, original: entry.original });

function nameReason(kind: string, entry: NameMapEntry): ProposalReason[] {
  if (!entry.changed) return [];
  const how = entry.status === "kept" || entry.status === "restored" ? `kept from the name map (${entry.status})` : `fitted (${entry.reasons.join(", ")})`;
  return [{ code: `name-fitted.${kind}`, message: `${kind} "${entry.original}" is named "${entry.name}" on Alibaba: ${how}.` }];
}

export function mapIotFleet(input: FleetInput): FleetMapping {
  const { region, relations, resourceByArn } = input;
  const errors: FleetMapping["errors"] = [];
  const nameMaps: Record<string, NameMapState> = {};
  const runNameMap = (scope: string, kind: NameKind, originals: string[], reserved?: string[]) => {
    const update = updateNameMap({ kind, previous: input.previousNameMap(scope) ?? null, originals, reserved });
    nameMaps[scope] = update.state;
    for (const error of update.errors) errors.push({ at: `nameMaps.${scope}: ${error.at}`, message: error.message });
    const byOriginal = new Map<string, NameMapEntry>();
    for (const e of update.entries) byOriginal.set(e.original, e);
    return byOriginal;
  };

  // Products: every thing type of the region, every type a thing names, the default product if needed.
  // Each thing's record, by its position in input.things.
  const records: Array<ThingRecord | null> = [];
  const productOfThing = new Map<string, string>();
  const typeByName = new Map<string, ScanResource>();
  for (const row of input.thingTypes) typeByName.set(row.name, row);
  for (const thing of input.things) {
    const record = readThingRecord(thing.raw);
    records.push(record);
    if (!record) continue;
    let typeName = record.thingTypeName;
    if (typeName === null) {
      const typed = relations.targetsOf(REL.hasType, thing.arn).map((arn) => resourceByArn.get(arn)).find((r) => r?.kind === RESOURCE_KINDS.iotThingType);
      typeName = typed?.name ?? null;
    }
    productOfThing.set(thing.arn, typeName ?? DEFAULT_PRODUCT_ORIGINAL);
  }
  const productOriginals = new Set<string>(typeByName.keys());
  for (const original of productOfThing.values()) productOriginals.add(original);
  const productNames = runNameMap(nameScope("products", region), "product", [...productOriginals]);

  // Devices, per product.
  const thingsOfProduct = new Map<string, string[]>();
  for (const thing of input.things) {
    const product = productOfThing.get(thing.arn);
    if (product === undefined) continue;
    const list = thingsOfProduct.get(product);
    if (list) list.push(thing.name);
    else thingsOfProduct.set(product, [thing.name]);
  }
  const deviceEntries = new Map<string, Map<string, NameMapEntry>>();
  for (const product of [...productOriginals].sort()) {
    deviceEntries.set(product, runNameMap(nameScope("devices", region, product), "device", thingsOfProduct.get(product) ?? []));
  }
  // Device scopes of products that are gone keep their names reserved for when the product comes back.
  // (They are carried over by the caller from previousNameMaps; nothing to do here.)

  // Groups.
  const groupNames = runNameMap(nameScope("groups", region), "group", input.groups.map((g) => g.name));
  const groupByName = new Map<string, ScanResource>();
  for (const g of input.groups) groupByName.set(g.name, g);

  const proposals: Proposal[] = [];
  const thingChoice = input.thingChoice;
  const thingTarget = thingChoice.target;
  const deviceNameOf = new Map<string, string>();

  // The name-map entry of the thing group an ARN names, if it is one: worked out once per ARN (a fleet
  // has far fewer groups than memberships).
  const groupEntries = new Map<string, NameMapEntry | undefined>();
  const groupEntryOf = (groupArn: string): NameMapEntry | undefined => {
    if (groupEntries.has(groupArn)) return groupEntries.get(groupArn);
    const group = resourceByArn.get(groupArn);
    const entry = group?.kind === RESOURCE_KINDS.iotThingGroup ? groupNames.get(group.name) : undefined;
    groupEntries.set(groupArn, entry);
    return entry;
  };
  const thingTargetName = thingTarget?.name ?? null;
  const thingRosType = thingTarget?.rosType ?? null;
  const thingFit = thingTarget?.fit ?? null;
  const thingCountAs = thingTarget ? (thingTarget.rosType ?? thingTarget.name) : null;
  for (let index = 0; index < input.things.length; index++) {
    const thing = input.things[index]!;
    const record = records[index] ?? null;
    const product = productOfThing.get(thing.arn);
    if (!record || product === undefined) {
      proposals.push({
        arn: thing.arn,
        kind: thing.kind,
        name: thing.name,
        target: thingTargetName,
        rosType: thingRosType,
        fit: thingFit,
        status: "blocked",
        properties: {},
        reasons: [unreadable(thing), ...thingChoice.reasons],
        targetResources: {},
      });
      continue;
    }
    const device = deviceEntries.get(product)?.get(thing.name);
    const productEntry = productNames.get(product);
    if (!device || !productEntry) {
      proposals.push({
        arn: thing.arn,
        kind: thing.kind,
        name: thing.name,
        target: thingTargetName,
        rosType: thingRosType,
        fit: thingFit,
        status: "blocked",
        properties: {},
        reasons: [{ code: "no-free-name", message: `No DeviceName could be given to "${thing.name}".` }],
        targetResources: {},
      });
      continue;
    }
    deviceNameOf.set(thing.name, device.name);
    // Made only when the thing has a reason of its own (most have none).
    let extra: ProposalReason[] | null = device.changed ? nameReason("thing", device) : null;
    let status = thingChoice.status;

    let memberships: NameMapEntry[] | null = null;
    for (const groupArn of relations.targetsOf(REL.memberOf, thing.arn)) {
      const entry = groupEntryOf(groupArn);
      if (entry) (memberships ??= []).push(entry);
    }
    const groups: ProposedName[] = [];
    let groupsLeftOut: ProposedName[] | null = null;
    if (memberships !== null) {
      if (memberships.length > 1) memberships.sort((a, b) => (a.original < b.original ? -1 : a.original > b.original ? 1 : 0));
      for (let i = 0; i < memberships.length; i++) {
        if (i < MAX_GROUPS_PER_DEVICE) groups.push(proposed(memberships[i]!));
        else (groupsLeftOut ??= []).push(proposed(memberships[i]!));
      }
    }
    if (groupsLeftOut !== null) {
      status = settleStatus(status, "decision");
      (extra ??= []).push({
        code: "too-many-groups",
        message: `"${thing.name}" is in ${memberships!.length} thing groups; an Alibaba device is in at most ${MAX_GROUPS_PER_DEVICE}. Proposed: the first ${MAX_GROUPS_PER_DEVICE} by name; left out: ${groupsLeftOut.map((g) => g.original).join(", ")}. Choose which to keep.`,
      });
    }
    const tagCount = countKeys(record.attributes);
    if (tagCount > MAX_TAGS_PER_DEVICE) {
      status = settleStatus(status, "decision");
      (extra ??= []).push({ code: "too-many-tags", message: `"${thing.name}" has ${tagCount} attributes; a device holds at most ${MAX_TAGS_PER_DEVICE} tags. Choose which to keep or move the rest into the thing model.` });
    }
    if (record.namedShadows.length > 0) {
      status = settleStatus(status, "blocked");
      (extra ??= []).push({
        code: "named-shadows",
        message: `"${thing.name}" uses named shadows (${record.namedShadows.join(", ")}), which have no equivalent: Alibaba has one shadow per device. Model the state as thing-model properties or in the application.`,
      });
    }
    const nickname = fitDeviceNickname(thing.name);
    const properties: Record<string, unknown> = {
      productName: proposed(productEntry),
      deviceName: proposed(device),
      nickname: { name: nickname.name, original: thing.name },
      tags: record.attributes,
      groups,
    };
    if (groupsLeftOut !== null) properties.groupsLeftOut = groupsLeftOut;
    proposals.push({
      arn: thing.arn,
      kind: thing.kind,
      name: thing.name,
      target: thingTargetName,
      rosType: thingRosType,
      fit: thingFit,
      status,
      properties,
      // The target's reasons are shared by every thing (one array, not one per thing).
      reasons: extra === null || extra.length === 0 ? thingChoice.reasons : [...extra, ...thingChoice.reasons],
      targetResources: status === "mapped" && thingCountAs !== null ? { [thingCountAs]: 1 } : {},
    });
  }

  // Products: one proposal per thing-type row; the default product (and types without a row) only in `products`.
  const deviceCount = new Map<string, number>();
  for (const product of productOfThing.values()) deviceCount.set(product, (deviceCount.get(product) ?? 0) + 1);
  const products: ProposedProduct[] = [];
  const typeChoice = chooseCatalogueTarget(RESOURCE_KINDS.iotThingType, input.entryOf(RESOURCE_KINDS.iotThingType), { targetRegion: input.targetRegion });
  for (const original of [...productOriginals].sort()) {
    const entry = productNames.get(original);
    if (!entry) continue;
    const row = typeByName.get(original);
    products.push({ region, original, productName: entry.name, thingTypeArn: row?.arn ?? null, deviceCount: deviceCount.get(original) ?? 0, topicClasses: [] });
  }
  for (const row of input.thingTypes) {
    const entry = productNames.get(row.name);
    const target = typeChoice.target;
    const reasons = [...(entry ? nameReason("thing type", entry) : []), ...typeChoice.reasons];
    const deprecated = isDeprecatedType(row.raw);
    if (deprecated) reasons.unshift({ code: "deprecated-type", message: `Thing type "${row.name}" is deprecated on AWS; its product is proposed all the same.` });
    const status = entry ? typeChoice.status : "blocked";
    proposals.push({
      ...describeProposalHead(row, target),
      status,
      properties: entry ? { productName: proposed(entry), deviceCount: deviceCount.get(row.name) ?? 0, topicClasses: [] } : {},
      reasons,
      choices: typeChoice.choices,
      alternatives: typeChoice.alternatives,
      targetResources: status === "mapped" && target ? { [target.rosType ?? target.name]: 1 } : {},
    });
  }

  // Groups, with their parent (child-of relation first, else the record's parent name).
  const groupChoice = chooseCatalogueTarget(RESOURCE_KINDS.iotThingGroup, input.entryOf(RESOURCE_KINDS.iotThingGroup), { targetRegion: input.targetRegion });
  const parentOf = new Map<string, ScanResource | null>();
  for (const group of input.groups) {
    const byRelation = relations.targetsOf(REL.childOf, group.arn).map((arn) => resourceByArn.get(arn)).find((r) => r?.kind === RESOURCE_KINDS.iotThingGroup);
    const recordParent = readThingGroupRecord(group.raw)?.parentGroupName;
    parentOf.set(group.arn, byRelation ?? (recordParent ? (groupByName.get(recordParent) ?? null) : null));
  }
  for (const group of input.groups) {
    const entry = groupNames.get(group.name);
    const record = readThingGroupRecord(group.raw);
    const target = groupChoice.target;
    const reasons: ProposalReason[] = entry ? nameReason("thing group", entry) : [];
    let status = entry ? groupChoice.status : "blocked";
    if (!record) reasons.push({ ...unreadable(group), message: `${unreadable(group).message} It is proposed as a static group.` });
    const parent = parentOf.get(group.arn) ?? null;
    if (parent && formsCycle(group.arn, parentOf)) {
      status = settleStatus(status, "decision");
      reasons.push({ code: "group-cycle", message: `The parents of "${group.name}" loop back to it: choose where to cut the nesting.` });
    }
    const members = relations.sourcesOf(REL.memberOf, group.arn).filter((arn) => resourceByArn.get(arn)?.kind === RESOURCE_KINDS.iotThing).length;
    const dynamic = record?.dynamic === true;
    if (dynamic) {
      reasons.push({ code: "dynamic-query", message: `"${group.name}" is a dynamic group: its query ${JSON.stringify(record?.queryString ?? "")} must be rewritten in Alibaba's dynamic-group syntax.` });
    }
    const parentEntry = parent ? groupNames.get(parent.name) : undefined;
    proposals.push({
      ...describeProposalHead(group, target),
      status,
      // Dynamic groups are created with CreateDeviceDynamicGroup; ALIYUN::IOT::DeviceGroup is a static group.
      ...(dynamic ? { rosType: null } : {}),
      properties: entry
        ? { groupName: proposed(entry), parent: parentEntry ? proposed(parentEntry) : null, dynamic, ...(dynamic ? { query: record?.queryString ?? null } : {}), memberCount: members }
        : {},
      reasons: [...reasons, ...groupChoice.reasons],
      choices: groupChoice.choices,
      alternatives: groupChoice.alternatives,
      targetResources: status === "mapped" && target ? { [dynamic || !target.rosType ? target.name : target.rosType]: 1 } : {},
    });
  }

  return { proposals, products, productOfThing, deviceNameOf, nameMaps, errors };
}

/** Own enumerable keys, counted without listing them. */
function countKeys(record: Record<string, string>): number {
  let n = 0;
  for (const key in record) if (Object.hasOwn(record, key)) n++;
  return n;
}

function unreadable(row: ScanResource): ProposalReason {
  const issues = row.problem?.issues ? ` (${row.problem.issues})` : "";
  return { code: "unreadable-record", message: `The stored record of "${row.name}" could not be read${issues}: re-scan it.` };
}

function isDeprecatedType(raw: unknown): boolean {
  const type = (raw as { thingType?: { thingTypeMetadata?: { deprecated?: unknown } } } | null)?.thingType;
  return type?.thingTypeMetadata?.deprecated === true;
}

function formsCycle(start: string, parentOf: ReadonlyMap<string, ScanResource | null>): boolean {
  const seen = new Set<string>([start]);
  let current = parentOf.get(start) ?? null;
  while (current) {
    if (seen.has(current.arn)) return true;
    seen.add(current.arn);
    current = parentOf.get(current.arn) ?? null;
  }
  return false;
}
