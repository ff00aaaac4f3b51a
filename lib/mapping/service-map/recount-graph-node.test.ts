import { describe, expect, it } from "vitest";
import { recountGraphNode } from "@/lib/mapping/service-map/recount-graph-node";

const counts = { mapped: 1, decision: 2, none: 0, blocked: 3 };

describe("recountGraphNode", () => {
  it("replaces the counts of the node with the id, and nothing else", () => {
    const graph = { nodes: [{ id: "a", label: "A", counts: { mapped: 9, decision: 0, none: 0, blocked: 0 } }, { id: "b", counts: null }], edges: [{ from: "a", to: "b" }] };
    const next = recountGraphNode(graph, "a", counts) as typeof graph;
    expect(next.nodes[0]).toEqual({ id: "a", label: "A", counts });
    expect(next.nodes[1]).toBe(graph.nodes[1]);
    expect(next.edges).toBe(graph.edges);
    expect(graph.nodes[0]!.counts?.mapped).toBe(9);
  });

  it("returns a graph without the node, or of another shape, as it was", () => {
    const graph = { nodes: [{ id: "a" }] };
    expect(recountGraphNode(graph, "z", counts)).toEqual(graph);
    expect(recountGraphNode(null, "a", counts)).toBeNull();
    expect(recountGraphNode({ nodes: "x" }, "a", counts)).toEqual({ nodes: "x" });
  });
});
