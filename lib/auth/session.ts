import "server-only";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { isRole, type Role } from "@/lib/auth/permissions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  locale: string | null;
  /** Someone else chose this user's password: nothing but choosing their own is allowed. */
  mustChangePassword: boolean;
}

export type SessionLookup =
  | { status: "signed-in"; user: SessionUser; sessionId: string }
  | { status: "expired" }
  | { status: "anonymous" };

/** True when the request carries a session cookie, valid or not. */
function hasSessionCookie(h: Headers): boolean {
  const cookie = h.get("cookie") ?? "";
  return /(?:^|;\s*)(?:__Secure-)?silkroute\.session_token=/.test(cookie);
}

export async function lookupSession(h?: Headers): Promise<SessionLookup> {
  const requestHeaders = h ?? (await headers());
  const result = await auth().api.getSession({ headers: requestHeaders });
  if (!result) return hasSessionCookie(requestHeaders) ? { status: "expired" } : { status: "anonymous" };
  const u = result.user as typeof result.user & { role?: unknown; organizationId?: string; locale?: string | null; disabled?: boolean; mustChangePassword?: boolean };
  if (u.disabled || !isRole(u.role) || !u.organizationId) return { status: "expired" };
  return {
    status: "signed-in",
    sessionId: result.session.id,
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      organizationId: u.organizationId,
      locale: u.locale ?? null,
      mustChangePassword: u.mustChangePassword === true,
    },
  };
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await lookupSession();
  return session.status === "signed-in" ? session.user : null;
}
