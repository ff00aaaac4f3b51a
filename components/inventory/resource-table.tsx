"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { SafeText } from "@/components/ui/safe-text";
import { TagList } from "@/components/inventory/tag-list";
import type { SortColumn } from "@/components/inventory/inventory-search-params";
import type { ResourcePageView } from "@/components/inventory/use-resources";
import { cn } from "@/lib/ui/cn";

function SortHeader({ column, label, sort, dir, onSort, className }: { column: SortColumn; label: string; sort: SortColumn; dir: "asc" | "desc"; onSort: (column: SortColumn) => void; className?: string }) {
  const active = sort === column;
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button type="button" onClick={() => onSort(column)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900" data-testid={`sort-${column}`}>
        {label}
        <Icon aria-hidden className={cn("h-3.5 w-3.5", active ? "text-brand-600" : "text-slate-400")} />
      </button>
    </Th>
  );
}

/** One page of resources; each name opens the resource. Sorting is done by the server. */
export function ResourceTable({
  rows,
  sort,
  dir,
  onSort,
  busy,
  empty,
}: {
  rows: ResourcePageView["rows"];
  sort: SortColumn;
  dir: "asc" | "desc";
  onSort: (column: SortColumn) => void;
  busy: boolean;
  empty: string;
}) {
  const t = useTranslations("inventory.table");
  return (
    <div aria-busy={busy} className={cn("transition-opacity", busy && "opacity-60")}>
      <Table data-testid="resource-table" className="w-full table-fixed">
        <THead>
          <tr>
            <SortHeader column="name" label={t("name")} sort={sort} dir={dir} onSort={onSort} className="w-[55%] sm:w-[34%] lg:w-[28%]" />
            <SortHeader column="kind" label={t("kind")} sort={sort} dir={dir} onSort={onSort} className="w-[45%] sm:w-[26%] lg:w-[20%]" />
            <SortHeader column="region" label={t("region")} sort={sort} dir={dir} onSort={onSort} className="hidden sm:table-cell sm:w-[15%] lg:w-[12%]" />
            <SortHeader column="arn" label={t("arn")} sort={sort} dir={dir} onSort={onSort} className="hidden lg:table-cell lg:w-[23%]" />
            <Th className="hidden sm:table-cell sm:w-[25%] lg:w-[17%]">{t("tags")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.length === 0 ? (
            <tr>
              <Td colSpan={5} className="py-6 text-center text-slate-500">
                {empty}
              </Td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.id} data-testid="resource-row" className="hover:bg-slate-50">
                <Td className="min-w-0">
                  <Link href={`/inventory/resources/${r.id}`} className="block min-w-0 font-medium text-brand-700 hover:underline" data-testid="resource-link">
                    <SafeText value={r.name || r.arn} truncate />
                  </Link>
                  <span className="mt-0.5 block min-w-0 font-mono text-[11px] text-slate-500 lg:hidden">
                    <SafeText value={r.arn} truncate />
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-500 sm:hidden">{r.region}</span>
                </Td>
                <Td className="min-w-0 font-mono text-xs" data-testid="resource-kind">
                  <SafeText value={r.kind} truncate />
                </Td>
                <Td className="hidden truncate font-mono text-xs sm:table-cell" data-testid="resource-region">
                  {r.region}
                </Td>
                <Td className="hidden font-mono text-xs text-slate-600 lg:table-cell">
                  <SafeText value={r.arn} truncate />
                </Td>
                <Td className="hidden sm:table-cell">
                  <TagList tags={r.tags} moreLabel={(n) => t("moreTags", { n })} />
                </Td>
              </tr>
            ))
          )}
        </TBody>
      </Table>
    </div>
  );
}
