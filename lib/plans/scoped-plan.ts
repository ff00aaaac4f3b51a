import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A plan loaded within the organisation of the user asking (the tenant check). Plan-scoped
 * library functions take a ScopedPlan (or a ScopedScan / ScopedResource of one), never a bare
 * plan id, and the only way to get one is to load it through the organisation: a route or an
 * action cannot forget the check, because without it there is nothing to pass (CONVENTIONS:
 * the tenant comes from the wrapper, as Dub's withWorkspace hands the handler its workspace).
 */

declare const scoped: unique symbol;

export interface ScopedPlan {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description: string | null;
  readonly status: string;
  readonly sourceConnectionId: string | null;
  readonly sourceRegions: string[];
  readonly targetRegions: string[];
  readonly [scoped]: "plan";
}

/** A scan of a ScopedPlan. */
export interface ScopedScan {
  readonly id: string;
  readonly plan: ScopedPlan;
  readonly [scoped]: "scan";
}

/** A resource (a row of one scan) of a ScopedPlan. */
export interface ScopedResource {
  readonly id: string;
  readonly scanId: string;
  readonly plan: ScopedPlan;
  readonly [scoped]: "resource";
}

/** What names the plan of a request: its id, or a scan or resource of it. */
export type PlanLocator = { planId: string } | { scanId: string } | { resourceId: string };

const idSchema = z.string().min(1).max(64);
const resourceIdSchema = z.string().regex(/^\d{1,19}$/);

const planSelect = {
  id: true,
  organizationId: true,
  name: true,
  description: true,
  status: true,
  sourceConnectionId: true,
  sourceRegions: true,
  targetRegions: true,
} as const;

export interface LoadedScope {
  plan: ScopedPlan;
  scan: ScopedScan | null;
  resource: ScopedResource | null;
}

/** Loads the plan a locator names, within the organisation; NOT_FOUND for anything else (another organisation's included). */
export async function loadPlanScope(organizationId: string, locator: PlanLocator): Promise<LoadedScope> {
  if ("planId" in locator) {
    const id = idSchema.safeParse(locator.planId);
    if (!id.success) throw new AppError("NOT_FOUND", "planNotFound");
    const plan = await db().migrationPlan.findFirst({ where: { id: id.data, organizationId }, select: planSelect });
    if (!plan) throw new AppError("NOT_FOUND", "planNotFound");
    return { plan: plan as ScopedPlan, scan: null, resource: null };
  }
  if ("scanId" in locator) {
    const id = idSchema.safeParse(locator.scanId);
    if (!id.success) throw new AppError("NOT_FOUND", "scanNotFound");
    const scan = await db().scan.findFirst({ where: { id: id.data, plan: { organizationId } }, select: { id: true, plan: { select: planSelect } } });
    if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
    const plan = scan.plan as ScopedPlan;
    return { plan, scan: { id: scan.id, plan } as ScopedScan, resource: null };
  }
  const id = resourceIdSchema.safeParse(locator.resourceId);
  if (!id.success) throw new AppError("NOT_FOUND", "resourceNotFound");
  const rows = await db().$queryRaw<Array<{ scan_id: string; plan_id: string }>>`
    SELECT r.scan_id, r.plan_id FROM resources r JOIN migration_plans p ON p.id = r.plan_id
    WHERE r.id = ${BigInt(id.data)} AND p.organization_id = ${organizationId}`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "resourceNotFound");
  const plan = (await db().migrationPlan.findFirstOrThrow({ where: { id: row.plan_id, organizationId }, select: planSelect })) as ScopedPlan;
  const scan = { id: row.scan_id, plan } as ScopedScan;
  return { plan, scan, resource: { id: id.data, scanId: row.scan_id, plan } as ScopedResource };
}

/** For code that runs outside a request (workers, the command line, tests): a plan loaded by its organisation. */
export async function loadScopedPlan(organizationId: string, planId: string): Promise<ScopedPlan> {
  return (await loadPlanScope(organizationId, { planId })).plan;
}

/** For code outside a request: a scan of the organisation. */
export async function loadScopedScan(organizationId: string, scanId: string): Promise<ScopedScan> {
  return (await loadPlanScope(organizationId, { scanId })).scan!;
}

/** The organisation's plans that are not archived, oldest first, as scoped plans. */
export async function listScopedPlans(organizationId: string): Promise<ScopedPlan[]> {
  const plans = await db().migrationPlan.findMany({
    where: { organizationId, status: { not: "archived" } },
    orderBy: { createdAt: "asc" },
    select: planSelect,
  });
  return plans as ScopedPlan[];
}
