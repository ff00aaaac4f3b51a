import type { ProposedProduct, Proposal, ScanRelation, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";

/** Placeholder: one node per kind. */
export interface ServiceMapGraph {
  nodes: Array<{ id: string; kind: string; counts: StatusCounts }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

export function buildServiceMapGraph(input: { proposals: readonly Proposal[]; products: readonly ProposedProduct[]; relations: readonly ScanRelation[] }): {
  graph: ServiceMapGraph;
  nodeOf: (kind: string, arn: string) => string | null;
} {
  const nodes = new Map<string, { id: string; kind: string; counts: StatusCounts }>();
  for (const p of input.proposals) {
    const id = `aws:${p.kind}`;
    const node = nodes.get(id) ?? { id, kind: p.kind, counts: { mapped: 0, decision: 0, none: 0, blocked: 0 } };
    node.counts[p.status] += 1;
    nodes.set(id, node);
  }
  return { graph: { nodes: [...nodes.values()], edges: [] }, nodeOf: (kind) => `aws:${kind}` };
}

export function recountGraphNode(graph: ServiceMapGraph, nodeId: string, counts: StatusCounts): ServiceMapGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? { ...n, counts } : n)) };
}
