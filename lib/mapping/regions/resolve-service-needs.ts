/**
 * Resolves the services one source region needs against the catalogue: each need names a kind and,
 * optionally, the target the plan chose (else the kind's rank-1 target). Malformed or unknown needs
 * become issues; the rest resolve. Duplicates (same kind and target) count once. Sorted by kind,
 * then target, so the result does not depend on the input's order.
 */
import type { Catalogue, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import type { RegionInputIssue, ResolvedService } from "@/lib/mapping/regions/region-types";

export interface ResolvedServiceNeeds {
  services: ResolvedService[];
  /** The resolved targets by `kind\u0000target`, for reading their availability. */
  targets: Map<string, CatalogueTarget>;
  /** Needs that could not be resolved (kept so the choice can say they were not checked). */
  unchecked: { kind: string; target: string | null }[];
  issues: RegionInputIssue[];
}

export function serviceKey(kind: string, target: string): string {
  return `${kind}\u0000${target}`;
}

/** Whether a value has the catalogue's list of entries (the catalogue itself is validated where it is read). */
export function hasCatalogueEntries(value: unknown): value is Catalogue {
  return value !== null && typeof value === "object" && Array.isArray((value as { entries?: unknown }).entries);
}

export function resolveServiceNeeds(sourceRegion: string, needs: unknown, catalogue: Catalogue): ResolvedServiceNeeds {
  const result: ResolvedServiceNeeds = { services: [], targets: new Map(), unchecked: [], issues: [] };
  if (!Array.isArray(needs)) {
    result.issues.push({ code: "invalid-input", sourceRegion, params: { field: "services" } });
    return result;
  }
  const entries = new Map(catalogue.entries.map((entry) => [entry.kind, entry]));
  needs.forEach((need: unknown, index) => {
    const kind = readString(need, "kind");
    const wanted = need !== null && typeof need === "object" ? (need as { target?: unknown }).target : undefined;
    if (kind === null || (wanted !== undefined && typeof wanted !== "string")) {
      result.issues.push({ code: "invalid-input", sourceRegion, params: { field: `services[${index}]` } });
      return;
    }
    const entry = entries.get(kind);
    if (!entry) {
      result.issues.push({ code: "unknown-kind", sourceRegion, params: { kind } });
      result.unchecked.push({ kind, target: typeof wanted === "string" ? wanted : null });
      return;
    }
    const target = typeof wanted === "string" ? entry.targets.find((t) => t.name === wanted) : entry.targets.find((t) => t.rank === 1);
    if (!target) {
      result.issues.push({ code: "unknown-target", sourceRegion, params: { kind, target: String(wanted) } });
      result.unchecked.push({ kind, target: String(wanted) });
      return;
    }
    const key = serviceKey(kind, target.name);
    if (result.targets.has(key)) return;
    result.targets.set(key, target);
    result.services.push({ kind, target: target.name, targetRank: target.rank });
  });
  result.services.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.target, b.target));
  result.unchecked.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.target ?? "", b.target ?? ""));
  return result;
}

function readString(value: unknown, field: string): string | null {
  if (value === null || typeof value !== "object") return null;
  const read = (value as Record<string, unknown>)[field];
  return typeof read === "string" && read.trim().length > 0 ? read : null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
