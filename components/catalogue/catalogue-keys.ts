import type { CatalogueFilters } from "@/lib/catalogue/filter-catalogue-entries";

/** Query keys of the organisation's catalogue. */
export const catalogueKeys = {
  all: ["catalogue"] as const,
  list: (filters: CatalogueFilters) => [...catalogueKeys.all, "list", filters] as const,
  history: (kind: string) => [...catalogueKeys.all, "history", kind] as const,
  differences: () => [...catalogueKeys.all, "differences"] as const,
};
