import "server-only";
import crypto from "node:crypto";
import { headers } from "next/headers";
import { parseForwardedFor, pickClientAddress } from "@/lib/net/resolve-client-address";

export interface RequestContext {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * The client address. Silkroute's web server (scripts/web-server.ts) has already resolved it,
 * through the trusted proxy hops, and left exactly that one address in X-Forwarded-For; should a
 * chain still arrive here, its right-most entry is taken (never the left-most, which is what a
 * client writes), the same arithmetic with no hop trusted. better-auth's rate limiter reads the
 * same single-valued header (lib/auth/auth.ts, advanced.ipAddress).
 */
export function clientIp(h: Headers): string | null {
  return pickClientAddress(parseForwardedFor(h.get("x-forwarded-for")), 0);
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
