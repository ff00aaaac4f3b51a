/**
 * Types shared by the mapping step (map-scan.ts and the files it calls): what it reads (plain rows
 * shaped like the inventory's typed read contract, the catalogue, the plan's choices and the stored
 * name maps) and what it proposes for every resource.
 */
import type { Catalogue, Fit } from "@/lib/catalogue/catalogue-types";
import type { NameMapState } from "@/lib/mapping/names/name-types";
import type { RepublishRuleProposal, TopicClassProposal } from "@/lib/mapping/policies/policy-translation-types";

/** One inventoried resource, structurally the rows of lib/inventory/read-resources.ts. */
export interface ScanResource {
  kind: string;
  arn: string;
  name: string;
  region: string;
  tags: Readonly<Record<string, string>>;
  /** The stored record; null when the inventory could not read it against its schema (see problem). */
  raw: unknown;
  problem?: { code: string; issues: string } | null;
}

/** One relation, structurally the rows of lib/inventory/read-relations.ts ("from <type> to"). */
export interface ScanRelation {
  fromArn: string;
  toArn: string;
  type: string;
}

export interface MapScanChoices {
  /**
   * The catalogue target that AWS IoT Core things become (a target name of the AWS::IoT::Thing entry).
   * Default: the best-ranked IoT Platform target, as Alibaba's own mapping does.
   */
  iotTarget?: string;
  /** Per CloudFormation kind, the chosen candidate target (its name in the catalogue). */
  byKind?: Readonly<Record<string, string>>;
}

export interface MapScanInput {
  resources: readonly ScanResource[];
  relations: readonly ScanRelation[];
  catalogue: Catalogue;
  choices?: MapScanChoices;
  /** The Alibaba region the plan targets, when it has chosen one (checked against availability). */
  targetRegion?: string | null;
  /**
   * The Alibaba region each source region moves to (the plan's choice per source region); a source
   * region without one takes targetRegion.
   */
  targetRegionBySource?: Readonly<Record<string, string>>;
  /** The name maps stored by the previous run, per scope (see NAME_SCOPES in map-scan.ts). */
  previousNameMaps?: Readonly<Record<string, NameMapState | null | undefined>>;
}

export type ProposalStatus = "mapped" | "decision" | "none" | "blocked";

/** One reason in words, with a machine code (e.g. `gap.private-keys`, `too-many-groups`). */
export interface ProposalReason {
  code: string;
  message: string;
}

/** A catalogue candidate as a proposal offers it. */
export interface ProposalCandidate {
  name: string;
  rank: number;
  rosType: string | null;
  fit: Fit;
}

/** A proposed name with the AWS original kept beside it. */
export interface ProposedName {
  name: string;
  original: string;
}

export interface Proposal {
  arn: string;
  kind: string;
  /** The resource's AWS name. */
  name: string;
  status: ProposalStatus;
  /** The catalogue target name (null when none was chosen or none exists). */
  target: string | null;
  rosType: string | null;
  fit: Fit | null;
  /** Concrete properties of the proposed target (names with their originals, translated SQL, topic classes...). */
  properties: Record<string, unknown>;
  reasons: ProposalReason[];
  /** For "decision": the candidates to choose from. */
  choices?: ProposalCandidate[];
  /** For "none": what could be used instead. */
  alternatives?: string[];
  /** The target resources this proposal adds, per ROS type or target name (only when mapped). */
  targetResources: Record<string, number>;
}

export type StatusCounts = Record<ProposalStatus, number>;

/** Exactly the document `silkroute map --json` prints, without the scanId the caller adds. */
export interface MapScanSummary {
  coverage: StatusCounts;
  byKind: Record<string, StatusCounts>;
  targets: Record<string, number>;
}

/** A product the mapping proposes (one per thing type, one default product for untyped things). */
export interface ProposedProduct {
  /** The AWS region its things come from (one Alibaba instance per source region). */
  region: string;
  /** The thing type's name, or DEFAULT_PRODUCT_ORIGINAL. */
  original: string;
  productName: string;
  /** The thing type's ARN; null for the default product. */
  thingTypeArn: string | null;
  deviceCount: number;
  topicClasses: TopicClassProposal[];
}

export interface MapScanResult {
  /** One per distinct resource (kind and ARN), sorted by ARN then kind. */
  proposals: Proposal[];
  products: ProposedProduct[];
  /** The REPUBLISH rules device-to-device traffic needs (from the policies), per source region. */
  republishRules: Array<RepublishRuleProposal & { region: string }>;
  /** Counts of proposed target resources, per ROS type or target name. */
  targetResources: Record<string, number>;
  /** The name maps to store for the next run, per scope. */
  nameMaps: Record<string, NameMapState>;
  coverage: StatusCounts;
  byKind: Record<string, StatusCounts>;
  /** The document `silkroute map --json` prints (the caller adds the scanId). */
  summary: MapScanSummary;
  /** Problems with the input itself (duplicate rows, bad name maps), one per item; the rest is mapped. */
  errors: Array<{ at: string; message: string }>;
}
