"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export const SCAN_STATUSES = ["queued", "running", "complete", "partial", "failed", "cancelled"] as const;

export function isScanActive(status: string): boolean {
  return status === "queued" || status === "running";
}

/**
 * A scan can be resumed when it stopped (failed, partial, cancelled) with parts left unfinished.
 * A partial scan whose parts all finished (its issues come from what AWS returned) has nothing
 * to run again.
 */
export function isScanResumable(status: string, taskStatuses: string[]): boolean {
  return (status === "failed" || status === "partial" || status === "cancelled") && taskStatuses.some((s) => s !== "done");
}

const TONE = {
  queued: "info",
  running: "info",
  complete: "success",
  partial: "warning",
  failed: "danger",
  cancelled: "neutral",
  pending: "neutral",
  done: "success",
} as const;

/** A scan's (or a region's or task's) status as a coloured badge. */
export function ScanStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations("inventory.status");
  const known = t.has(status);
  return (
    <Badge tone={TONE[status as keyof typeof TONE] ?? "neutral"} data-testid={testId} data-status={status}>
      {known ? t(status) : status}
    </Badge>
  );
}
