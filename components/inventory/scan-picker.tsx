"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { History } from "lucide-react";
import { Select } from "@/components/ui/input";
import { ScanStatusBadge, isScanActive } from "@/components/inventory/scan-status";
import type { ScanListItem } from "@/lib/inventory/list-scans";

/** Which scan the inventory shows: its status and date, a picker of the plan's other scans, and links. */
export function ScanPicker({
  shown,
  scans,
  chosenId,
  onChoose,
}: {
  shown: { id: string; status: string; mode: string; createdAt: string; resourceCount: number } | null;
  scans: ScanListItem[];
  chosenId: string | undefined;
  onChoose: (scanId: string | undefined) => void;
}) {
  const t = useTranslations("inventory.header");
  const statusT = useTranslations("inventory.status");
  const modeT = useTranslations("inventory.mode");
  const format = useFormatter();
  const label = (status: string) => (statusT.has(status) ? statusT(status) : status);
  const modeLabel = (mode: string) => (modeT.has(mode) ? modeT(mode) : mode);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  // Scans that have something to show: finished ones and a running first scan.
  const choices = scans.filter((s) => !isScanActive(s.status) || s.resourceCount > 0);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="scan-shown">
      {shown ? (
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="text-slate-500">{t("showing")}</span>
          <ScanStatusBadge status={shown.status} testId="shown-scan-status" />
          <span className="font-medium text-slate-900">{date(shown.createdAt)}</span>
          <span className="text-slate-500">
            {t("modeAndCount", { mode: modeLabel(shown.mode), count: format.number(shown.resourceCount) })}
          </span>
        </div>
      ) : null}
      <label className="flex min-w-0 items-center gap-2">
        <span className="shrink-0 text-slate-500">{t("pick")}</span>
        <Select className="h-8 min-w-0 max-w-[18rem] py-0" value={chosenId ?? ""} onChange={(e) => onChoose(e.target.value || undefined)} data-testid="scan-picker">
          <option value="">{t("latest")}</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {t("option", { date: date(s.createdAt), status: label(s.status), count: format.number(s.resourceCount) })}
            </option>
          ))}
        </Select>
      </label>
      <div className="ml-auto flex items-center gap-3">
        {shown ? (
          <Link href={`/inventory/scans/${shown.id}`} className="text-brand-700 hover:underline">
            {t("scanDetails")}
          </Link>
        ) : null}
        <Link href="/inventory/scans" className="inline-flex items-center gap-1 text-brand-700 hover:underline" data-testid="scans-link">
          <History aria-hidden className="h-4 w-4" />
          {t("scans")}
        </Link>
      </div>
    </div>
  );
}
