"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Fit } from "@/lib/catalogue/catalogue-types";

const tones = { "drop-in": "success", equivalent: "info", partial: "warning", none: "danger" } as const;

/** How well a candidate fits: drop-in, equivalent, partial or none, in words and colour. */
export function FitBadge({ fit }: { fit: Fit }) {
  const t = useTranslations("catalogue.fit");
  return (
    <Badge tone={tones[fit]} data-fit={fit}>
      {t(fit)}
    </Badge>
  );
}
