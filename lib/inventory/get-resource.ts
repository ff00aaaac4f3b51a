import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedResource } from "@/lib/plans/scoped-plan";

export interface RelationView {
  type: string;
  /** The ARN on the other side of the edge. */
  arn: string;
  /** Its kind: from the inventory when present, else from the reference. */
  kind: string | null;
  name: string | null;
  /** The resource on the other side, when the scan found it; null for a dangling reference. */
  resourceId: string | null;
  dangling: boolean;
}

export interface ResourceDetail {
  id: string;
  scanId: string;
  planId: string;
  arn: string;
  accountId: string;
  region: string;
  kind: string;
  name: string;
  tags: Record<string, string>;
  raw: unknown;
  /** What the scan could not read about this resource: the operations that failed, and why. */
  gaps: Array<{ operation: string; code: string }>;
  outgoing: RelationView[];
  incoming: RelationView[];
}

const MAX_EDGES = 500;

/** One resource with its raw API data and its relations both ways, within an organisation. */
export async function getResource(resource: ScopedResource): Promise<ResourceDetail> {
  const resourceId = resource.id;
  const organizationId = resource.plan.organizationId;
  if (!/^\d{1,19}$/.test(resourceId)) throw new AppError("NOT_FOUND", "resourceNotFound");
  const found = await pool().query<Omit<ResourceDetail, "outgoing" | "incoming" | "gaps"> & { gaps: unknown; organization_id: string }>(
    `SELECT r.id::text AS id, r.scan_id AS "scanId", r.plan_id AS "planId", r.arn, r.account_id AS "accountId", r.region, r.kind, r.name, r.tags, r.raw, r.gaps, p.organization_id
     FROM resources r JOIN migration_plans p ON p.id = r.plan_id WHERE r.id = $1`,
    [resourceId],
  );
  const row = found.rows[0];
  if (!row || row.organization_id !== organizationId) throw new AppError("NOT_FOUND", "resourceNotFound");
  const [outgoing, incoming] = await Promise.all([
    pool().query<RelationView>(
      `SELECT e.type, e.to_arn AS arn, COALESCE(t.kind, e.to_kind) AS kind, t.name, t.id::text AS "resourceId", t.id IS NULL AS dangling
       FROM resource_relations e LEFT JOIN resources t ON t.scan_id = e.scan_id AND t.arn = e.to_arn
       WHERE e.scan_id = $1 AND e.from_arn = $2 ORDER BY e.type, e.to_arn LIMIT ${MAX_EDGES}`,
      [row.scanId, row.arn],
    ),
    pool().query<RelationView>(
      `SELECT e.type, e.from_arn AS arn, f.kind, f.name, f.id::text AS "resourceId", f.id IS NULL AS dangling
       FROM resource_relations e LEFT JOIN resources f ON f.scan_id = e.scan_id AND f.arn = e.from_arn
       WHERE e.scan_id = $1 AND e.to_arn = $2 ORDER BY e.type, e.from_arn LIMIT ${MAX_EDGES}`,
      [row.scanId, row.arn],
    ),
  ]);
  const { organization_id: _org, gaps, ...detail } = row;
  return { ...detail, gaps: readGaps(gaps), outgoing: outgoing.rows, incoming: incoming.rows };
}

/** The stored gaps, as a list of { operation, code } (anything else in the column is left out). */
function readGaps(value: unknown): ResourceDetail["gaps"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g: unknown) => {
    const gap = g as { operation?: unknown; code?: unknown } | null;
    return typeof gap?.operation === "string" && typeof gap.code === "string" ? [{ operation: gap.operation, code: gap.code }] : [];
  });
}
