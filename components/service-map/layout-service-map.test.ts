import { describe, expect, it } from "vitest";
import { layoutServiceMap, NODE_WIDTH } from "@/components/service-map/layout-service-map";
import type { ServiceMapEdge, ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";

const node = (id: string, side: "aws" | "alibaba"): ServiceMapNode => ({
  id,
  side,
  group: side === "aws" ? "resource" : "target",
  kind: "k",
  label: id,
  region: null,
  arn: null,
  members: 1,
  things: 0,
  counts: { mapped: 1, decision: 0, none: 0, blocked: 0 },
  tone: "mapped",
  fit: null,
  flags: { decisions: false, blocked: false, none: false, gaps: false },
  gaps: 0,
  target: null,
  rosType: null,
  reasons: [],
  sources: [],
});
const edge = (source: string, target: string, kind = "member-of"): ServiceMapEdge => ({ id: `${source}>${target}>${kind}`, source, target, kind, count: 1 });

describe("layoutServiceMap", () => {
  // A chain on each side (type -> group -> parent) and a "becomes" edge per node; an unconnected node too.
  const nodes = ["type", "group", "parent", "lonely"].flatMap((n) => [node(`aws.${n}`, "aws"), node(`ali.${n}`, "alibaba")]);
  const edges = [
    edge("aws.type", "aws.group"),
    edge("aws.group", "aws.parent", "child-of"),
    edge("ali.type", "ali.group"),
    edge("ali.group", "ali.parent", "child-of"),
    ...["type", "group", "parent", "lonely"].map((n) => edge(`aws.${n}`, `ali.${n}`, "becomes")),
  ];

  it("puts every AWS node left of every Alibaba node, and each side's relations left to right", async () => {
    const positions = await layoutServiceMap({ nodes, edges });
    expect(positions.size).toBe(nodes.length);
    const x = (id: string) => positions.get(id)!.x;
    const rightmostAws = Math.max(...nodes.filter((n) => n.side === "aws").map((n) => x(n.id)));
    const leftmostAlibaba = Math.min(...nodes.filter((n) => n.side === "alibaba").map((n) => x(n.id)));
    expect(rightmostAws + NODE_WIDTH).toBeLessThan(leftmostAlibaba);
    expect(x("aws.type")).toBeLessThan(x("aws.group"));
    expect(x("aws.group")).toBeLessThan(x("aws.parent"));
  });

  it("lays the same graph out the same way", async () => {
    const a = await layoutServiceMap({ nodes, edges });
    const b = await layoutServiceMap({ nodes, edges });
    expect([...a.entries()]).toEqual([...b.entries()]);
  });
});
