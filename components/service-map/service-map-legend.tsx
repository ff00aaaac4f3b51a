"use client";
import { useTranslations } from "next-intl";
import { StatusIcon } from "@/components/service-map/status-icon";
import { STATUS_ORDER, TONE_CLASSES } from "@/components/service-map/service-map-tone";

/** What the colours and icons of the map mean. */
export function ServiceMapLegend() {
  const t = useTranslations("stages.serviceMap");
  return (
    <ul aria-label={t("legend.title")} data-testid="service-map-legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {STATUS_ORDER.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span className={`inline-block h-3 w-3 rounded-sm ${TONE_CLASSES[status].dot}`} aria-hidden />
          <StatusIcon status={status} />
          {t(`status.${status}`)}
        </li>
      ))}
      <li className="flex items-center gap-1.5 text-orange-700">
        <StatusIcon status="gaps" />
        {t("legend.gaps")}
      </li>
    </ul>
  );
}
