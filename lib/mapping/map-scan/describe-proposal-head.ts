import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import type { Proposal, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

/** What every proposal opens with: the resource it is for and the catalogue target it proposes. */
export function describeProposalHead(
  row: Pick<ScanResource, "arn" | "kind" | "name">,
  target: Pick<CatalogueTarget, "name" | "rosType" | "fit"> | null | undefined,
): Pick<Proposal, "arn" | "kind" | "name" | "target" | "rosType" | "fit"> {
  return { arn: row.arn, kind: row.kind, name: row.name, target: target?.name ?? null, rosType: target?.rosType ?? null, fit: target?.fit ?? null };
}
