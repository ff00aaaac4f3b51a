"use client";
import { useFormatter, useTranslations } from "next-intl";
import { compareCatalogueEntries } from "@/lib/catalogue/compare-catalogue-versions";
import { useCatalogueHistory } from "@/components/catalogue/use-catalogue-history";
import { ChangeList } from "@/components/catalogue/change-list";
import { useErrorText } from "@/components/ui/error-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";

const SOURCES = ["seed", "edit", "seed-accepted", "seed-kept", "retire", "restore"] as const;

/** The history of one catalogue entry: seed loads, edits with their reasons, retirements and seed decisions, newest first. */
export function CatalogueHistory({ kind }: { kind: string }) {
  const t = useTranslations("catalogue.history");
  const format = useFormatter();
  const errorText = useErrorText();
  const history = useCatalogueHistory(kind);
  if (history.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (history.isError) return <Alert tone="error">{errorText(history.error as never)}</Alert>;
  return (
    <section className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="catalogue-history" aria-label={t("title", { kind })}>
      <h3 className="text-sm font-semibold text-slate-900">{t("title", { kind })}</h3>
      <ol className="mt-2 space-y-3">
        {history.data.map((row) => {
          const source = (SOURCES as readonly string[]).includes(row.source) ? (row.source as (typeof SOURCES)[number]) : null;
          const changes = row.source === "edit" || row.source === "seed" || row.source === "seed-accepted" ? compareCatalogueEntries(row.before ?? null, row.after ?? null) : [];
          return (
            <li key={row.id} className="border-l-2 border-slate-300 pl-3" data-testid="history-row" data-source={row.source}>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={row.source === "edit" ? "info" : row.source === "retire" ? "danger" : "neutral"}>{source ? t(`source.${source}`) : row.source}</Badge>
                <span className="text-slate-700">{row.actorEmail ?? t("system")}</span>
                <time dateTime={row.at} className="text-slate-500">
                  {format.dateTime(new Date(row.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {row.seedVersion ? <span className="text-xs text-slate-500">{t("seedVersion", { version: row.seedVersion })}</span> : null}
              </div>
              {row.reason ? (
                <p className="mt-1 text-sm text-slate-800">
                  <span className="font-medium">{t("reason")}: </span>
                  {row.reason}
                </p>
              ) : null}
              {row.before != null && changes.length > 0 && changes.length <= 20 ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700">{t("changes", { count: changes.length })}</summary>
                  <div className="mt-2">
                    <ChangeList changes={changes} beforeLabel={t("before")} afterLabel={t("after")} />
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
