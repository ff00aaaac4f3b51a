"use client";
import { useTranslations } from "next-intl";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";

type Availability = CatalogueTarget["availability"];

/** Where a candidate is offered, the two worlds side by side and never mixed. */
export function AvailabilityView({ availability }: { availability: Availability }) {
  const t = useTranslations("catalogue.availability");
  return (
    <dl className="grid gap-2 sm:grid-cols-2" data-testid="availability">
      {(["mainlandChina", "international"] as const).map((world) => {
        const a = availability[world];
        return (
          <div key={world} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" data-world={world}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(world)}</dt>
            <dd className="mt-1 text-sm text-slate-800">
              {a.status === "regions" ? (
                <span className="font-mono text-xs">
                  {a.regions.join(", ")}
                  {a.incomplete ? <span className="ml-1 font-sans text-slate-500">{t("incomplete")}</span> : null}
                </span>
              ) : a.status === "none" ? (
                <span className="text-red-700">{t("none")}</span>
              ) : (
                <span className="text-slate-500">{t("unknown")}</span>
              )}
              {a.note ? <p className="mt-1 text-xs text-slate-600">{a.note}</p> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
