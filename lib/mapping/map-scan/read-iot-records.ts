/**
 * Reads the fields the mapping step needs from stored IoT records (the raw shapes of
 * lib/inventory/raw/iot-thing.ts and iot-thing-group.ts), defensively: the rows are plain data and a
 * record may be damaged. A record that lacks what the mapping needs reads as null; the caller says so
 * in the proposal's reasons.
 */
export interface ThingRecord {
  thingTypeName: string | null;
  attributes: Record<string, string>;
  /** Names of the thing's named shadows (deep scans with shadows), sorted. */
  namedShadows: string[];
}

export interface ThingGroupRecord {
  dynamic: boolean;
  parentGroupName: string | null;
  queryString: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function readThingRecord(raw: unknown): ThingRecord | null {
  if (!isObject(raw) || !isObject(raw.thing) || typeof raw.thing.thingName !== "string") return null;
  const { thingTypeName, attributes } = raw.thing;
  const attrs: Record<string, string> = {};
  if (isObject(attributes)) {
    for (const key of Object.keys(attributes).sort()) {
      const value = attributes[key];
      if (typeof value === "string") attrs[key] = value;
    }
  }
  const named = isObject(raw.shadows) && isObject(raw.shadows.named) ? Object.keys(raw.shadows.named).sort() : [];
  return { thingTypeName: typeof thingTypeName === "string" && thingTypeName.length > 0 ? thingTypeName : null, attributes: attrs, namedShadows: named };
}

export function readThingGroupRecord(raw: unknown): ThingGroupRecord | null {
  if (!isObject(raw) || !isObject(raw.group)) return null;
  const metadata = raw.group.thingGroupMetadata;
  const parent = isObject(metadata) && typeof metadata.parentGroupName === "string" ? metadata.parentGroupName : null;
  return {
    dynamic: raw.dynamic === true,
    parentGroupName: parent,
    queryString: typeof raw.group.queryString === "string" ? raw.group.queryString : null,
  };
}
