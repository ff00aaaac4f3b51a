"use client";
import { memo } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { useTranslations } from "next-intl";
import type { ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";
import { StatusIcon } from "@/components/service-map/status-icon";
import { STATUS_ORDER, TONE_CLASSES } from "@/components/service-map/service-map-tone";
import { NODE_HEIGHT, NODE_WIDTH } from "@/components/service-map/layout-service-map";
import { shortKind, useNodeTitle } from "@/components/service-map/use-node-title";
import { cn } from "@/lib/ui/cn";

export type ServiceMapFlowNode = Node<{ node: ServiceMapNode; match: "none" | "hit" | "dim"; selected: boolean }, "serviceMap">;

/** A node of the map: its title, kind, how many resources, a bar of their statuses and the flags as icons. */
export const ServiceMapNodeCard = memo(function ServiceMapNodeCard({ data }: NodeProps<ServiceMapFlowNode>) {
  const t = useTranslations("stages.serviceMap");
  const title = useNodeTitle();
  const { node, match, selected } = data;
  const tone = TONE_CLASSES[node.tone];
  const total = Math.max(1, node.members);
  return (
    <div
      data-testid="service-map-node"
      data-node-id={node.id}
      data-tone={node.tone}
      data-match={match}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={cn(
        "flex flex-col gap-1 rounded-md border-2 border-l-8 bg-white px-2.5 py-1.5 text-left shadow-sm transition-opacity",
        tone.border,
        match === "dim" && "opacity-30",
        match === "hit" && "ring-4 ring-brand-400",
        selected && "ring-4 ring-brand-600",
      )}
    >
      <Handle type="target" position={Position.Left} className="!h-2 !w-2 !border-0 !bg-slate-400" />
      <div className="flex items-center gap-1.5">
        <StatusIcon status={node.tone} className={node.tone === "mapped" ? "text-emerald-600" : node.tone === "decision" ? "text-amber-600" : node.tone === "blocked" ? "text-red-600" : "text-slate-500"} />
        <span className="truncate text-sm font-semibold text-slate-900" title={title(node)}>
          {title(node)}
        </span>
      </div>
      <div className="truncate text-[11px] text-slate-500" title={node.kind}>
        {shortKind(node.kind)}
        {node.region && node.group !== "untyped-things" && node.group !== "certificates" ? ` · ${node.region}` : ""}
      </div>
      <div className="flex h-2 w-full overflow-hidden rounded-sm bg-slate-100" aria-hidden>
        {STATUS_ORDER.map((s) => (node.counts[s] > 0 ? <span key={s} className={TONE_CLASSES[s].bar} style={{ width: `${(node.counts[s] / total) * 100}%` }} /> : null))}
      </div>
      <div className="flex items-center gap-2 text-[11px] text-slate-700">
        <span className="truncate">{node.things > 0 ? t("node.things", { count: node.things }) : t("node.members", { count: node.members })}</span>
        <span className="ml-auto flex items-center gap-1.5">
          {node.flags.blocked ? (
            <span className="flex items-center gap-0.5 text-red-700" title={t("status.blocked")}>
              <StatusIcon status="blocked" />
              {node.counts.blocked}
            </span>
          ) : null}
          {node.flags.decisions ? (
            <span className="flex items-center gap-0.5 text-amber-700" title={t("status.decision")}>
              <StatusIcon status="decision" />
              {node.counts.decision}
            </span>
          ) : null}
          {node.flags.none ? (
            <span className="flex items-center gap-0.5 text-slate-600" title={t("status.none")}>
              <StatusIcon status="none" />
              {node.counts.none}
            </span>
          ) : null}
          {node.flags.gaps ? (
            <span className="flex items-center text-orange-700" title={t("legend.gaps")}>
              <StatusIcon status="gaps" />
            </span>
          ) : null}
        </span>
      </div>
      <Handle type="source" position={Position.Right} className="!h-2 !w-2 !border-0 !bg-slate-400" />
    </div>
  );
});
