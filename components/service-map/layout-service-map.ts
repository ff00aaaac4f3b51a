import ELK from "elkjs/lib/elk.bundled.js";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";

export const NODE_WIDTH = 212;
export const NODE_HEIGHT = 92;

export interface NodePosition {
  x: number;
  y: number;
}

/**
 * Lays the service map out with ELK's layered algorithm, left to right: the AWS side in the first
 * partition, the Alibaba side in the second, so every AWS node is left of every Alibaba node; the
 * AWS side's relations run in layers, and the Alibaba nodes stand in one column ordered by the AWS
 * nodes they come from (the Alibaba side's relations mirror the AWS side's, so laying them out
 * again would only make the map twice as wide). Deterministic for the same graph.
 */
export async function layoutServiceMap(graph: Pick<ServiceMapGraph, "nodes" | "edges">): Promise<Map<string, NodePosition>> {
  const elk = new ELK();
  const side = new Map(graph.nodes.map((n) => [n.id, n.side]));
  const result = await elk.layout({
    id: "service-map",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.partitioning.activate": "true",
      "elk.separateConnectedComponents": "false",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.layered.spacing.nodeNodeBetweenLayers": "64",
      "elk.spacing.nodeNode": "20",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
    },
    children: graph.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { "elk.partitioning.partition": n.side === "aws" ? "0" : "1" },
    })),
    edges: graph.edges.filter((e) => e.kind === "becomes" || side.get(e.source) !== "alibaba").map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, NodePosition>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
