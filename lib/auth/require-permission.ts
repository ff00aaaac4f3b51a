import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { authorise, authorisePlan } from "@/lib/auth/authorise";
import { contextFromHeaders } from "@/lib/request-context";
import { AppError } from "@/lib/errors";
import type { LoadedScope, PlanLocator } from "@/lib/plans/scoped-plan";
import { safeNextPath } from "@/lib/auth/safe-next-path";

/**
 * For pages and layouts: the signed-in user, if their role has the permission (the same
 * authorise() as route handlers and actions). Without a session the browser goes to the sign-in
 * page (saying so when the session expired); a user whose password someone else chose goes to
 * the password page; without the permission the server answers 403, and the refusal is written
 * to the audit log.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const h = await headers();
  try {
    return await authorise(permission, {
      headers: h,
      context: contextFromHeaders(h),
      refusal: { action: "access.page", target: { type: "page", id: h.get("x-silkroute-path") ?? null } },
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "UNAUTHENTICATED" || err.code === "SESSION_EXPIRED") {
      const params = new URLSearchParams({ next: safeNextPath(h.get("x-silkroute-path")) });
      if (err.code === "SESSION_EXPIRED") params.set("reason", "expired");
      redirect(`/sign-in?${params.toString()}`);
    }
    if (err.code === "PASSWORD_CHANGE_REQUIRED") redirect("/change-password");
    forbidden();
  }
}

/** For pages about one plan, scan or resource: the user and the plan, loaded within their organisation (404 otherwise). */
export async function requirePlan(permission: Permission, locator: PlanLocator): Promise<{ user: SessionUser } & LoadedScope> {
  const user = await requirePermission(permission);
  try {
    return { user, ...(await authorisePlan(user, locator)) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
