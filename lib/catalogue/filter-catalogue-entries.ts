/**
 * The catalogue browser's filters, as a pure function over entries: by category, by the fit of
 * any candidate, by where a candidate is offered (a whole world, mainland China or international,
 * or one Alibaba region; the two worlds are never mixed: a mainland region only matches a
 * candidate's mainland availability) and by text (kind, AWS service, candidates, what differs,
 * gaps, notes; case-insensitive).
 */
import { z } from "zod";
import { CATEGORIES, FITS, isMainlandRegion } from "@/lib/catalogue/catalogue-schema";
import type { CatalogueEntry, CatalogueTarget } from "@/lib/catalogue/catalogue-types";

export const CATALOGUE_WORLDS = ["mainlandChina", "international"] as const;
export type CatalogueWorld = (typeof CATALOGUE_WORLDS)[number];

/** The filters as the route's query string carries them (every value validated). */
export const catalogueFiltersSchema = z.object({
  category: z.enum(CATEGORIES).optional(),
  fit: z.enum(FITS).optional(),
  world: z.enum(CATALOGUE_WORLDS).optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}-[a-z0-9-]+$/)
    .max(40)
    .optional(),
  q: z.string().trim().max(200).optional(),
  retired: z.enum(["include", "only"]).optional(),
});

export type CatalogueFilters = z.infer<typeof catalogueFiltersSchema>;

export function worldOfRegion(region: string): CatalogueWorld {
  return isMainlandRegion(region) ? "mainlandChina" : "international";
}

/** True when the candidate is offered in the world, or in the region (in that region's world). */
export function isTargetAvailable(target: CatalogueTarget, filters: Pick<CatalogueFilters, "world" | "region">): boolean {
  if (filters.region) {
    const world = worldOfRegion(filters.region);
    if (filters.world && filters.world !== world) return false;
    const availability = target.availability[world];
    return availability.status === "regions" && availability.regions.includes(filters.region);
  }
  if (filters.world) return target.availability[filters.world].status === "regions";
  return true;
}

function entryText(entry: CatalogueEntry): string {
  const parts: string[] = [entry.kind, entry.awsService, entry.category, entry.note ?? ""];
  for (const target of entry.targets) {
    parts.push(target.name, target.rosType ?? "", target.differs, target.caveat ?? "", ...target.gaps.map((g) => `${g.key} ${g.text}`));
  }
  return parts.join("\n").toLowerCase();
}

export function matchesCatalogueFilters(entry: CatalogueEntry, filters: CatalogueFilters): boolean {
  if (filters.category && entry.category !== filters.category) return false;
  if (filters.fit && !entry.targets.some((t) => t.fit === filters.fit)) return false;
  if ((filters.world || filters.region) && !entry.targets.some((t) => isTargetAvailable(t, filters))) return false;
  const q = filters.q?.trim().toLowerCase();
  if (q && !q.split(/\s+/).every((word) => entryText(entry).includes(word))) return false;
  return true;
}

export function filterCatalogueEntries<T extends { entry: CatalogueEntry }>(rows: readonly T[], filters: CatalogueFilters): T[] {
  return rows.filter((row) => matchesCatalogueFilters(row.entry, filters));
}
