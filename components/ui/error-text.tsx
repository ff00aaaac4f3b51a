"use client";
import { useTranslations } from "next-intl";

/** A translated message for an error code, with the request id to quote to support. */
export function useErrorText() {
  const t = useTranslations("errors");
  return (error: { code: string; message?: string; requestId?: string } | null | undefined): string | null => {
    if (!error) return null;
    const known = t.has(`codes.${error.code}`) ? t(`codes.${error.code}`) : (error.message ?? t("codes.INTERNAL"));
    return error.requestId ? `${known} (${t("code", { code: error.code })}, ${t("reference", { id: error.requestId })})` : known;
  };
}
