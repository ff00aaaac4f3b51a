/**
 * Reads a catalogue seed (the versioned file in lib/catalogue/data/) and validates it against
 * catalogue-schema.ts. A bad file is refused as a whole with a CatalogueSeedError that lists every
 * problem by entry (its kind, or `iot.<section>.<key>`) and field, so whoever edits the file can
 * find each one; values are left out of the messages.
 */
import { catalogueSchema } from "@/lib/catalogue/catalogue-schema";
import type { Catalogue, CatalogueSeedIssue } from "@/lib/catalogue/catalogue-types";
import seed202612 from "@/lib/catalogue/data/catalogue-2026-12.json" with { type: "json" };

/** The newest seed in the repository. */
export const CURRENT_CATALOGUE_SEED: unknown = seed202612;

export class CatalogueSeedError extends Error {
  readonly code = "CatalogueSeedInvalid";
  constructor(
    readonly issues: CatalogueSeedIssue[],
    readonly seedName: string,
  ) {
    super(`Catalogue seed ${seedName} is invalid: ${issues.map(formatIssue).join("; ")}`);
    this.name = "CatalogueSeedError";
  }
}

/**
 * Validates `input`, a parsed seed or its JSON text. Returns the catalogue, or throws a
 * CatalogueSeedError naming every bad entry and field.
 */
export function readCatalogueSeed(input: unknown, seedName = "(seed)"): Catalogue {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : "unreadable";
      throw new CatalogueSeedError([{ entry: null, field: "(file)", message: `not valid JSON: ${reason}` }], seedName);
    }
  }
  const result = catalogueSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => locateIssue(data, issue.path, issue.message));
  throw new CatalogueSeedError(issues, seedName);
}

/** Reads the newest seed in the repository. */
export function readCurrentCatalogueSeed(): Catalogue {
  return readCatalogueSeed(CURRENT_CATALOGUE_SEED, "catalogue-2026-12.json");
}

/** Turns a schema path such as ["entries", 3, "targets", 1, "fit"] into an entry name and a field. */
function locateIssue(data: unknown, path: readonly PropertyKey[], message: string): CatalogueSeedIssue {
  const clean = message.replace(/^Invalid input: /, "");
  const [top, index, ...rest] = path;
  if (top === "entries" && typeof index === "number") {
    const kind = readString(data, ["entries", index, "kind"]);
    return { entry: kind ?? `entries[${index}]`, field: formatPath(rest), message: clean };
  }
  if (top === "iot" && typeof index === "string" && typeof rest[0] === "number") {
    const [position, ...field] = rest;
    const detailKey = readString(data, ["iot", index, position]);
    return { entry: `iot.${index}.${detailKey ?? `[${String(position)}]`}`, field: formatPath(field), message: clean };
  }
  return { entry: null, field: formatPath(path), message: clean };
}

function readString(data: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  if (node !== null && typeof node === "object" && typeof (node as { key?: unknown }).key === "string") {
    return (node as { key: string }).key;
  }
  return typeof node === "string" && node.length > 0 && node.length <= 200 ? node : undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(entry)";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function formatIssue(issue: CatalogueSeedIssue): string {
  return `${issue.entry ?? "(file)"} ${issue.field}: ${issue.message}`;
}
