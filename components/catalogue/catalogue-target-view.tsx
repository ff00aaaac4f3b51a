"use client";
import { useFormatter, useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { FitBadge } from "@/components/catalogue/fit-badge";
import { AvailabilityView } from "@/components/catalogue/availability-view";
import { SourceLink } from "@/components/catalogue/source-link";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";

/** One ranked candidate target: what it is, how well it fits, what differs and is missing, where it runs, and how sure we are. */
export function CatalogueTargetView({ target }: { target: CatalogueTarget }) {
  const t = useTranslations("catalogue.target");
  const confidence = useTranslations("catalogue.confidence");
  const format = useFormatter();
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid="catalogue-target" data-rank={target.rank}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white" aria-label={t("rank", { rank: target.rank })}>
          {target.rank}
        </span>
        <span className="font-medium text-slate-900">{target.name}</span>
        <FitBadge fit={target.fit} />
        {target.rosType ? <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{target.rosType}</code> : <span className="text-xs text-slate-500">{t("noRosType")}</span>}
      </div>
      <p className="mt-2 text-sm text-slate-700">
        <span className="font-medium text-slate-900">{t("differs")}: </span>
        {target.differs}
      </p>
      {target.caveat ? (
        <p className="mt-2 flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            <span className="font-medium">{t("caveat")}: </span>
            {target.caveat}
          </span>
        </p>
      ) : null}
      {target.gaps.length > 0 ? (
        <div className="mt-2">
          <p className="text-sm font-medium text-slate-900">{t("gaps", { count: target.gaps.length })}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
            {target.gaps.map((gap) => (
              <li key={gap.key}>
                <code className="mr-1 text-xs text-slate-500">{gap.key}</code>
                {gap.text}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("noGaps")}</p>
      )}
      <div className="mt-3">
        <AvailabilityView availability={target.availability} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span>
          {t("source")}: <SourceLink href={target.source} />
        </span>
        <span>{t("verifiedOn", { date: format.dateTime(new Date(`${target.verifiedOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}</span>
        <span className="inline-flex items-center gap-1">
          {t("confidence")}: <Badge tone={target.confidence === "high" ? "success" : target.confidence === "medium" ? "neutral" : "warning"}>{confidence(target.confidence)}</Badge>
        </span>
      </div>
      {target.confidenceNote ? <p className="mt-1 text-xs text-slate-500">{target.confidenceNote}</p> : null}
    </li>
  );
}
