import ELK from "elkjs/lib/elk.bundled.js";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 92;

export interface NodePosition {
  x: number;
  y: number;
}

/**
 * Lays the service map out with ELK's layered algorithm, left to right: the AWS side in the first
 * partition, the Alibaba side in the second, so every AWS node is left of every Alibaba node and
 * the relations of each side run in layers inside it. Deterministic for the same graph.
 */
export async function layoutServiceMap(graph: Pick<ServiceMapGraph, "nodes" | "edges">): Promise<Map<string, NodePosition>> {
  const elk = new ELK();
  const result = await elk.layout({
    id: "service-map",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.partitioning.activate": "true",
      "elk.separateConnectedComponents": "false",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.nodeNode": "28",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
    },
    children: graph.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { "elk.partitioning.partition": n.side === "aws" ? "0" : "1" },
    })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, NodePosition>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
