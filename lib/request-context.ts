import "server-only";
import crypto from "node:crypto";
import { headers } from "next/headers";

export interface RequestContext {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** The client address: Silkroute's web server puts the socket address (or, behind a trusted proxy, the proxy's value) in x-forwarded-for. */
export function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for");
  if (!forwarded) return null;
  const first = forwarded.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

export function contextFromHeaders(h: Headers): RequestContext {
  return {
    requestId: h.get("x-request-id")?.slice(0, 64) || crypto.randomUUID(),
    ipAddress: clientIp(h),
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The context of the request being handled (pages, server actions, route handlers). */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
