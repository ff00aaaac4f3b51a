import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface ScanRef {
  id: string;
  status: string;
  mode: string;
  createdAt: Date;
  finishedAt: Date | null;
  resourceCount: number;
  /** Counts per region and kind, kept when the scan finished (null while it runs). */
  kindCounts: Array<{ region: string; kind: string; count: number }> | null;
}

/**
 * The scan an inventory view shows: the one asked for, else the newest finished one (complete or
 * partial), else the newest that has read anything (a first scan still running).
 */
export async function resolveScan(plan: ScopedPlan, scanId?: string | null): Promise<ScanRef | null> {
  const planId = plan.id;
  const select = { id: true, status: true, mode: true, createdAt: true, finishedAt: true, resourceCount: true, kindCounts: true } as const;
  const shape = (scan: { kindCounts: unknown } & Omit<ScanRef, "kindCounts">): ScanRef => ({
    ...scan,
    kindCounts: (scan.kindCounts as ScanRef["kindCounts"]) ?? null,
  });
  if (scanId) {
    const scan = await db().scan.findFirst({ where: { id: scanId, planId }, select });
    if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
    return shape(scan);
  }
  const finished = await db().scan.findFirst({ where: { planId, status: { in: ["complete", "partial"] } }, orderBy: { createdAt: "desc" }, select });
  if (finished) return shape(finished);
  const running = await db().scan.findFirst({ where: { planId, tasks: { some: { itemsFound: { gt: 0 } } } }, orderBy: { createdAt: "desc" }, select });
  return running ? shape(running) : null;
}
