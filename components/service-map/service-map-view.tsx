"use client";
import { useCallback, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Search } from "lucide-react";
import type { ServiceMapView as ServiceMapData } from "@/lib/mapping/service-map/read-service-map";
import type { ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ServiceMapCanvas } from "@/components/service-map/service-map-canvas";
import { ServiceMapLegend } from "@/components/service-map/service-map-legend";
import { ServiceMapNodeList } from "@/components/service-map/service-map-node-list";
import { NodeProposalsPanel } from "@/components/service-map/node-proposals-panel";
import { useServiceMap } from "@/components/service-map/use-service-map";
import { useNodeTitle } from "@/components/service-map/use-node-title";

/**
 * The service map of the current plan's newest mapping run: the AWS estate (left) beside the
 * Alibaba estate it becomes (right), searchable; a node's mapping, reasons and proposals open
 * beside it. On a phone the nodes are also a list under the map.
 */
export function ServiceMapView({ planId, initial }: { planId: string; initial: ServiceMapData }) {
  const t = useTranslations("stages.serviceMap");
  const format = useFormatter();
  const title = useNodeTitle();
  const query = useServiceMap(planId, initial);
  const map = query.data ?? initial;
  const graph = map.graph;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [focusRequest, setFocusRequest] = useState(0);

  const byId = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  const twinOf = useCallback(
    (node: ServiceMapNode): ServiceMapNode | null =>
      node.side === "alibaba" ? (byId.get(node.sources[0] ?? "") ?? null) : (graph?.nodes.find((n) => n.sources.includes(node.id)) ?? null),
    [byId, graph],
  );
  const needle = text.trim().toLowerCase();
  const matches = useMemo(() => {
    if (!graph || !needle) return null;
    const hits = new Set<string>();
    for (const node of graph.nodes) {
      const haystack = [title(node), node.label, node.kind, node.target ?? "", node.arn ?? ""].join("\n").toLowerCase();
      if (haystack.includes(needle)) hits.add(node.id);
    }
    return hits;
  }, [graph, needle, title]);

  if (!graph) return <Alert tone="warning">{t("map.noGraph")}</Alert>;
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const awsNodes = graph.nodes.filter((n) => n.side === "aws").length;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-700" data-testid="service-map-summary">
          {t("map.summary", {
            nodes: awsNodes,
            resources: graph.resources,
            date: format.dateTime(new Date(map.startedAt), { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
        <ServiceMapLegend />
      </div>

      <form
        role="search"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setFocusRequest((n) => n + 1);
        }}
      >
        <label htmlFor="service-map-search" className="sr-only">
          {t("search.label")}
        </label>
        <div className="relative min-w-0 flex-1 sm:max-w-sm">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
          <Input id="service-map-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("search.placeholder")} className="pl-8" data-testid="service-map-search" />
        </div>
        <Button type="submit" variant="secondary" disabled={!matches || matches.size === 0}>
          {t("search.show")}
        </Button>
        {matches ? (
          <span className="text-sm text-slate-600" role="status" data-testid="service-map-matches">
            {matches.size === 0 ? t("search.none") : t("search.matches", { count: matches.size })}
          </span>
        ) : null}
      </form>

      <div className="relative flex min-w-0 flex-col gap-2">
        <div className="flex justify-between text-xs font-medium uppercase tracking-wide text-slate-500">
          <span>← {t("side.aws")}</span>
          <span>{t("side.alibaba")} →</span>
        </div>
        <ServiceMapCanvas graph={graph} selectedId={selectedId} matches={matches} focusRequest={focusRequest} onSelect={setSelectedId} />
        {selected ? (
          // On a large screen the panel lies over the right of the map; below it, under the map.
          <div className="lg:absolute lg:bottom-3 lg:right-3 lg:top-9 lg:z-10 lg:w-[380px] lg:overflow-y-auto lg:rounded-lg lg:shadow-xl">
            <NodeProposalsPanel key={selected.id} planId={planId} node={selected} twin={twinOf(selected)} onClose={() => setSelectedId(null)} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("panel.pick")}</p>
        )}
      </div>

      <ServiceMapNodeList className="md:hidden" nodes={graph.nodes} twinOf={twinOf} selectedId={selectedId} matches={matches} onSelect={setSelectedId} />
    </div>
  );
}
