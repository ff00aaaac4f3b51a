import "server-only";
import { db } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface ScanListItem {
  id: string;
  status: string;
  mode: string;
  includeShadows: boolean;
  regions: string[];
  origin: string;
  requestedBy: string | null;
  resourceCount: number;
  issues: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  previousScanId: string | null;
}

export async function listScans(plan: ScopedPlan, limit = 50): Promise<ScanListItem[]> {
  const scans = await db().scan.findMany({
    where: { planId: plan.id },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { _count: { select: { issues: true } } },
  });
  const requesters = await db().user.findMany({ where: { id: { in: scans.map((s) => s.requestedById).filter((x): x is string => !!x) } }, select: { id: true, email: true } });
  const email = new Map(requesters.map((u) => [u.id, u.email]));
  return scans.map((s) => ({
    id: s.id,
    status: s.status,
    mode: s.mode,
    includeShadows: s.includeShadows,
    regions: s.regions,
    origin: s.origin,
    requestedBy: s.requestedById ? (email.get(s.requestedById) ?? null) : null,
    resourceCount: s.resourceCount,
    issues: s._count.issues,
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
    previousScanId: s.previousScanId,
  }));
}
