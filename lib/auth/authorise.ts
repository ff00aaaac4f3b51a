import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { lookupSession, type SessionUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadPlanScope, type LoadedScope, type PlanLocator } from "@/lib/plans/scoped-plan";
import type { RequestContext } from "@/lib/request-context";
import { AppError } from "@/lib/errors";

/**
 * The one authorisation check behind every wrapper: pages (requirePermission, requirePlan),
 * route handlers (withPermission, withPlan) and server actions (defineAction,
 * definePlanAction). It checks the session, holds a user whose password someone else chose at
 * the password page, checks the role against the permission table, loads the plan within the
 * user's organisation when the request names one, and writes every refusal to the audit log.
 */

/**
 * What a request needs: a permission of the table; "self" for a signed-in user's own
 * preferences (allowed while a password change is pending); "public" for no session at all.
 */
export type Access = Permission | "self" | "public";

export interface AuthoriseOptions {
  headers: Headers;
  context: RequestContext;
  /** How a refusal is recorded in the audit log. */
  refusal: { action: string; target?: { type: string; id?: string | null } | null };
  /** Also record refusals of requests without a session (server actions do; polled routes and pages do not). */
  auditAnonymous?: boolean;
}

export type Authorised<A extends Access> = A extends "public" ? SessionUser | null : SessionUser;

export async function authorise<A extends Access>(access: A, options: AuthoriseOptions): Promise<Authorised<A>> {
  const session = await lookupSession(options.headers);
  if (session.status !== "signed-in") {
    if (access === "public") return null as Authorised<A>;
    if (options.auditAnonymous) {
      await recordAuditEvent({
        actor: null,
        action: options.refusal.action,
        outcome: "denied",
        target: options.refusal.target ?? null,
        context: options.context,
        details: { reason: session.status },
      });
    }
    throw session.status === "expired" ? new AppError("SESSION_EXPIRED", "sessionExpired") : new AppError("UNAUTHENTICATED", "unauthenticated");
  }
  const { user } = session;
  if (access === "public" || access === "self") return user;
  const refuse = (details: Record<string, string>) =>
    recordAuditEvent({
      actor: { id: user.id, email: user.email, role: user.role },
      action: options.refusal.action,
      outcome: "denied",
      target: options.refusal.target ?? null,
      context: options.context,
      details,
    });
  if (user.mustChangePassword) {
    await refuse({ reason: "password-change-required" });
    throw new AppError("PASSWORD_CHANGE_REQUIRED", "passwordChangeRequired");
  }
  if (!can(user.role, access as Permission)) {
    await refuse({ permission: access as Permission });
    throw new AppError("FORBIDDEN", "roleForbids");
  }
  return user;
}

/** The plan a request names, loaded within the user's organisation (NOT_FOUND otherwise, also for another organisation's plan). */
export async function authorisePlan(user: SessionUser, locator: PlanLocator): Promise<LoadedScope> {
  return loadPlanScope(user.organizationId, locator);
}
