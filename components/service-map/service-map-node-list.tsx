"use client";
import { useTranslations } from "next-intl";
import type { ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";
import { StatusIcon } from "@/components/service-map/status-icon";
import { STATUS_ORDER, TONE_CLASSES } from "@/components/service-map/service-map-tone";
import { shortKind, useNodeTitle } from "@/components/service-map/use-node-title";
import { cn } from "@/lib/ui/cn";

/** The AWS nodes as a list with what each becomes: the map for a phone, and for keyboard and screen-reader use. */
export function ServiceMapNodeList({
  nodes,
  twinOf,
  selectedId,
  matches,
  onSelect,
  className,
}: {
  nodes: readonly ServiceMapNode[];
  twinOf: (node: ServiceMapNode) => ServiceMapNode | null;
  selectedId: string | null;
  matches: ReadonlySet<string> | null;
  onSelect: (id: string) => void;
  className?: string;
}) {
  const t = useTranslations("stages.serviceMap");
  const title = useNodeTitle();
  const shown = nodes.filter((n) => n.side === "aws" && (matches === null || matches.has(n.id) || (twinOf(n) !== null && matches.has(twinOf(n)!.id))));
  return (
    <section aria-labelledby="service-map-list-title" className={cn("rounded-lg border border-slate-200 bg-white", className)}>
      <h2 id="service-map-list-title" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-900">
        {t("list.title", { count: shown.length })}
      </h2>
      <ul className="divide-y divide-slate-100" data-testid="service-map-node-list">
        {shown.map((node) => {
          const twin = twinOf(node);
          return (
            <li key={node.id}>
              <button
                type="button"
                onClick={() => onSelect(node.id)}
                aria-current={node.id === selectedId ? "true" : undefined}
                className={cn("flex w-full min-w-0 items-start gap-2 border-l-4 px-3 py-2 text-left hover:bg-slate-50", TONE_CLASSES[node.tone].border, node.id === selectedId && "bg-brand-50")}
              >
                <StatusIcon status={node.tone} className="mt-0.5 text-slate-600" />
                <span className="min-w-0 flex-1">
                  <span className="block break-words text-sm font-medium text-slate-900">{title(node)}</span>
                  <span className="block break-words text-xs text-slate-500">
                    {shortKind(node.kind)} → {twin ? twin.label : t("panel.noTarget")}
                  </span>
                  <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-700">
                    {STATUS_ORDER.filter((s) => node.counts[s] > 0).map((s) => (
                      <span key={s}>
                        {t(`status.${s}`)}: {node.counts[s]}
                      </span>
                    ))}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
