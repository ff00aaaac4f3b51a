"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/error-text";
import { ScanStatusBadge, isScanActive } from "@/components/inventory/scan-status";
import { useScans } from "@/components/inventory/use-scans";
import { useFormatDuration } from "@/components/inventory/use-format-duration";
import { useNow } from "@/components/ui/use-now";

/** The plan's scans, newest first: what each read, how it ended, who started it and how long it took. */
export function ScansTable({ planId }: { planId: string }) {
  const t = useTranslations("inventory.scans");
  const modeT = useTranslations("inventory.mode");
  const format = useFormatter();
  const duration = useFormatDuration();
  const errorText = useErrorText();
  const scans = useScans(planId);
  const now = useNow(scans.data?.some((s) => isScanActive(s.status)) ?? false);
  return (
    <Card>
      <CardHeader title={t("listTitle")} description={t("listDescription")} />
      {scans.isError ? (
        <div className="p-5">
          <Alert tone="error">{errorText(scans.error as never)}</Alert>
        </div>
      ) : (
        <Table data-testid="scans-table">
          <THead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("status")}</Th>
              <Th className="hidden sm:table-cell">{t("mode")}</Th>
              <Th className="hidden md:table-cell">{t("regions")}</Th>
              <Th className="text-right">{t("resources")}</Th>
              <Th className="text-right">{t("issues")}</Th>
              <Th className="hidden lg:table-cell">{t("startedBy")}</Th>
              <Th className="hidden sm:table-cell">{t("duration")}</Th>
            </tr>
          </THead>
          <TBody>
            {scans.isPending ? (
              <tr>
                <Td colSpan={8} className="text-slate-500">
                  {t("loading")}
                </Td>
              </tr>
            ) : scans.data.length === 0 ? (
              <tr>
                <Td colSpan={8} className="py-6 text-center text-slate-500">
                  {t("none")}
                </Td>
              </tr>
            ) : (
              scans.data.map((s) => {
                const end = s.finishedAt ? new Date(s.finishedAt).getTime() : isScanActive(s.status) ? now : null;
                const took = s.startedAt && end ? (end - new Date(s.startedAt).getTime()) / 1000 : null;
                return (
                  <tr key={s.id} data-testid="scan-row">
                    <Td className="whitespace-nowrap">
                      <Link href={`/inventory/scans/${s.id}`} className="font-medium text-brand-700 hover:underline" data-testid="scan-link">
                        {format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                      </Link>
                    </Td>
                    <Td>
                      <ScanStatusBadge status={s.status} />
                    </Td>
                    <Td className="hidden whitespace-nowrap sm:table-cell">
                      {modeT.has(s.mode) ? modeT(s.mode) : s.mode}
                      {s.includeShadows ? <span className="ml-1 text-xs text-slate-500">{t("withShadows")}</span> : null}
                    </Td>
                    <Td className="hidden font-mono text-xs md:table-cell">{s.regions.join(", ")}</Td>
                    <Td className="text-right tabular-nums">{format.number(s.resourceCount)}</Td>
                    <Td className="text-right tabular-nums">{s.issues > 0 ? <span className="font-medium text-amber-700">{format.number(s.issues)}</span> : 0}</Td>
                    <Td className="hidden max-w-[14rem] truncate lg:table-cell" title={s.requestedBy ?? undefined}>
                      {s.requestedBy ?? (s.origin === "cli" ? t("commandLine") : "—")}
                    </Td>
                    <Td className="hidden whitespace-nowrap text-slate-600 sm:table-cell">{duration(took)}</Td>
                  </tr>
                );
              })
            )}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
