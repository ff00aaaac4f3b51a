"use client";
import { useTranslations } from "next-intl";
import type { RegionChangeFinding, RegionInputIssue } from "@/lib/mapping/regions/region-types";
import type { RegionCheck } from "@/components/coverage/use-region-change-check";

function paramText(params: RegionChangeFinding["params"]): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]));
}

/** What a pending change of target region breaks (red) and what the architect must know (amber). */
export function RegionChangeReport({ check }: { check: RegionCheck }) {
  const t = useTranslations("mappingChoices.findings");
  const text = (item: RegionChangeFinding | RegionInputIssue) =>
    t.has(item.code) ? (t as unknown as (key: string, values: Record<string, string>) => string)(item.code, paramText(item.params)) : t("other", { code: item.code });
  const breaks = check.findings.filter((f) => f.severity === "break");
  const warnings = check.findings.filter((f) => f.severity !== "break");
  return (
    <div className="mt-2 space-y-1 text-sm" data-testid="region-change-report" data-safe={String(check.safe)}>
      {check.safe && warnings.length === 0 && check.issues.length === 0 ? <p className="text-emerald-800">{t("safe")}</p> : null}
      {breaks.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-red-800" aria-label={t("breaks")}>
          {breaks.map((f, i) => (
            <li key={i}>{text(f)}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 || check.issues.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-amber-900" aria-label={t("warnings")}>
          {warnings.map((f, i) => (
            <li key={`w${i}`}>{text(f)}</li>
          ))}
          {check.issues.map((f, i) => (
            <li key={`i${i}`}>{text(f)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
