/**
 * Placeholder until lib/mapping/service-map/build-service-map-graph.ts lands with its own
 * recountGraphNode: the stored service-map graph with one node's status counts replaced (the node
 * whose id is `nodeId`; nothing else changes). A graph of another shape, or without that node, is
 * returned as it was.
 */
import type { StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";

export function recountGraphNode(graph: unknown, nodeId: string, counts: StatusCounts): unknown {
  if (graph === null || typeof graph !== "object") return graph;
  const nodes = (graph as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return graph;
  return {
    ...(graph as Record<string, unknown>),
    nodes: nodes.map((node: unknown) =>
      node !== null && typeof node === "object" && (node as { id?: unknown }).id === nodeId ? { ...(node as Record<string, unknown>), counts: { ...counts } } : node,
    ),
  };
}
