/**
 * Whether a catalogue target is offered in the plan's target region, from the catalogue's availability
 * (mainland China and international kept apart): "available" when the region is listed, "unavailable"
 * when the world says none or lists regions without it (and the list is complete), "unknown" when the
 * catalogue has not verified it or its list was cut short. A missing region is "unknown": nothing is guessed.
 */
import { isMainlandRegion } from "@/lib/catalogue/catalogue-schema";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";

export type RegionCheck = { status: "available" | "unavailable" | "unknown"; message: string };

export function checkTargetRegion(availability: CatalogueTarget["availability"], targetRegion: string | null | undefined, targetName: string): RegionCheck {
  if (typeof targetRegion !== "string" || targetRegion.length === 0) {
    return { status: "unknown", message: `The plan has no target region yet: where ${targetName} is offered was not checked.` };
  }
  const mainland = isMainlandRegion(targetRegion);
  const world = mainland ? availability.mainlandChina : availability.international;
  const worldName = mainland ? "mainland China" : "the international site";
  if (world.status === "none") {
    return { status: "unavailable", message: `${targetName} is not offered on ${worldName}, so not in ${targetRegion}${world.note ? `: ${world.note}` : "."}` };
  }
  if (world.status === "unknown") {
    return { status: "unknown", message: `Whether ${targetName} is offered in ${targetRegion} is not verified in the catalogue${world.note ? `: ${world.note}` : "."}` };
  }
  if (world.regions.includes(targetRegion)) return { status: "available", message: `${targetName} is offered in ${targetRegion}.` };
  if (world.incomplete === true) {
    return { status: "unknown", message: `${targetRegion} is not in the catalogue's list for ${targetName}, but that list was cut short: verify before relying on it.` };
  }
  return { status: "unavailable", message: `${targetName} is offered only in ${world.regions.join(", ")} on ${worldName}, not in ${targetRegion}.` };
}
