/**
 * Types shared by the target-region files: what the estate needs in each source AWS region, the
 * constraints a plan (and its compliance stage) puts on where the data may go, and the proposals,
 * reasons and findings the chooser and the change check return. Reasons are codes with parameters,
 * never display text.
 */
import type { Catalogue, Confidence } from "@/lib/catalogue/catalogue-types";

/** Alibaba Cloud's two account worlds: mainland China (`cn-*` except Hong Kong) and international. */
export type AccountWorld = "mainland-china" | "international";

/** Which world the plan may target. */
export type WorldConstraint = AccountWorld | "either";

/**
 * A data-residency rule, as the compliance stage states it: the data of the source regions it
 * applies to stays within the listed areas. Areas are ISO 3166 alpha-2 country codes (`DE`, `GB`,
 * `HK`...), `EU` (the EU member states), `EEA` (the EU plus Iceland, Liechtenstein, Norway) or
 * `mainland-china`. Hong Kong (`HK`) is not part of `mainland-china`.
 */
export interface ResidencyRule {
  /** The compliance rule's id (e.g. `GDPR-01`), carried into every reason it causes. */
  id: string;
  /** Source regions the rule covers: listed by name, by area, or both (either matches). */
  appliesTo: { sourceRegions?: readonly string[]; sourceAreas?: readonly string[] };
  /** Areas the data may be kept in. */
  keepWithin: readonly string[];
  /** `required`: other regions are never proposed; `preferred`: they rank below those that keep it. */
  strength: "required" | "preferred";
}

export interface RegionConstraints {
  world: WorldConstraint;
  residency?: readonly ResidencyRule[];
}

/** One service the estate needs: a catalogue kind and, when the plan chose one, the target's name (else its rank-1 target). */
export interface ServiceNeed {
  kind: string;
  target?: string;
}

export interface SourceRegionNeeds {
  sourceRegion: string;
  services: readonly ServiceNeed[];
}

export interface ChooseTargetRegionsInput {
  needs: readonly SourceRegionNeeds[];
  catalogue: Catalogue;
  constraints: RegionConstraints;
  /** How many ranked alternatives to return beside the proposal (default 5). */
  maxAlternatives?: number;
}

/** A need resolved against the catalogue. */
export interface ResolvedService {
  kind: string;
  target: string;
  targetRank: number;
}

/**
 * Whether a target is offered in a region, read from the catalogue: `offered`; `not-offered` (the
 * world's list is complete and leaves the region out, or the world is `none`); `unknown` (the
 * world's availability was not verified); `incomplete` (the list was cut short and leaves the region
 * out: it may be offered). Only `offered` counts as available.
 */
export type ServiceAvailability = "offered" | "not-offered" | "unknown" | "incomplete";

export interface ServiceAtRegion extends ResolvedService {
  availability: ServiceAvailability;
}

export type ReasonParams = Record<string, string | number | boolean | null | readonly string[]>;

/**
 * Why a region ranks where it does (codes; parameters name kinds, targets, regions, rules):
 * - `all-services-offered` {region, count}
 * - `service-not-offered` {kind, target, region, world}
 * - `availability-unknown` / `availability-incomplete` {kind, target, region, world}
 * - `geography-default` {sourceRegion, region, position, basis} (position 1 is the nearest; basis
 *   `same-metro`, `same-country` or `nearest`, how the source's defaults were judged)
 * - `geography-away` {sourceRegion, region} (not among the source's default regions)
 * - `crosses-world` {sourceRegion, sourceWorld, region, targetWorld}
 * - `residency-kept` / `residency-preference-not-met` {rule, region, keepWithin}
 * - `service-not-checked` {kind, target} (the need was malformed; see the issues)
 * - on a source region: `no-region-offers-all` {sourceRegion, world}, `no-eligible-region`
 *   {sourceRegion, world}, `residency-excluded` {rule, regions}
 */
export interface RegionReason {
  code: string;
  params: ReasonParams;
}

export interface RegionCandidate {
  region: string;
  world: AccountWorld;
  country: string;
  /** Every needed service is offered or possibly offered (none known to be missing). */
  offersAll: boolean;
  /** Needed services known not to be offered here. */
  missing: ServiceAtRegion[];
  /** Needed services whose offer here is `unknown` or `incomplete`. */
  unverified: ServiceAtRegion[];
  /** Position among the source region's default regions (1 = nearest), or null when not among them. */
  geographyPosition: number | null;
  /** Preferred residency rules this region does not keep (required ones exclude the region). */
  residencyPreferencesNotMet: string[];
  /** How sure the choice is that every needed service is offered here. */
  confidence: Confidence;
  reasons: RegionReason[];
}

export interface SourceRegionChoice {
  sourceRegion: string;
  sourceWorld: AccountWorld;
  services: ResolvedService[];
  /** The best region that offers every needed service (possibly with unverified ones), or null. */
  proposal: RegionCandidate | null;
  /** The next regions, best first (regions missing services included, after those that offer all). */
  alternatives: RegionCandidate[];
  reasons: RegionReason[];
}

/**
 * A problem with one item of the input; the item is left out, the rest goes on.
 * Codes: `invalid-input`, `unknown-source-region`, `duplicate-source-region`, `no-needs`,
 * `unknown-kind`, `unknown-target`, `unknown-target-region`, `closed-target-region`.
 */
export interface RegionInputIssue {
  code: string;
  sourceRegion: string | null;
  params: ReasonParams;
}

export interface ChooseTargetRegionsResult {
  choices: SourceRegionChoice[];
  issues: RegionInputIssue[];
}

export interface CheckTargetRegionChangeInput {
  sourceRegion: string;
  currentRegion: string;
  newRegion: string;
  services: readonly ServiceNeed[];
  catalogue: Catalogue;
  constraints: RegionConstraints;
}

/**
 * What a change of target region does. `break`: something stops working or a required rule is
 * broken; `warning`: the architect must know (unverified offer, another account world, a residency
 * preference left). Codes:
 * - `service-not-offered` {kind, target, region, before} (break; `before`: its availability in the current region)
 * - `availability-unknown` / `availability-incomplete` {kind, target, region, before} (warning)
 * - `world-change` {from, to, fromWorld, toWorld} (warning: the target needs an account of the other world)
 * - `outside-world-constraint` {region, world, allowed} (break)
 * - `residency-left` {rule, strength, keepWithin, from, to} (break when required, warning when preferred)
 */
export interface RegionChangeFinding {
  code: string;
  severity: "break" | "warning";
  params: ReasonParams;
}

export interface RegionChangeReport {
  sourceRegion: string;
  from: string;
  to: string;
  /** True when the change breaks nothing (warnings may remain). */
  safe: boolean;
  findings: RegionChangeFinding[];
  /** Malformed items of the input (a need the catalogue does not know, an unknown region...). */
  issues: RegionInputIssue[];
}
