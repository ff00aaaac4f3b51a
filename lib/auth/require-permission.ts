import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { can, type Permission } from "@/lib/auth/permissions";
import { lookupSession, type SessionUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contextFromHeaders } from "@/lib/request-context";

/**
 * For pages and layouts: the signed-in user, if their role has the permission. Without a session
 * the browser goes to the sign-in page (saying so when the session expired); without the
 * permission the server answers 403 and the refusal is written to the audit log.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const h = await headers();
  const session = await lookupSession(h);
  if (session.status !== "signed-in") {
    const path = h.get("x-silkroute-path") ?? "/";
    const next = path.startsWith("/") && !path.startsWith("//") ? path : "/";
    const params = new URLSearchParams({ next });
    if (session.status === "expired") params.set("reason", "expired");
    redirect(`/sign-in?${params.toString()}`);
  }
  if (session.user.mustChangePassword) redirect("/change-password");
  if (!can(session.user.role, permission)) {
    await recordAuditEvent({
      actor: { id: session.user.id, email: session.user.email, role: session.user.role },
      action: "access.page",
      outcome: "denied",
      target: { type: "page", id: h.get("x-silkroute-path") ?? null },
      context: contextFromHeaders(h),
      details: { permission },
    });
    forbidden();
  }
  return session.user;
}
