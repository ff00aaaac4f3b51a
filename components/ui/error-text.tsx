"use client";
import { useTranslations } from "next-intl";
import type { ErrorParams } from "@/lib/errors";

export interface ShownError {
  code: string;
  reason?: string;
  params?: ErrorParams;
  message?: string;
  requestId?: string;
}

/**
 * The message of an error in the user's language: its reason's text with its parameters when
 * this version knows the reason, else the text of its code; with the code and the request id to
 * quote to support.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  return (error: ShownError | null | undefined): string | null => {
    if (!error) return null;
    const byReason = error.reason && t.has(`reasons.${error.reason}`) ? t(`reasons.${error.reason}`, error.params ?? {}) : null;
    const known = byReason ?? (t.has(`codes.${error.code}`) ? t(`codes.${error.code}`) : t("codes.INTERNAL"));
    return error.requestId ? `${known} (${t("code", { code: error.code })}, ${t("reference", { id: error.requestId })})` : known;
  };
}
