"use client";
import { useTranslations } from "next-intl";

/** Seconds as "45 s", "3 min 20 s" or "2 h 5 min", in the user's language. */
export function useFormatDuration() {
  const t = useTranslations("common.duration");
  return (seconds: number | null | undefined): string => {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
    if (seconds > 0 && seconds < 1) return t("underSecond");
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return t("seconds", { s });
    if (s < 3600) return t("minutes", { m: Math.floor(s / 60), s: s % 60 });
    return t("hours", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  };
}
