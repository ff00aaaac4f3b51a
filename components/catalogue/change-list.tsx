"use client";
import { useTranslations } from "next-intl";
import type { CatalogueFieldChange } from "@/lib/catalogue/catalogue-types";

function shown(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

/** Field-by-field changes of an entry: the field, and its value on each side. */
export function ChangeList({ changes, beforeLabel, afterLabel }: { changes: CatalogueFieldChange[]; beforeLabel: string; afterLabel: string }) {
  const t = useTranslations("catalogue.changes");
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid="change-list">
      {changes.map((change) => (
        <li key={change.path} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
          <code className="wrap-anywhere text-xs font-semibold text-slate-800">{change.path}</code>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            <div>
              <p className="text-xs font-medium text-slate-500">{beforeLabel}</p>
              <pre className="mt-0.5 max-h-40 overflow-auto whitespace-pre-wrap wrap-anywhere rounded bg-red-50 px-2 py-1 text-xs text-red-900">{shown(change.before)}</pre>
            </div>
            <div>
              <p className="text-xs font-medium text-slate-500">{afterLabel}</p>
              <pre className="mt-0.5 max-h-40 overflow-auto whitespace-pre-wrap wrap-anywhere rounded bg-emerald-50 px-2 py-1 text-xs text-emerald-900">{shown(change.after)}</pre>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
