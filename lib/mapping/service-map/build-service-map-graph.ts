/**
 * Builds the service map's graph from a mapping run: the scanned AWS estate, aggregated, beside
 * the Alibaba Cloud estate the mapping proposes, with an edge from each AWS node to the node it
 * becomes and the relations of the scan between nodes of each side.
 *
 * Pure and deterministic (the order of the input does not matter); no database, no clock.
 *
 * Aggregation, so that 100,000 things stay a few hundred nodes:
 * - things are drawn per thing type, with the type (the untyped things of a region are one node);
 * - certificates per CA, with the CA (those without a CA one node per region);
 * - thing groups, rules, policies and thing types one node each, up to a limit per kind (the most
 *   connected first); the rest of the kind is one node;
 * - resources that rules feed (functions, buckets, tables, streams, queues...) one node each, up
 *   to a limit per kind; every other kind one node each when it has few resources, else one node.
 * Node ids come from the side, the kind and the ARN (or the aggregate's key) through a hash, so
 * they stay the same across runs and are safe in a URL.
 */
import { REL } from "@/lib/aws/relation-types";
import { KIND } from "@/lib/aws/resource-kinds";
import type { Fit } from "@/lib/catalogue/catalogue-types";
import type { Proposal, ProposalStatus, ProposedProduct, ScanRelation, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import {
  SERVICE_MAP_GRAPH_VERSION,
  type ServiceMapEdge,
  type ServiceMapGraph,
  type ServiceMapNode,
  type ServiceMapNodeGroup,
  type ServiceMapReason,
} from "@/lib/mapping/service-map/service-map-types";

export interface BuildServiceMapGraphInput {
  proposals: readonly Proposal[];
  products: readonly ProposedProduct[];
  relations: readonly ScanRelation[];
}

export interface BuiltServiceMapGraph {
  graph: ServiceMapGraph;
  /** The AWS-side node a proposal is drawn in (what mapping_proposals.node_id stores); null for one the graph does not hold. */
  nodeOf: (kind: string, arn: string) => string | null;
}

/** At most this many nodes of one kind drawn one by one; the rest of the kind is one node. */
export const NODE_LIMITS: Readonly<Record<string, number>> = {
  [KIND.iotThingType]: 20,
  [KIND.iotThingGroup]: 20,
  [KIND.iotTopicRule]: 20,
  [KIND.iotPolicy]: 10,
};
/** Resources a rule feeds: at most this many of one kind drawn one by one. */
export const DESTINATION_LIMIT = 6;
/** Other kinds: drawn one by one when the kind has at most this many resources, else as one node. */
export const SMALL_KIND_LIMIT = 3;
export const REASONS_PER_NODE = 8;

const STATUSES: readonly ProposalStatus[] = ["mapped", "decision", "none", "blocked"];
/** Ties go to the more serious status. */
const SEVERITY: Record<ProposalStatus, number> = { blocked: 3, decision: 2, none: 1, mapped: 0 };
const FIT_ORDER: Record<Fit, number> = { none: 3, partial: 2, equivalent: 1, "drop-in": 0 };
const GROUP_ORDER: Record<ServiceMapNodeGroup, number> = { "thing-type": 0, "untyped-things": 1, certificates: 2, resource: 3, aggregate: 4, target: 5 };
const DESTINATION_RELATIONS = new Set<string>([REL.writesTo, REL.invokes, REL.usesDestination]);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const emptyCounts = (): StatusCounts => ({ mapped: 0, decision: 0, none: 0, blocked: 0 });

/** FNV-1a, twice with different offsets: 16 hex digits, enough for a few hundred node keys. */
function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

const kindSlug = (kind: string) => (kind.split("::").pop() ?? kind).toLowerCase().replace(/[^a-z0-9]/g, "") || "kind";

/** The id of an AWS node: `aws.<kind>.<hash of its key>`. */
export function awsNodeId(kind: string, key: string): string {
  return `aws.${kindSlug(kind)}.${hashKey(`${kind}\u0000${key}`)}`;
}
/** The id of the Alibaba node an AWS node becomes. */
export function alibabaNodeId(awsId: string): string {
  return `ali.${awsId.slice(4)}`;
}

/** The status most counted; ties go to the more serious one. */
export function toneOf(counts: StatusCounts): ProposalStatus {
  let best: ProposalStatus = "mapped";
  for (const status of STATUSES) {
    const n = counts[status];
    if (n > counts[best] || (n === counts[best] && SEVERITY[status] > SEVERITY[best])) best = status;
  }
  // Nothing counted: "mapped" would be a claim; an empty node has no equivalent to show.
  return STATUSES.every((s) => counts[s] === 0) ? "none" : best;
}

function flagsOf(counts: StatusCounts, gaps: number): ServiceMapNode["flags"] {
  return { decisions: counts.decision > 0, blocked: counts.blocked > 0, none: counts.none > 0, gaps: gaps > 0 };
}

interface Bucket {
  key: string;
  kind: string;
  group: Exclude<ServiceMapNodeGroup, "target">;
  label: string;
  arn: string | null;
  regions: Set<string>;
  members: Proposal[];
  things: number;
  /** Product (thing types and untyped things): its fitted name on Alibaba. */
  productName: string | null;
}

const isNamed = (value: unknown): value is { name: string; original: string } =>
  typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string" && typeof (value as { original?: unknown }).original === "string";

/** The Alibaba name a proposal gives its resource: its first fitted name among the properties. */
function alibabaNameOf(proposal: Proposal): string | null {
  for (const key of ["productName", "groupName", "ruleName", "roleName", "deviceName"]) {
    const value = proposal.properties[key];
    if (isNamed(value)) return value.name;
  }
  for (const value of Object.values(proposal.properties)) if (isNamed(value) && value.name) return value.name;
  return null;
}

function mostCommon<T extends string>(values: Iterable<T>, tieBreak: (a: T, b: T) => number): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, n] of counts) {
    if (best === null || n > bestCount || (n === bestCount && tieBreak(value, best) < 0)) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}

