/**
 * The Alibaba regions that any candidate of the entries is offered in, per world (mainland China
 * and international, never mixed), sorted: the catalogue browser's region filter.
 */
import type { CatalogueEntry } from "@/lib/catalogue/catalogue-types";

export interface CatalogueRegions {
  mainlandChina: string[];
  international: string[];
}

export function listCatalogueRegions(entries: readonly CatalogueEntry[]): CatalogueRegions {
  const worlds = { mainlandChina: new Set<string>(), international: new Set<string>() };
  for (const entry of entries) {
    for (const target of entry.targets) {
      for (const world of ["mainlandChina", "international"] as const) {
        const availability = target.availability[world];
        if (availability.status === "regions") availability.regions.forEach((r) => worlds[world].add(r));
      }
    }
  }
  return { mainlandChina: [...worlds.mainlandChina].sort(), international: [...worlds.international].sort() };
}
