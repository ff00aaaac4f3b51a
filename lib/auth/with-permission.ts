import "server-only";
import { ZodError } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { authorise, authorisePlan, type Access, type Authorised } from "@/lib/auth/authorise";
import { contextFromHeaders, type RequestContext } from "@/lib/request-context";
import { AppError, errorPayload, reasonText, type ErrorBody } from "@/lib/errors";
import type { PlanLocator, ScopedPlan, ScopedResource, ScopedScan } from "@/lib/plans/scoped-plan";
import { logger } from "@/lib/log";

export interface HandlerContext<Params, User = SessionUser> {
  user: User;
  params: Params;
  request: RequestContext;
}

/** Turns any error into a response with a code, a reason and a clear message; the detail goes to the log. */
export function errorResponse(err: unknown, request: RequestContext): Response {
  const headers = { "x-request-id": request.requestId };
  if (err instanceof AppError) {
    if (err.status >= 500) logger().error({ err, requestId: request.requestId }, err.message);
    const body: ErrorBody = { error: errorPayload(err, request.requestId) };
    return Response.json(body, { status: err.status, headers });
  }
  if (err instanceof ZodError) {
    const fields = Object.fromEntries(err.issues.map((i) => [i.path.join(".") || "input", i.message]));
    const body: ErrorBody = { error: errorPayload(new AppError("VALIDATION_FAILED", "requestInvalid"), request.requestId, fields) };
    return Response.json(body, { status: 400, headers });
  }
  logger().error({ err, requestId: request.requestId }, "unhandled error in route handler");
  const body: ErrorBody = { error: { code: "INTERNAL", reason: "internal", message: reasonText("internal"), requestId: request.requestId } };
  return Response.json(body, { status: 500, headers });
}

type RouteContext<Params> = { params: Promise<Params> };

function refusalOf(req: Request) {
  return { action: "access.api", target: { type: "route", id: `${req.method} ${new URL(req.url).pathname}` } };
}

/**
 * Wraps a route handler that is not about one plan (users, connections, the audit log): checks
 * the session and the permission where the data is read, writes refusals to the audit log, and
 * answers errors with a code and a reason, never with raw error text. Handlers filter by
 * `user.organizationId`.
 */
export function withPermission<Params = Record<string, string>, A extends Access = Access>(
  access: A,
  handler: (req: Request, ctx: HandlerContext<Params, Authorised<A>>) => Promise<Response>,
) {
  return async (req: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const request = contextFromHeaders(req.headers);
    try {
      const user = await authorise(access, { headers: req.headers, context: request, refusal: refusalOf(req) });
      const params = (await routeContext?.params) ?? ({} as Params);
      return await handler(req, { user, params, request });
    } catch (err) {
      return errorResponse(err, request);
    }
  };
}

type PlanParams = { planId: string } | { scanId: string } | { resourceId: string };

/** What a plan-scoped handler is handed, by the parameter its route names the plan with. */
export type PlanScopeOf<Params> = Params extends { resourceId: string }
  ? { plan: ScopedPlan; scan: ScopedScan; resource: ScopedResource }
  : Params extends { scanId: string }
    ? { plan: ScopedPlan; scan: ScopedScan }
    : { plan: ScopedPlan };

function locatorOf(params: Record<string, unknown>): PlanLocator | null {
  if (typeof params.planId === "string") return { planId: params.planId };
  if (typeof params.scanId === "string") return { scanId: params.scanId };
  if (typeof params.resourceId === "string") return { resourceId: params.resourceId };
  return null;
}

/**
 * Wraps a route handler about one plan: the route's `[planId]` (or `[scanId]`, `[resourceId]`)
 * is parsed, the plan is loaded within the user's organisation, and the handler is handed the
 * plan (and the scan or resource), so it cannot forget the tenant check. Another organisation's
 * plan, scan or resource is NOT_FOUND, as one that does not exist.
 */
export function withPlan<Params extends PlanParams>(
  permission: Access & string,
  handler: (req: Request, ctx: HandlerContext<Params> & PlanScopeOf<Params>) => Promise<Response>,
) {
  return async (req: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const request = contextFromHeaders(req.headers);
    try {
      const user = (await authorise(permission, { headers: req.headers, context: request, refusal: refusalOf(req) })) as SessionUser;
      const params = ((await routeContext?.params) ?? {}) as Params;
      const locator = locatorOf(params as Record<string, unknown>);
      if (!locator) throw new AppError("NOT_FOUND", "planIdMissing");
      const scope = await authorisePlan(user, locator);
      const ctx = { user, params, request, plan: scope.plan, scan: scope.scan, resource: scope.resource } as unknown as HandlerContext<Params> & PlanScopeOf<Params>;
      return await handler(req, ctx);
    } catch (err) {
      return errorResponse(err, request);
    }
  };
}