/** Reasons the catalogue gives every resource of a kind (its gaps, partial fit, caveats): listed after the resource's own. */
const isGeneral = (code: string) => code.startsWith("gap.") || code === "partial-fit" || code === "caveat";

function summarise(bucket: Bucket) {
  const counts = emptyCounts();
  const reasons = new Map<string, ServiceMapReason & { byStatus: StatusCounts }>();
  const fits: Fit[] = [];
  const targets: string[] = [];
  const rosTypeOf = new Map<string, string | null>();
  let gaps = 0;
  for (const p of bucket.members) {
    counts[STATUSES.includes(p.status) ? p.status : "blocked"] += 1;
    if (p.fit) fits.push(p.fit);
    if (p.target) {
      targets.push(p.target);
      if (!rosTypeOf.has(p.target)) rosTypeOf.set(p.target, p.rosType);
    }
    let gap = p.fit === "partial";
    const counted = new Set<string>();
    for (const reason of p.reasons) {
      if (reason.code.startsWith("gap.")) gap = true;
      // A reason counts the resources giving it: once per proposal, however often it says it.
      if (counted.has(reason.code)) continue;
      counted.add(reason.code);
      const seen = reasons.get(reason.code);
      if (!seen) reasons.set(reason.code, { code: reason.code, message: reason.message, count: 1, status: p.status, byStatus: { ...emptyCounts(), [p.status]: 1 } });
      else {
        seen.count += 1;
        seen.byStatus[p.status] += 1;
      }
    }
    if (gap) gaps += 1;
  }
  const fit = mostCommon(fits, (a, b) => FIT_ORDER[b] - FIT_ORDER[a]);
  const target = mostCommon(targets, compare);
  // A reason takes the status most of the resources giving it have (a region note shared by mapped
  // things and one blocked thing is not a blocker); blockers' own reasons come first.
  for (const reason of reasons.values()) reason.status = toneOf(reason.byStatus);
  const top = [...reasons.values()]
    .sort(
      (a, b) =>
        SEVERITY[b.status] - SEVERITY[a.status] ||
        // Among equals, a reason mapped resources give too says less about what is wrong.
        a.byStatus.mapped - b.byStatus.mapped ||
        Number(isGeneral(a.code)) - Number(isGeneral(b.code)) ||
        b.count - a.count ||
        compare(a.code, b.code),
    )
    .map(({ byStatus: _byStatus, ...reason }) => reason)
    .slice(0, REASONS_PER_NODE);
  return { counts, fit, target, rosType: target ? (rosTypeOf.get(target) ?? null) : null, gaps, reasons: top };
}

