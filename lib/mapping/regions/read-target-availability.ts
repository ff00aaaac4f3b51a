/**
 * Reads whether a catalogue target is offered in one Alibaba region. The region's world (mainland
 * China or international) picks which of the target's two availabilities applies. Only a region the
 * list names is `offered`; an unverified world is `unknown`, and a list cut short that leaves the
 * region out is `incomplete`: neither is ever taken as offered.
 */
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { readAlibabaRegionWorld } from "@/lib/mapping/regions/region-geography";
import type { ServiceAvailability } from "@/lib/mapping/regions/region-types";

export function readTargetAvailability(target: CatalogueTarget, region: string): ServiceAvailability {
  const world = readAlibabaRegionWorld(region) === "mainland-china" ? target.availability.mainlandChina : target.availability.international;
  switch (world.status) {
    case "none":
      return "not-offered";
    case "unknown":
      return "unknown";
    case "regions":
      if (world.regions.includes(region)) return "offered";
      return world.incomplete ? "incomplete" : "not-offered";
  }
}
