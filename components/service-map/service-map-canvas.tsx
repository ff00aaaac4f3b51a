"use client";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useState } from "react";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import { useTranslations } from "next-intl";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";
import { layoutServiceMap, NODE_HEIGHT, NODE_WIDTH, type NodePosition } from "@/components/service-map/layout-service-map";
import { ServiceMapNodeCard, type ServiceMapFlowNode } from "@/components/service-map/service-map-node-card";
import { TONE_FILLS } from "@/components/service-map/service-map-tone";

const nodeTypes = { serviceMap: ServiceMapNodeCard };
/** Below this zoom the labels cannot be read: show the top left of the map at a readable zoom instead. */
const READABLE_ZOOM = 0.8;

export interface ServiceMapCanvasProps {
  graph: ServiceMapGraph;
  selectedId: string | null;
  /** Ids of the nodes the search matches; null when nothing is searched. */
  matches: ReadonlySet<string> | null;
  /** Changes when the user asks to be shown the matches. */
  focusRequest: number;
  onSelect: (id: string | null) => void;
}

function Flow({ graph, selectedId, matches, focusRequest, onSelect }: ServiceMapCanvasProps) {
  const t = useTranslations("stages.serviceMap");
  const flow = useReactFlow();
  const [positions, setPositions] = useState<Map<string, NodePosition> | null>(null);

  useEffect(() => {
    let live = true;
    void layoutServiceMap(graph).then((p) => live && setPositions(p));
    return () => {
      live = false;
    };
  }, [graph]);

  const nodes = useMemo<ServiceMapFlowNode[]>(
    () =>
      graph.nodes.map((node) => ({
        id: node.id,
        type: "serviceMap",
        position: positions?.get(node.id) ?? { x: 0, y: 0 },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        draggable: false,
        connectable: false,
        data: { node, selected: node.id === selectedId, match: matches === null ? "none" : matches.has(node.id) ? "hit" : "dim" },
      })),
    [graph, positions, selectedId, matches],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => {
        const touches = selectedId !== null && (edge.source === selectedId || edge.target === selectedId);
        const becomes = edge.kind === "becomes";
        // The AWS side's relations are always drawn; "becomes" and the Alibaba side's (which mirror them) for the selected node.
        const alwaysShown = !becomes && !edge.source.startsWith("ali.");
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          hidden: !alwaysShown && !touches,
          selectable: false,
          animated: touches && becomes,
          style: {
            stroke: touches ? "#4f46e5" : becomes ? "#cbd5e1" : "#94a3b8",
            strokeWidth: touches ? 2.5 : 1.25,
            strokeDasharray: becomes ? "6 4" : undefined,
            opacity: matches !== null && !(matches.has(edge.source) || matches.has(edge.target)) ? 0.25 : 1,
          },
          ariaLabel: `${edge.kind} (${edge.count})`,
        };
      }),
    [graph, selectedId, matches],
  );

  // Once laid out: the whole map when it can be read whole, else its top left corner (where the
  // AWS side starts) at a readable zoom; the minimap and the search lead to the rest.
  useEffect(() => {
    if (!positions || positions.size === 0) return;
    const frame = requestAnimationFrame(() => {
      const bounds = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      for (const p of positions.values()) {
        bounds.left = Math.min(bounds.left, p.x);
        bounds.top = Math.min(bounds.top, p.y);
        bounds.right = Math.max(bounds.right, p.x + NODE_WIDTH);
        bounds.bottom = Math.max(bounds.bottom, p.y + NODE_HEIGHT);
      }
      const pane = document.querySelector<HTMLElement>("[data-testid=service-map-canvas]");
      const width = pane?.clientWidth ?? 1000;
      const height = pane?.clientHeight ?? 600;
      const pad = 24;
      const fits = Math.min((width - 2 * pad) / (bounds.right - bounds.left), (height - 2 * pad) / (bounds.bottom - bounds.top));
      if (fits >= READABLE_ZOOM) {
        void flow.fitView({ padding: 0.06, maxZoom: 1 });
      } else {
        const zoom = Math.max(READABLE_ZOOM, Math.min(1, (width - 2 * pad) / (bounds.right - bounds.left)));
        void flow.setViewport({ x: pad - bounds.left * zoom, y: pad - bounds.top * zoom, zoom });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [positions, flow]);

  useEffect(() => {
    if (focusRequest === 0 || !matches || matches.size === 0) return;
    void flow.fitView({ nodes: [...matches].slice(0, 24).map((id) => ({ id })), padding: 0.3, maxZoom: 1.1, duration: 300 });
  }, [focusRequest, matches, flow]);

  return (
    <>
      {!positions ? (
        <p className="absolute inset-x-0 top-4 z-10 text-center text-sm text-slate-600" role="status">
          {t("map.layingOut")}
        </p>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: false }}
        aria-label={t("map.canvasLabel")}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => TONE_FILLS[(n as ServiceMapFlowNode).data.node.tone]} style={{ width: 150, height: 100 }} className="!hidden sm:!block" />
      </ReactFlow>
    </>
  );
}

/** The map drawn with React Flow, laid out by ELK: pan, zoom, a minimap and zoom controls. */
export function ServiceMapCanvas(props: ServiceMapCanvasProps) {
  return (
    <div data-testid="service-map-canvas" className="relative h-[420px] w-full overflow-hidden rounded-lg border border-slate-200 bg-slate-50 sm:h-[65vh] sm:min-h-[480px]">
      <ReactFlowProvider>
        <Flow {...props} />
      </ReactFlowProvider>
    </div>
  );
}