export function buildServiceMapGraph(input: BuildServiceMapGraphInput): BuiltServiceMapGraph {
  const proposals = [...input.proposals].sort((a, b) => compare(a.arn, b.arn) || compare(a.kind, b.kind));
  const relations = input.relations.filter((r) => typeof r?.fromArn === "string" && typeof r?.toArn === "string" && typeof r?.type === "string");

  // What the relations say about each ARN: its thing type, its CA, how connected it is, whether a rule feeds it.
  const typeOf = new Map<string, string>();
  const caOf = new Map<string, string>();
  const degree = new Map<string, number>();
  const fed = new Set<string>();
  const kindOfArn = new Map<string, string>();
  const nameOfArn = new Map<string, string>();
  for (const p of proposals) {
    if (!kindOfArn.has(p.arn)) kindOfArn.set(p.arn, p.kind);
    if (!nameOfArn.has(p.arn)) nameOfArn.set(p.arn, p.name);
  }
  for (const r of relations) {
    degree.set(r.fromArn, (degree.get(r.fromArn) ?? 0) + 1);
    degree.set(r.toArn, (degree.get(r.toArn) ?? 0) + 1);
    if (r.type === REL.hasType) {
      const seen = typeOf.get(r.fromArn);
      if (seen === undefined || r.toArn < seen) typeOf.set(r.fromArn, r.toArn);
    } else if (r.type === REL.issuedBy) {
      const seen = caOf.get(r.fromArn);
      if (seen === undefined || r.toArn < seen) caOf.set(r.fromArn, r.toArn);
    } else if (DESTINATION_RELATIONS.has(r.type) && kindOfArn.get(r.fromArn) === KIND.iotTopicRule) {
      fed.add(r.toArn);
    }
  }

  // Products by region and original: a thing's product names its thing type.
  const productOf = new Map<string, ProposedProduct>();
  const productOfType = new Map<string, ProposedProduct>();
  for (const product of [...input.products].sort((a, b) => compare(a.region, b.region) || compare(a.original, b.original))) {
    const key = `${product.region}\u0000${product.original}`;
    if (!productOf.has(key)) productOf.set(key, product);
    if (product.thingTypeArn && !productOfType.has(product.thingTypeArn)) productOfType.set(product.thingTypeArn, product);
  }
  const caByName = new Map<string, string>();
  for (const p of proposals) if (p.kind === KIND.iotCaCertificate) caByName.set(`${regionOf(p)}\u0000${p.name}`, p.arn);

  // Which resources of the limited kinds are drawn one by one: the most connected, then by ARN.
  const byKind = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const list = byKind.get(p.kind);
    if (list) list.push(p);
    else byKind.set(p.kind, [p]);
  }
  const alone = new Set<string>();
  for (const [kind, list] of byKind) {
    if (kind === KIND.iotThing || kind === KIND.iotCertificate || kind === KIND.iotCaCertificate) continue;
    const ranked = [...list].sort((a, b) => (degree.get(b.arn) ?? 0) - (degree.get(a.arn) ?? 0) || compare(a.arn, b.arn));
    const limit = NODE_LIMITS[kind];
    if (limit !== undefined) {
      for (const p of ranked.slice(0, list.length > limit ? limit - 1 : limit)) alone.add(p.arn);
    } else if (list.length <= SMALL_KIND_LIMIT) {
      for (const p of list) alone.add(p.arn);
    } else {
      for (const p of ranked.filter((x) => fed.has(x.arn)).slice(0, DESTINATION_LIMIT)) alone.add(p.arn);
    }
  }

  // Each proposal into its bucket.
  const buckets = new Map<string, Bucket>();
  const bucketOfProposal = new Map<string, Bucket>();
  const bucket = (kind: string, key: string, group: Bucket["group"], label: string, arn: string | null) => {
    const id = awsNodeId(kind, key);
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { key: id, kind, group, label, arn, regions: new Set(), members: [], things: 0, productName: null }));
    return b;
  };
  const tail = (arn: string) => arn.split(/[/:]/).pop() || arn;
  for (const p of proposals) {
    let b: Bucket;
    const region = regionOf(p);
    if (p.kind === KIND.iotThing || p.kind === KIND.iotThingType) {
      let typeArn: string | null = p.kind === KIND.iotThingType ? p.arn : null;
      let product: ProposedProduct | undefined;
      if (p.kind === KIND.iotThing) {
        const productName = p.properties.productName;
        product = isNamed(productName) ? productOf.get(`${region}\u0000${productName.original}`) : undefined;
        typeArn = product ? product.thingTypeArn : (typeOf.get(p.arn) ?? null);
      }
      product ??= typeArn ? productOfType.get(typeArn) : productOf.get(`${region}\u0000${DEFAULT_PRODUCT}`);
      if (typeArn && alone.has(typeArn)) {
        b = bucket(KIND.iotThingType, typeArn, "thing-type", nameOfArn.get(typeArn) ?? tail(typeArn), typeArn);
      } else if (typeArn && kindOfArn.get(typeArn) === KIND.iotThingType) {
        b = bucket(KIND.iotThingType, "*", "aggregate", KIND.iotThingType, null);
      } else if (typeArn) {
        // A type the scan did not read: its things are still drawn together.
        b = bucket(KIND.iotThingType, typeArn, "thing-type", tail(typeArn), typeArn);
      } else {
        b = bucket(KIND.iotThing, `untyped\u0000${region}`, "untyped-things", region, null);
      }
      if (product && b.productName === null && b.group !== "aggregate") b.productName = product.productName;
      if (p.kind === KIND.iotThing) b.things += 1;
    } else if (p.kind === KIND.iotCertificate || p.kind === KIND.iotCaCertificate) {
      const caId = typeof p.properties.caCertificateId === "string" ? p.properties.caCertificateId : null;
      const ca = p.kind === KIND.iotCaCertificate ? p.arn : (caOf.get(p.arn) ?? (caId ? caByName.get(`${region}\u0000${caId}`) : undefined) ?? null);
      if (ca) {
        b = bucket(KIND.iotCaCertificate, ca, "certificates", kindOfArn.get(ca) === KIND.iotCaCertificate ? (nameOfArn.get(ca) ?? tail(ca)) : tail(ca), ca);
      } else {
        b = bucket(KIND.iotCertificate, `region\u0000${region}`, "certificates", region, null);
      }
    } else if (alone.has(p.arn)) {
      b = bucket(p.kind, p.arn, "resource", p.name, p.arn);
    } else {
      b = bucket(p.kind, "*", "aggregate", p.kind, null);
    }
    b.members.push(p);
    b.regions.add(region);
    bucketOfProposal.set(`${p.kind}\u0000${p.arn}`, b);
  }

  // Nodes: each bucket on the AWS side, and what it becomes on the Alibaba side.
  const nodes: ServiceMapNode[] = [];
  const alibabaOf = new Map<string, string>();
  for (const b of buckets.values()) {
    const s = summarise(b);
    const region = b.regions.size === 1 ? [...b.regions][0]! : null;
    const awsNode: ServiceMapNode = {
      id: b.key,
      side: "aws",
      group: b.group,
      kind: b.kind,
      label: b.label,
      region,
      arn: b.group === "resource" || (b.group === "thing-type" && b.arn !== null) ? b.arn : b.group === "certificates" ? b.arn : null,
      members: b.members.length,
      things: b.things,
      counts: s.counts,
      tone: toneOf(s.counts),
      fit: s.fit,
      flags: flagsOf(s.counts, s.gaps),
      gaps: s.gaps,
      target: s.target,
      rosType: s.rosType,
      reasons: s.reasons,
      sources: [],
    };
    nodes.push(awsNode);
    if (!s.target) continue;
    const named = b.group === "resource" ? alibabaNameOf(b.members[0]!) : null;
    const label = b.productName ?? named ?? s.target;
    const id = alibabaNodeId(b.key);
    alibabaOf.set(b.key, id);
    nodes.push({
      ...awsNode,
      id,
      side: "alibaba",
      group: "target",
      // Things become the devices of a product: the product is what the map draws.
      kind: b.productName !== null ? PRODUCT_ROS_TYPE : (s.rosType ?? s.target),
      label,
      arn: null,
      reasons: [],
      sources: [b.key],
    });
  }

  // Edges: the scan's relations between nodes of the AWS side, mirrored on the Alibaba side, and "becomes".
  const nodeOfArn = new Map<string, string>();
  for (const p of proposals) if (!nodeOfArn.has(p.arn)) nodeOfArn.set(p.arn, bucketOfProposal.get(`${p.kind}\u0000${p.arn}`)!.key);
  const edges = new Map<string, ServiceMapEdge>();
  const addEdge = (source: string, target: string, kind: string, count = 1) => {
    const id = `${source}>${target}>${kind}`;
    const edge = edges.get(id);
    if (edge) edge.count += count;
    else edges.set(id, { id, source, target, kind, count });
  };
  for (const r of relations) {
    const source = nodeOfArn.get(r.fromArn);
    const target = nodeOfArn.get(r.toArn);
    if (!source || !target || source === target) continue;
    addEdge(source, target, r.type);
  }
  for (const edge of [...edges.values()]) {
    const source = alibabaOf.get(edge.source);
    const target = alibabaOf.get(edge.target);
    if (source && target) addEdge(source, target, edge.kind, edge.count);
  }
  for (const [aws, alibaba] of alibabaOf) addEdge(aws, alibaba, "becomes");

  nodes.sort(
    (a, b) =>
      (a.side === b.side ? 0 : a.side === "aws" ? -1 : 1) ||
      GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
      compare(a.kind, b.kind) ||
      compare(a.label, b.label) ||
      compare(a.id, b.id),
  );
  const graph: ServiceMapGraph = {
    version: SERVICE_MAP_GRAPH_VERSION,
    nodes,
    edges: [...edges.values()].sort((a, b) => compare(a.id, b.id)),
    resources: proposals.length,
  };
  return {
    graph,
    nodeOf: (kind, arn) => bucketOfProposal.get(`${kind}\u0000${arn}`)?.key ?? null,
  };
}

