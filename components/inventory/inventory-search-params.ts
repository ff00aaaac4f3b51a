/**
 * The inventory view's state as it lives in the address bar, so a filtered, sorted page can be
 * shared and reloaded: ?scan&kind&region&tag&q&sort&dir&page. Defaults are left out.
 */
export const SORT_COLUMNS = ["name", "kind", "region", "arn"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export const PAGE_SIZE = 50;

export interface InventoryFilters {
  scanId?: string;
  kind?: string;
  region?: string;
  /** "key" (has the tag) or "key=value". */
  tag?: string;
  q?: string;
  sort: SortColumn;
  dir: "asc" | "desc";
  page: number;
}

const text = (value: string | null, max: number): string | undefined => {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
};

export function parseInventoryFilters(params: URLSearchParams): InventoryFilters {
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  return {
    scanId: text(params.get("scan"), 64),
    kind: text(params.get("kind"), 200),
    region: text(params.get("region"), 64),
    tag: text(params.get("tag"), 600),
    q: text(params.get("q"), 200),
    sort: (SORT_COLUMNS as readonly string[]).includes(sort ?? "") ? (sort as SortColumn) : "name",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The address-bar form of the filters (defaults omitted). */
export function inventorySearch(filters: InventoryFilters): string {
  const p = new URLSearchParams();
  if (filters.scanId) p.set("scan", filters.scanId);
  if (filters.kind) p.set("kind", filters.kind);
  if (filters.region) p.set("region", filters.region);
  if (filters.tag) p.set("tag", filters.tag);
  if (filters.q) p.set("q", filters.q);
  if (filters.sort !== "name") p.set("sort", filters.sort);
  if (filters.dir !== "asc") p.set("dir", filters.dir);
  if (filters.page !== 1) p.set("page", String(filters.page));
  return p.toString();
}

/** Changes some filters; any change other than the page itself goes back to page 1. */
export function withFilters(current: InventoryFilters, change: Partial<InventoryFilters>): InventoryFilters {
  const next = { ...current, ...change };
  if (!("page" in change)) next.page = 1;
  for (const key of ["scanId", "kind", "region", "tag", "q"] as const) if (!next[key]) delete next[key];
  return next;
}

function filterParams(filters: InventoryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.scanId) p.set("scanId", filters.scanId);
  if (filters.kind) p.set("kind", filters.kind);
  if (filters.region) p.set("region", filters.region);
  if (filters.tag) p.set("tag", filters.tag);
  if (filters.q) p.set("q", filters.q);
  return p;
}

/** The resources API's query for one page of the table. */
export function resourcesApiSearch(filters: InventoryFilters): string {
  const p = filterParams(filters);
  p.set("sort", filters.sort);
  p.set("dir", filters.dir);
  p.set("page", String(filters.page));
  p.set("pageSize", String(PAGE_SIZE));
  return p.toString();
}

/** The export download of what the table shows (all pages), in the given format. */
export function exportHref(planId: string, filters: InventoryFilters, format: "csv" | "json"): string {
  const p = filterParams(filters);
  p.set("format", format);
  return `/api/plans/${encodeURIComponent(planId)}/export?${p.toString()}`;
}
