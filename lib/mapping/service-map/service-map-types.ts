/**
 * The service map's graph: an aggregated picture of a scanned AWS estate beside the Alibaba Cloud
 * estate the mapping proposes. Built once per mapping run (build-service-map-graph.ts), stored as
 * JSON on the run (mapping_runs.graph) and drawn by components/service-map. Plain data only, so the
 * browser can import these types.
 *
 * A node is never one thing: things are drawn per thing type, certificates per CA, and kinds with
 * many resources per kind, so 100,000 things stay a few hundred nodes.
 */
import type { Fit } from "@/lib/catalogue/catalogue-types";
import type { ProposalStatus, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";

export const SERVICE_MAP_GRAPH_VERSION = 1;

export type ServiceMapSide = "aws" | "alibaba";

/**
 * What a node stands for:
 * - `resource`: one AWS resource (a thing group, a rule, a policy, a bucket...);
 * - `thing-type`: the things of one thing type, with the type itself; `untyped-things`: the things
 *   without a type, per region;
 * - `certificates`: the certificates issued by one CA (with the CA), or those of a region without one;
 * - `aggregate`: the resources of one kind gathered because there are many of them;
 * - `target`: the Alibaba side of an AWS node.
 */
export type ServiceMapNodeGroup = "resource" | "thing-type" | "untyped-things" | "certificates" | "aggregate" | "target";

export interface ServiceMapNodeFlags {
  /** Some of its resources need a decision. */
  decisions: boolean;
  blocked: boolean;
  /** Some of its resources have no equivalent. */
  none: boolean;
  /** Some of its resources fit only partly or carry feature gaps. */
  gaps: boolean;
}

/** One reason as the node's summary shows it: how many of its resources give it, with one message. */
export interface ServiceMapReason {
  code: string;
  message: string;
  count: number;
  /** The status most of the resources giving it have, ties to the more serious (the summary lists blockers' reasons first). */
  status: ProposalStatus;
}

export interface ServiceMapNode {
  /** Stable across runs: derived from the side, kind and ARN (or the aggregate's key), never from positions. */
  id: string;
  side: ServiceMapSide;
  group: ServiceMapNodeGroup;
  /** CloudFormation type on the AWS side; ROS type or catalogue target name on the Alibaba side. */
  kind: string;
  label: string;
  /** The AWS region of its resources, when they are all in one. */
  region: string | null;
  /** The ARN, for a node of one resource. */
  arn: string | null;
  /** How many resources (mapping proposals) the node stands for. */
  members: number;
  /** For thing-type and untyped-things nodes: how many of the members are things. */
  things: number;
  counts: StatusCounts;
  /** The status most of its resources have (ties go to the more serious one); what colours the node. */
  tone: ProposalStatus;
  /** The fit most of its resources have; null when none has a target. */
  fit: Fit | null;
  flags: ServiceMapNodeFlags;
  /** How many of its resources fit only partly or carry feature gaps. */
  gaps: number;
  /** The catalogue target most of its resources take, and its ROS type. */
  target: string | null;
  rosType: string | null;
  /** The reasons of its resources, the most serious first, then the most frequent (at most REASONS_PER_NODE). */
  reasons: ServiceMapReason[];
  /** Alibaba side: the AWS nodes it is the target of. AWS side: empty. */
  sources: string[];
}

/** `becomes` (AWS node -> its Alibaba node), or the relation type it summarises (lib/aws/relation-types.ts). */
export type ServiceMapEdgeKind = string;

export interface ServiceMapEdge {
  /** `${source}>${target}>${kind}`: stable as the node ids. */
  id: string;
  source: string;
  target: string;
  kind: ServiceMapEdgeKind;
  /** How many relations it stands for (1 for `becomes`). */
  count: number;
}

export interface ServiceMapGraph {
  version: typeof SERVICE_MAP_GRAPH_VERSION;
  nodes: ServiceMapNode[];
  edges: ServiceMapEdge[];
  /** How many resources (proposals) the graph stands for. */
  resources: number;
}