const PRODUCT_ROS_TYPE = "ALIYUN::IOT::Product";

/** The default product's original (map-iot-fleet.ts's DEFAULT_PRODUCT_ORIGINAL). */
const DEFAULT_PRODUCT = "Untyped things";

/** A proposal's region from its ARN (arn:partition:service:region:...); "global" when it has none. */
function regionOf(p: Proposal): string {
  const region = p.arn.split(":")[3];
  return region ? region : "global";
}

/**
 * A new graph with one node's counts replaced (after an architect decided some of its resources),
 * its tone and flags derived again, and the Alibaba nodes it becomes summed again from their sources.
 * The graph given is not changed; an unknown node id returns it as it is.
 */
export function recountGraphNode(graph: ServiceMapGraph, nodeId: string, counts: StatusCounts): ServiceMapGraph {
  const target = graph.nodes.find((n) => n.id === nodeId);
  if (!target) return graph;
  const fresh: StatusCounts = { mapped: counts.mapped ?? 0, decision: counts.decision ?? 0, none: counts.none ?? 0, blocked: counts.blocked ?? 0 };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const replaced = new Map<string, ServiceMapNode>();
  const withCounts = (node: ServiceMapNode, c: StatusCounts): ServiceMapNode => ({ ...node, counts: c, tone: toneOf(c), flags: flagsOf(c, node.gaps), members: c.mapped + c.decision + c.none + c.blocked });
  if (target.side === "aws") {
    replaced.set(nodeId, withCounts(target, fresh));
    for (const node of graph.nodes) {
      // A stored graph is read back from JSON: tolerate a node without its lists.
      const sources = Array.isArray(node.sources) ? node.sources : [];
      if (!sources.includes(nodeId)) continue;
      const sum = emptyCounts();
      for (const source of sources) {
        const c = (replaced.get(source) ?? byId.get(source))?.counts;
        if (c) for (const s of STATUSES) sum[s] += c[s];
      }
      replaced.set(node.id, withCounts(node, sum));
    }
  } else {
    replaced.set(nodeId, withCounts(target, fresh));
  }
  return { ...graph, nodes: graph.nodes.map((n) => replaced.get(n.id) ?? n) };
}
