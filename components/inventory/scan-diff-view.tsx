"use client";
import Link from "next/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Label, Select } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { SafeText } from "@/components/ui/safe-text";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/error-text";
import { DIFF_PAGE_SIZE, useScanDiff } from "@/components/inventory/use-scan-diff";
import type { DiffFilters } from "@/components/inventory/inventory-keys";
import { cn } from "@/lib/ui/cn";

const CHANGE_TONE = { added: "success", removed: "danger", changed: "warning" } as const;

/** What changed between `base` and this scan: totals, per kind, and the resources one page at a time. */
export function ScanDiffView({ scanId, base }: { scanId: string; base: string }) {
  const t = useTranslations("inventory.diff");
  const format = useFormatter();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<DiffFilters>({ base, page: 1 });
  const current = filters.base === base ? filters : { base, page: 1 };
  const diff = useScanDiff(scanId, current);
  const update = (change: Partial<DiffFilters>) => setFilters({ ...current, page: 1, ...change });

  if (diff.isError) return <Alert tone="error">{errorText(diff.error as never)}</Alert>;
  if (!diff.data) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const d = diff.data;
  return (
    <div className={cn("space-y-4", diff.isFetching && diff.isPlaceholderData && "opacity-60")} data-testid="scan-diff">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(["added", "removed", "changed", "unchanged"] as const).map((k) => (
          <div key={k} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{t(k)}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`diff-${k}`}>
              {format.number(d.totals[k])}
            </dd>
          </div>
        ))}
      </dl>
      {d.byKind.length === 0 ? (
        <p className="text-sm text-slate-600">{t("same")}</p>
      ) : (
        <>
          <div className="overflow-hidden rounded-md border border-slate-200">
            <Table>
              <THead>
                <tr>
                  <Th>{t("kind")}</Th>
                  <Th className="text-right">{t("added")}</Th>
                  <Th className="text-right">{t("removed")}</Th>
                  <Th className="text-right">{t("changed")}</Th>
                </tr>
              </THead>
              <TBody>
                {d.byKind.map((k) => (
                  <tr key={k.kind}>
                    <Td className="font-mono text-xs">
                      <button type="button" className="text-left text-brand-700 hover:underline" onClick={() => update({ kind: current.kind === k.kind ? undefined : k.kind })}>
                        <SafeText value={k.kind} />
                      </button>
                    </Td>
                    <Td className="text-right tabular-nums">{format.number(k.added)}</Td>
                    <Td className="text-right tabular-nums">{format.number(k.removed)}</Td>
                    <Td className="text-right tabular-nums">{format.number(k.changed)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <Label htmlFor="diff-change">{t("changeFilter")}</Label>
              <Select id="diff-change" className="h-9 w-48" value={current.change ?? ""} onChange={(e) => update({ change: (e.target.value || undefined) as DiffFilters["change"] })}>
                <option value="">{t("anyChange")}</option>
                <option value="added">{t("added")}</option>
                <option value="removed">{t("removed")}</option>
                <option value="changed">{t("changed")}</option>
              </Select>
            </div>
            {current.kind ? (
              <Badge tone="info" className="mb-2 gap-1">
                <SafeText value={current.kind} />
                <button type="button" className="ml-1" onClick={() => update({ kind: undefined })} aria-label={t("clearKind")}>
                  ×
                </button>
              </Badge>
            ) : null}
          </div>
          <div className="overflow-hidden rounded-md border border-slate-200">
            <Table className="w-full table-fixed" data-testid="diff-rows">
              <THead>
                <tr>
                  <Th className="w-28">{t("change")}</Th>
                  <Th>{t("resource")}</Th>
                  <Th className="hidden w-[30%] sm:table-cell">{t("kind")}</Th>
                  <Th className="hidden w-32 md:table-cell">{t("region")}</Th>
                </tr>
              </THead>
              <TBody>
                {d.rows.map((r) => (
                  <tr key={`${r.change}-${r.arn}`} data-testid="diff-row">
                    <Td>
                      <Badge tone={CHANGE_TONE[r.change]}>{t(r.change)}</Badge>
                    </Td>
                    <Td className="min-w-0">
                      {r.resourceId ? (
                        <Link href={`/inventory/resources/${r.resourceId}`} className="block min-w-0 font-medium text-brand-700 hover:underline">
                          <SafeText value={r.name || r.arn} truncate />
                        </Link>
                      ) : (
                        <SafeText value={r.name || r.arn} truncate className="font-medium" />
                      )}
                      <span className="block font-mono text-[11px] text-slate-500">
                        <SafeText value={r.arn} truncate />
                      </span>
                    </Td>
                    <Td className="hidden font-mono text-xs sm:table-cell">
                      <SafeText value={r.kind} truncate />
                    </Td>
                    <Td className="hidden font-mono text-xs md:table-cell">{r.region}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </div>
          <Pager page={current.page} pageSize={DIFF_PAGE_SIZE} total={d.total} onPage={(page) => setFilters({ ...current, page })} busy={diff.isFetching} />
        </>
      )}
    </div>
  );
}
