"use client";
import { useTranslations } from "next-intl";
import { IOT_DETAIL_SECTIONS } from "@/lib/catalogue/catalogue-schema";
import type { Catalogue } from "@/lib/catalogue/catalogue-types";
import { FitBadge } from "@/components/catalogue/fit-badge";
import { AvailabilityView } from "@/components/catalogue/availability-view";
import { SourceLink } from "@/components/catalogue/source-link";

type Iot = Catalogue["iot"];
type NameRule = Iot["nameLimits"][number]["awsRule"];

function RuleText({ rule }: { rule: NameRule }) {
  const t = useTranslations("catalogue.iot");
  if (!rule) return <span className="text-slate-500">{t("noRule")}</span>;
  return (
    <span>
      {t("length", { min: rule.minLength, max: rule.maxLength })}; {rule.characters}
      {rule.uniqueWithin ? `; ${t("uniqueWithin", { scope: rule.uniqueWithin })}` : ""}
    </span>
  );
}

/**
 * The IoT details that matter for a move, one section each: rule actions, rule SQL functions,
 * name limits, shadow kinds, certificates and the topic model, each fact with the AWS side, the
 * Alibaba side, its fit and what differs. Sections fold so the page stays readable on a phone.
 */
export function IotDetailsView({ iot }: { iot: Iot }) {
  const t = useTranslations("catalogue.iot");
  return (
    <section className="space-y-3" data-testid="iot-details" aria-labelledby="iot-details-title">
      <div>
        <h2 id="iot-details-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {IOT_DETAIL_SECTIONS.map((section) => {
        const items = iot[section];
        return (
          <details key={section} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-section={section}>
            <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-900">
              {t(`section.${section}`)} <span className="font-normal text-slate-500">({items.length})</span>
            </summary>
            <ul className="divide-y divide-slate-100 border-t border-slate-200">
              {items.map((item) => (
                <li key={item.key} className="px-4 py-3 text-sm" data-testid="iot-detail">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="text-xs text-slate-500">{item.key}</code>
                    <FitBadge fit={item.fit} />
                  </div>
                  <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_minmax(0,1fr)]">
                    <dt className="text-slate-500">{t("aws")}</dt>
                    <dd className="text-slate-900">{item.aws}</dd>
                    <dt className="text-slate-500">{t("alibaba")}</dt>
                    <dd className="text-slate-900">{item.alibaba ?? <span className="text-red-700">{t("noEquivalent")}</span>}</dd>
                    <dt className="text-slate-500">{t("differs")}</dt>
                    <dd className="text-slate-700">{item.differs}</dd>
                    {"awsRule" in item ? (
                      <>
                        <dt className="text-slate-500">{t("awsRule")}</dt>
                        <dd className="text-slate-700">
                          <RuleText rule={item.awsRule} />
                        </dd>
                        <dt className="text-slate-500">{t("alibabaRule")}</dt>
                        <dd className="text-slate-700">
                          <RuleText rule={item.alibabaRule} />
                          {item.chineseCountsTwo ? <span className="ml-1 text-amber-800">{t("chineseCountsTwo")}</span> : null}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {"availability" in item ? (
                    <div className="mt-2">
                      <AvailabilityView availability={item.availability} />
                    </div>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-500">
                    <SourceLink href={item.source} label={t("source")} /> · {item.verifiedOn}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
