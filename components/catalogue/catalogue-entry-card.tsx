"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { History, Pencil } from "lucide-react";
import type { CatalogueEntryRow } from "@/lib/catalogue/list-catalogue-entries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CatalogueTargetView } from "@/components/catalogue/catalogue-target-view";
import { CatalogueEntryEditor } from "@/components/catalogue/catalogue-entry-editor";
import { CatalogueHistory } from "@/components/catalogue/catalogue-history";

/** One AWS resource kind with its ranked candidate targets; architects can edit it and everyone can read its history. */
export function CatalogueEntryCard({ row, canEdit, onNotice }: { row: CatalogueEntryRow; canEdit: boolean; onNotice: (message: string) => void }) {
  const t = useTranslations("catalogue.entry");
  const categories = useTranslations("catalogue.category");
  const [panel, setPanel] = useState<"edit" | "history" | null>(null);
  const { entry } = row;
  const toggle = (next: "edit" | "history") => setPanel((p) => (p === next ? null : next));
  return (
    <article className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="catalogue-entry" data-kind={row.kind}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 className="wrap-anywhere font-mono text-sm font-semibold text-slate-900">{row.kind}</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {entry.awsService}
            {entry.synthetic ? <span className="ml-2 text-xs text-slate-500">{t("synthetic")}</span> : null}
          </p>
          <div className="mt-1 flex flex-wrap gap-1.5">
            <Badge>{categories(entry.category)}</Badge>
            {row.edited ? <Badge tone="info">{t("edited")}</Badge> : null}
            {row.retired ? <Badge tone="danger">{t("retired")}</Badge> : null}
            {row.pendingDifference ? <Badge tone="warning">{t("pending")}</Badge> : null}
          </div>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button size="sm" variant="ghost" onClick={() => toggle("history")} aria-expanded={panel === "history"} data-testid="entry-history">
            <History aria-hidden className="h-4 w-4" />
            {t("history")}
          </Button>
          {canEdit ? (
            <Button size="sm" variant="secondary" onClick={() => toggle("edit")} aria-expanded={panel === "edit"} data-testid="entry-edit">
              <Pencil aria-hidden className="h-4 w-4" />
              {t("edit")}
            </Button>
          ) : null}
        </div>
      </header>
      <div className="space-y-3 px-4 py-3">
        {entry.note ? <p className="text-sm text-slate-700">{entry.note}</p> : null}
        {panel === "edit" && canEdit ? (
          <CatalogueEntryEditor
            entry={entry}
            retired={row.retired}
            onDone={(message) => {
              setPanel(message ? "history" : null);
              if (message) onNotice(message);
            }}
          />
        ) : null}
        {panel === "history" ? <CatalogueHistory kind={row.kind} /> : null}
        <ol className="space-y-2" aria-label={t("candidates", { count: entry.targets.length })}>
          {[...entry.targets]
            .sort((a, b) => a.rank - b.rank)
            .map((target) => (
              <CatalogueTargetView key={target.name} target={target} />
            ))}
        </ol>
      </div>
    </article>
  );
}
