"use client";
import { useTranslations } from "next-intl";
import { Download } from "lucide-react";

const linkClass =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

/**
 * The infrastructure-as-code downloads of a plan's newest mapping (app/api/plans/[planId]/exports/*):
 * each is one JSON bundle of the export's files (docs/decisions/0017), so the hint names the command
 * line that writes the files themselves.
 */
export function IacExportLinks({ planId }: { planId: string }) {
  const t = useTranslations("exports");
  const base = `/api/plans/${encodeURIComponent(planId)}/exports`;
  return (
    <section className="space-y-2" aria-labelledby="iac-exports-title" data-testid="iac-exports">
      <h3 id="iac-exports-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <div className="flex flex-wrap items-center gap-2">
        <a href={`${base}/terraform`} download className={linkClass} data-testid="export-terraform">
          <Download aria-hidden className="h-4 w-4" />
          {t("terraform")}
        </a>
        <a href={`${base}/ros`} download className={linkClass} data-testid="export-ros">
          <Download aria-hidden className="h-4 w-4" />
          {t("ros")}
        </a>
      </div>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <p className="text-xs text-slate-500">{t("skipped")}</p>
    </section>
  );
}
