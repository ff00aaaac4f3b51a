import "server-only";
import { z } from "zod";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { ProposalCandidate, ProposalReason } from "@/lib/mapping/map-scan/map-scan-types";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";

const statusList = z
  .string()
  .max(100)
  .transform((v) => v.split(",").filter(Boolean))
  .pipe(z.array(z.enum(["mapped", "decision", "none", "blocked"])).min(1).max(4));

/** The query string of the list of open decisions (and of decided or unmapped resources). */
export const openDecisionsQuerySchema = z.object({
  status: statusList.optional(),
  /** true: only resources an architect decided; false: only those nobody decided. */
  overridden: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  kind: z.string().min(1).max(256).optional(),
  /** The id of the last item of the previous page. */
  after: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type OpenDecisionsQuery = z.infer<typeof openDecisionsQuerySchema>;

export interface DecisionOverrideView {
  status: string;
  target: string | null;
  reason: string;
  decidedByEmail: string | null;
  decidedAt: string;
}

export interface OpenDecisionItem {
  id: string;
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: string;
  proposedStatus: string;
  target: string | null;
  rosType: string | null;
  fit: string | null;
  reasons: ProposalReason[];
  /** What the architect can choose from: the proposal's candidates, else the catalogue's targets of the kind. */
  candidates: ProposalCandidate[];
  alternatives: string[];
  overridden: boolean;
  overrideStale: boolean;
  override: DecisionOverrideView | null;
}

export interface OpenDecisionsPage {
  runId: string | null;
  items: OpenDecisionItem[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
}

interface Row {
  id: string;
  kind: string;
  arn: string;
  name: string;
  region: string;
  status: string;
  proposed_status: string;
  target: string | null;
  ros_type: string | null;
  fit: string | null;
  reasons: unknown;
  choices: unknown;
  alternatives: unknown;
  overridden: boolean;
  override_stale: boolean;
  o_status: string | null;
  o_target: string | null;
  o_reason: string | null;
  o_by: string | null;
  o_at: Date | null;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * The proposals of the plan's newest mapping run an architect works through: by default those that
 * need a decision; `status` widens it (no equivalent, blocked), `overridden` narrows it to what was
 * decided (with who, when and why) or to what nobody decided, `kind` to one kind. Pages by keyset
 * on the proposal id, so a page costs the same at 100,000 proposals as at 10.
 */
export async function listOpenDecisions(plan: ScopedPlan, query: OpenDecisionsQuery): Promise<OpenDecisionsPage> {
  const run = await readNewestMappingRun(plan);
  if (!run) return { runId: null, items: [], nextAfter: null };
  const params: unknown[] = [run.id, plan.id];
  const where = ["p.run_id = $1"];
  const statuses = query.status ?? (query.overridden ? undefined : ["decision"]);
  if (statuses) {
    params.push(statuses);
    where.push(`p.status = ANY($${params.length}::text[])`);
  }
  if (query.overridden !== undefined) where.push(query.overridden ? "p.overridden" : "NOT p.overridden");
  if (query.kind) {
    params.push(query.kind);
    where.push(`p.kind = $${params.length}`);
  }
  if (query.after) {
    params.push(query.after);
    where.push(`p.id > $${params.length}::bigint`);
  }
  const limit = query.limit;
  const { rows } = await sqlQuery<Row>(
    `SELECT p.id::text AS id, p.kind, p.arn, p.name, p.region, p.status, p.proposed_status, p.target, p.ros_type, p.fit, p.reasons, p.choices,
            p.alternatives, p.overridden, p.override_stale, o.status AS o_status, o.target AS o_target, o.reason AS o_reason,
            o.decided_by_email AS o_by, o.decided_at AS o_at
       FROM mapping_proposal_details p
       LEFT JOIN mapping_overrides o ON o.plan_id = $2 AND o.kind = p.kind AND o.arn = p.arn
      WHERE ${where.join(" AND ")}
      ORDER BY p.id LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const { catalogue } = page.length > 0 ? await readOrganizationCatalogue(plan.organizationId) : { catalogue: null };
  const catalogueCandidates = (kind: string): ProposalCandidate[] =>
    catalogue?.entries.find((e) => e.kind === kind)?.targets.map((t) => ({ name: t.name, rank: t.rank, rosType: t.rosType, fit: t.fit })) ?? [];
  const items = page.map((r): OpenDecisionItem => {
    const choices = asArray<ProposalCandidate>(r.choices).filter((c) => c !== null && typeof c === "object" && typeof c.name === "string");
    return {
      id: r.id,
      kind: r.kind,
      arn: r.arn,
      name: r.name,
      region: r.region,
      status: r.status,
      proposedStatus: r.proposed_status,
      target: r.target,
      rosType: r.ros_type,
      fit: r.fit,
      reasons: asArray<ProposalReason>(r.reasons).filter((x) => x !== null && typeof x === "object"),
      candidates: choices.length > 0 ? choices : catalogueCandidates(r.kind),
      alternatives: asArray<unknown>(r.alternatives).filter((a): a is string => typeof a === "string"),
      overridden: r.overridden,
      overrideStale: r.override_stale,
      override:
        r.o_status !== null
          ? { status: r.o_status, target: r.o_target, reason: r.o_reason ?? "", decidedByEmail: r.o_by, decidedAt: new Date(r.o_at!).toISOString() }
          : null,
    };
  });
  return { runId: run.id, items, nextAfter: rows.length > limit ? page[page.length - 1]!.id : null };
}
